package dev.apigwinsights.local.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Where the demo's clients come from: address blocks that regional registries allocated to large
 * national ISPs, mobile carriers and hosting companies, each inside one country, so that an
 * offline IP-to-country database places them where this table says. One place for every range;
 * the comment on each says whose block it is (registry allocation records as of 2024). Every
 * range was checked against the bundled IPtoASN snapshot (2,000 sampled addresses each, all in
 * the listed country): wider blocks of the same owners (Orange's 90.0.0.0/9, SoftBank's 126/8)
 * hold sub-blocks announced from other countries or not at all, so the table keeps narrower ones.
 */
final class ClientNetworks {

    /** A block of addresses: IPv4 as {@code a.b.c.d/len}, IPv6 as a /32 or shorter prefix. */
    record Network(String country, String cidr, String owner) {
    }

    /** Residential and mobile networks, by country: browsers, mobile apps, people. */
    static final List<Network> CONSUMER = List.of(
            new Network("US", "73.0.0.0/8", "Comcast Cable, ARIN"),
            new Network("US", "12.0.0.0/8", "AT&T Services, ARIN"),
            new Network("US", "2601::/20", "Comcast Cable IPv6, ARIN"),
            new Network("DE", "79.192.0.0/10", "Deutsche Telekom (t-ipconnect), RIPE NCC"),
            new Network("DE", "91.0.0.0/10", "Deutsche Telekom (t-ipconnect), RIPE NCC"),
            new Network("DE", "2003::/19", "Deutsche Telekom IPv6, RIPE NCC"),
            new Network("GB", "86.128.0.0/10", "British Telecommunications (btcentralplus), RIPE NCC"),
            new Network("FR", "90.0.0.0/11", "Orange France (wanadoo), RIPE NCC"),
            new Network("FR", "2a01:cb00::/28", "Orange France IPv6, RIPE NCC"),
            new Network("JP", "126.0.0.0/12", "SoftBank, APNIC/JPNIC"),
            new Network("AU", "1.128.0.0/11", "Telstra, APNIC"),
            new Network("AU", "2001:8003::/32", "Telstra IPv6, APNIC"),
            new Network("CA", "99.224.0.0/11", "Rogers Communications, ARIN"),
            new Network("IN", "117.192.0.0/11", "Bharat Sanchar Nigam (BSNL), APNIC"),
            new Network("JP", "153.128.0.0/10", "NTT Communications (OCN), APNIC/JPNIC"),
            new Network("JP", "2400:4050::/30", "NTT Communications (OCN) IPv6, APNIC/JPNIC"),
            new Network("FR", "2a01:e00::/26", "Free SAS IPv6, RIPE NCC"));

    /** Weights of {@link #CONSUMER}, in the same order: most traffic from the US and Europe. */
    private static final int[] CONSUMER_WEIGHTS = {22, 8, 10, 9, 6, 6, 10, 6, 3, 3, 4, 2, 4, 2, 2, 2, 2};

    /** Hosting networks: where servers that call APIs live (customers' back ends, SDKs). */
    static final Network AWS_US_EAST_1 = new Network("US", "3.80.0.0/12", "Amazon Web Services us-east-1, ARIN");
    static final Network HETZNER = new Network("DE", "88.198.0.0/16", "Hetzner Online, RIPE NCC");
    static final Network OVH = new Network("FR", "51.68.0.0/16", "OVH SAS, RIPE NCC");
    /** Search-engine crawlers. */
    static final Network GOOGLEBOT = new Network("US", "66.249.64.0/19", "Google LLC (Googlebot), ARIN");
    static final Network BINGBOT = new Network("US", "157.55.39.0/24", "Microsoft Corporation (bingbot), ARIN");

    private ClientNetworks() {
    }

    static Network consumer(SplittableRandom r) {
        int total = 0;
        for (int w : CONSUMER_WEIGHTS) {
            total += w;
        }
        int roll = r.nextInt(total);
        for (int i = 0; i < CONSUMER_WEIGHTS.length; i++) {
            roll -= CONSUMER_WEIGHTS[i];
            if (roll < 0) {
                return CONSUMER.get(i);
            }
        }
        return CONSUMER.get(0);
    }

    /** A random address inside {@code network}, never its first or last. */
    static String address(Network network, SplittableRandom r) {
        String[] parts = network.cidr().split("/");
        int len = Integer.parseInt(parts[1]);
        if (parts[0].contains(":")) {
            return ipv6(parts[0], len, r);
        }
        String[] o = parts[0].split("\\.");
        long base = (Long.parseLong(o[0]) << 24) | (Long.parseLong(o[1]) << 16) | (Long.parseLong(o[2]) << 8) | Long.parseLong(o[3]);
        long size = 1L << (32 - len);
        long ip = base + 1 + r.nextLong(size - 2);
        return (ip >>> 24) + "." + ((ip >>> 16) & 255) + "." + ((ip >>> 8) & 255) + "." + (ip & 255);
    }

    /** An address in an IPv6 prefix of at most 32 bits, written the way API Gateway logs it. */
    private static String ipv6(String prefix, int len, SplittableRandom r) {
        String[] groups = prefix.split(":");
        int g0 = Integer.parseInt(groups[0], 16);
        int g1 = groups.length > 1 && !groups[1].isEmpty() ? Integer.parseInt(groups[1], 16) : 0;
        long top = ((long) g0 << 16) | g1;
        long free = 32 - len;
        top |= r.nextLong(1L << free);
        StringBuilder s = new StringBuilder();
        s.append(Long.toHexString(top >>> 16)).append(':').append(Long.toHexString(top & 0xffff));
        for (int i = 0; i < 6; i++) {
            s.append(':').append(Integer.toHexString(i < 2 ? r.nextInt(0x10000) : r.nextInt(0x10000)));
        }
        return s.toString();
    }
}
