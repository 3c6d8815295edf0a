package dev.apigwinsights.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTrafficTest {
    @TempDir
    Path tmp;

    private static String digest(Path dir) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                md.update(dir.relativize(p).toString().getBytes());
                md.update(Files.readAllBytes(p));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedOtherTraffic() throws Exception {
        Instant end = Instant.parse("2024-05-16T09:00:00Z");
        new DemoTraffic(5, 1, end).writeTo(tmp.resolve("a"));
        new DemoTraffic(5, 1, end).writeTo(tmp.resolve("b"));
        new DemoTraffic(6, 1, end).writeTo(tmp.resolve("c"));

        assertThat(digest(tmp.resolve("a"))).isEqualTo(digest(tmp.resolve("b")));
        assertThat(digest(tmp.resolve("a"))).isNotEqualTo(digest(tmp.resolve("c")));
    }

    @Test
    void writesWhatApiGatewayWritesInSeveralFormatsAndContainers() throws Exception {
        DemoTraffic.Result r = new DemoTraffic(5, 1, Instant.parse("2024-05-16T09:00:00Z")).writeTo(tmp);

        assertThat(r.requests()).isBetween(5_000L, 20_000L);
        assertThat(tmp.resolve("input/raw/admin-v1-access.csv")).isRegularFile();
        String csv = Files.readAllLines(tmp.resolve("input/raw/admin-v1-access.csv")).get(0);
        assertThat(csv.split(",")).hasSize(11);
        try (Stream<Path> s = Files.walk(tmp.resolve("input/cloudwatch-export"))) {
            assertThat(s.filter(p -> p.getFileName().toString().equals("000000.gz")).count()).isEqualTo(4);
        }
        assertThat(Files.readString(tmp.resolve("usage-plans.json"))).contains("\"usagePlans\"", "\"items\"", "\"quota\"",
                "\"usagePlanKeys\"", "\"customerId\" : \"umbrella\"").doesNotContain("k7vand0009");
    }

    @Test
    void clientAddressesLieInsideTheirNetworks() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (ClientNetworks.Network n : List.copyOf(ClientNetworks.CONSUMER)) {
            for (int i = 0; i < 200; i++) {
                String ip = ClientNetworks.address(n, r);
                assertThat(inside(ip, n.cidr())).as("%s in %s", ip, n.cidr()).isTrue();
            }
        }
    }

    private static boolean inside(String ip, String cidr) {
        try {
            byte[] a = java.net.InetAddress.getByName(ip).getAddress();
            String[] parts = cidr.split("/");
            byte[] net = java.net.InetAddress.getByName(parts[0]).getAddress();
            int len = Integer.parseInt(parts[1]);
            if (a.length != net.length) {
                return false;
            }
            for (int bit = 0; bit < len; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((a[bit / 8] & mask) != (net[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
