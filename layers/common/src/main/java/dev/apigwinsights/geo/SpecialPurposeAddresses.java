package dev.apigwinsights.geo;

/**
 * Addresses that have no country, whatever a database says about them: the IANA IPv4 and IPv6
 * Special-Purpose Address Registries (RFC 6890 and the RFCs they cite), multicast, the reserved
 * IPv4 class E block, and IPv6 outside the global unicast space IANA allocates from
 * ({@code 2000::/3}). Anycast blocks listed there as globally reachable (AS112, AMT, the
 * deprecated 6to4 relay) are no country either: they are served from many.
 *
 * <p>Four IPv6 forms carry the client's IPv4 address and are looked up as that address:
 * IPv4-mapped {@code ::ffff:0:0/96}, the NAT64 well-known prefix {@code 64:ff9b::/96} (RFC 6052:
 * an IPv4 host seen through a translator), 6to4 {@code 2002::/16} (RFC 3056: the site's public
 * IPv4 after the prefix) and Teredo {@code 2001::/32} (RFC 4380: the client's public IPv4,
 * bit-inverted, in the last 32 bits).
 */
final class SpecialPurposeAddresses {

    /** IPv4 blocks as {network, prefix length}. */
    private static final int[][] IPV4_BLOCKS = {
        {0x00000000, 8},   // 0.0.0.0/8        "this network" (RFC 791)
        {0x0A000000, 8},   // 10.0.0.0/8       private use (RFC 1918)
        {0x64400000, 10},  // 100.64.0.0/10    shared address space, carrier-grade NAT (RFC 6598)
        {0x7F000000, 8},   // 127.0.0.0/8      loopback (RFC 1122)
        {0xA9FE0000, 16},  // 169.254.0.0/16   link local (RFC 3927)
        {0xAC100000, 12},  // 172.16.0.0/12    private use (RFC 1918)
        {0xC0000000, 24},  // 192.0.0.0/24     IETF protocol assignments (RFC 6890), incl. DS-Lite, PCP/TURN anycast, NAT64 discovery
        {0xC0000200, 24},  // 192.0.2.0/24     documentation TEST-NET-1 (RFC 5737)
        {0xC01FC400, 24},  // 192.31.196.0/24  AS112-v4 anycast (RFC 7535)
        {0xC034C100, 24},  // 192.52.193.0/24  AMT anycast (RFC 7450)
        {0xC0586300, 24},  // 192.88.99.0/24   deprecated 6to4 relay anycast (RFC 7526)
        {0xC0A80000, 16},  // 192.168.0.0/16   private use (RFC 1918)
        {0xC0AF3000, 24},  // 192.175.48.0/24  direct delegation AS112 service (RFC 7534)
        {0xC6120000, 15},  // 198.18.0.0/15    benchmarking (RFC 2544)
        {0xC6336400, 24},  // 198.51.100.0/24  documentation TEST-NET-2 (RFC 5737)
        {0xCB007100, 24},  // 203.0.113.0/24   documentation TEST-NET-3 (RFC 5737)
        {0xE0000000, 3},   // 224.0.0.0/4 multicast (RFC 5771) + 240.0.0.0/4 reserved, incl. 255.255.255.255 broadcast (RFC 1112, RFC 919)
    };

    /** IPv6 blocks inside 2000::/3 with no country, as {upper 64 bits of the network, prefix length <= 64}. */
    private static final long[][] IPV6_BLOCKS = {
        {0x2001_0000_0000_0000L, 23},  // 2001::/23       IETF protocol assignments (RFC 2928): benchmarking, ORCHID, AMT, AS112, DETs (Teredo is decoded first)
        {0x2001_0db8_0000_0000L, 32},  // 2001:db8::/32   documentation (RFC 3849)
        {0x2620_004f_8000_0000L, 48},  // 2620:4f:8000::/48 direct delegation AS112 service (RFC 7534)
        {0x3fff_0000_0000_0000L, 20},  // 3fff::/20       documentation (RFC 9637)
    };

    private SpecialPurposeAddresses() {
    }

    /**
     * The address to look up in a database: {@code address} itself (4 or 16 bytes), the IPv4
     * address an IPv6 form carries (4 bytes), or null when the address has no country.
     */
    static byte[] routable(byte[] address) {
        if (address.length == 4) {
            return isSpecialIpv4(toInt(address, 0)) ? null : address;
        }
        long high = toLong(address, 0);
        long low = toLong(address, 8);
        if (high == 0 && (low >>> 32) == 0xFFFFL) {
            return ipv4((int) low); // ::ffff:a.b.c.d
        }
        if (high == 0x0064_ff9b_0000_0000L && (low >>> 32) == 0) {
            return ipv4((int) low); // 64:ff9b::a.b.c.d
        }
        if ((high >>> 48) == 0x2002L) {
            return ipv4((int) (high >>> 16)); // 2002:aabb:ccdd::/48
        }
        if ((high >>> 32) == 0x2001_0000L) {
            return ipv4(~(int) low); // Teredo
        }
        if ((high >>> 61) != 1) {
            return null; // not in 2000::/3: loopback, unspecified, ULA, link local, multicast, discard, unallocated
        }
        for (long[] block : IPV6_BLOCKS) {
            int shift = 64 - (int) block[1];
            if ((high >>> shift) == (block[0] >>> shift)) {
                return null;
            }
        }
        return address;
    }

    static boolean isSpecialIpv4(int address) {
        for (int[] block : IPV4_BLOCKS) {
            int shift = 32 - block[1];
            if ((address >>> shift) == (block[0] >>> shift)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] ipv4(int address) {
        if (isSpecialIpv4(address)) {
            return null;
        }
        return new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
    }

    private static int toInt(byte[] b, int offset) {
        return (b[offset] & 0xff) << 24 | (b[offset + 1] & 0xff) << 16 | (b[offset + 2] & 0xff) << 8 | (b[offset + 3] & 0xff);
    }

    private static long toLong(byte[] b, int offset) {
        return (long) toInt(b, offset) << 32 | (toInt(b, offset + 4) & 0xFFFF_FFFFL);
    }
}
