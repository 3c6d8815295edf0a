package dev.apigwinsights.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * client_country from source_ip. The known allocations below are addresses of the regional
 * internet registries, national registries and public resolvers, registered for decades to an
 * organisation in one country; each was checked against the bundled snapshot (and against what
 * the registries publish) when the snapshot was pinned.
 */
class ClientCountriesTest {

    private static final ClientCountries BUNDLED = ClientCountries.fromSetting(null);

    @TempDir
    static Path dir;

    @ParameterizedTest(name = "{0} ({2}) -> {1}")
    @CsvSource({
        "193.0.6.139, NL, RIPE NCC www",
        "202.12.29.205, AU, APNIC",
        "199.71.0.46, US, ARIN",
        "196.216.2.1, MU, AFRINIC",
        "200.3.14.10, UY, LACNIC",
        "200.160.0.10, BR, NIC.br",
        "8.8.8.8, US, Google Public DNS",
        "168.126.63.1, KR, KT DNS",
        "223.5.5.5, CN, AliDNS",
    })
    void placesWellKnownIpv4AllocationsInTheirCountry(String address, String country, String owner) {
        assertThat(BUNDLED.countryOf(address)).isEqualTo(country);
    }

    @ParameterizedTest(name = "{0} ({2}) -> {1}")
    @CsvSource({
        "2001:67c:2e8:22::c100:68b, NL, RIPE NCC www",
        "2001:dc0:2001:0:4608::25, AU, APNIC",
        "2001:43f8:110::10, MU, AFRINIC",
        "2001:13c7:7002:4128::4128, UY, LACNIC",
        "2001:12ff::10, BR, NIC.br",
        "2001:4860:4860::8888, US, Google Public DNS",
        "2001:4860:4860:0000:0000:0000:0000:8844, US, Google Public DNS in full form",
    })
    void placesWellKnownIpv6AllocationsInTheirCountry(String address, String country, String owner) {
        assertThat(BUNDLED.countryOf(address)).isEqualTo(country);
    }

    @ParameterizedTest(name = "{0} -> NL")
    @ValueSource(strings = {
        "::ffff:193.0.6.139",                        // IPv4-mapped
        "::ffff:c100:68b",                           // IPv4-mapped, hex
        "64:ff9b::193.0.6.139",                      // NAT64 well-known prefix
        "2002:c100:68b::1",                          // 6to4
        "2001:0:4136:e378:8000:63bf:3eff:f974",      // Teredo: client 193.0.6.139, inverted
        "193.0.6.139:51234",                         // with a port
        "[2001:67c:2e8:22::c100:68b]:443",           // bracketed with a port
        " 193.0.6.139 ",                             // padded
    })
    void looksUpTheClientAddressThatIpv6FormsAndDecorationsCarry(String address) {
        assertThat(BUNDLED.countryOf(address)).isEqualTo("NL");
    }

    /**
     * A database that claims every address is in the US: the registry ranges must still come back
     * null, so the rule does not depend on what a (possibly wrong or commercial) database says.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255", "100.64.0.1", "100.127.255.254", "127.0.0.1", "127.255.255.254",
        "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.0.0.9", "192.0.0.170", "192.0.2.1", "192.31.196.1",
        "192.52.193.1", "192.88.99.1", "192.168.1.1", "192.175.48.6", "198.18.0.1", "198.19.255.255", "198.51.100.7",
        "203.0.113.9", "224.0.0.251", "239.255.255.250", "240.0.0.1", "255.255.255.255",
        "::", "::1", "::ffff:10.0.0.1", "::ffff:192.168.0.1", "::10.0.0.1", "64:ff9b::10.0.0.1", "64:ff9b:1::1", "100::1",
        "100:0:0:1::1", "2001::1", "2001:2::1", "2001:3::1", "2001:4:112::1", "2001:10::1", "2001:20::1", "2001:30::1",
        "2001:1::1", "2001:db8::1", "2001:db8:ffff::1", "2002:0a00:0001::1", "2002:c0a8:0101::1", "2620:4f:8000::1",
        "3fff::1", "3fff:fff::1", "5f00::1", "fc00::1", "fd12:3456:789a::1", "fe80::1", "fe80::1%eth0", "fec0::1",
        "ff02::1", "ff0e::101", "4000::1", "8000::1", "e000::1", "1::1",
    })
    void specialPurposeAndUnallocatedAddressesHaveNoCountryWhateverTheDatabaseSays(String address) throws Exception {
        ClientCountries everythingIsUs = everythingIsUs();

        assertThat(everythingIsUs.countryOf(address)).isNull();
        assertThat(BUNDLED.countryOf(address)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1.0.0.1", "9.255.255.255", "11.0.0.1", "100.63.255.255", "100.128.0.1", "172.15.255.255",
        "172.32.0.1", "192.0.1.1", "192.169.0.1", "198.17.255.255", "198.20.0.1", "203.0.112.255", "223.255.255.254",
        "2001:200::1", "2001:dba::1", "2600::1", "2620:4f:7fff::1", "3ffe:ffff::1"})
    void theNeighboursOfThoseRangesDoHaveOne(String address) throws Exception {
        assertThat(everythingIsUs().countryOf(address)).isEqualTo("US");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "-", "unknown", "localhost", "api.example.com", "999.1.1.1", "1.2.3", "193.0.6.139, 10.0.0.1",
        "<script>", "2001:db8::g", "\u0000\u0000"})
    void garbageHasNoCountry(String value) {
        assertThat(BUNDLED.countryOf(value)).isNull();
    }

    @Test
    void nullAndOverlongValuesHaveNoCountry() {
        assertThat(BUNDLED.countryOf(null)).isNull();
        assertThat(BUNDLED.countryOf("193.0.6.139" + " ".repeat(200))).isNull();
    }

    @Test
    void noneTurnsLookupsOffAndBlankMeansTheBundledSnapshot() {
        assertThat(ClientCountries.fromSetting("none")).isSameAs(ClientCountries.DISABLED);
        assertThat(ClientCountries.fromSetting(" NONE ").countryOf("193.0.6.139")).isNull();
        assertThat(ClientCountries.fromSetting("  ")).isSameAs(BUNDLED);
        assertThat(BUNDLED.description()).startsWith("bundled iptoasn-country.mmdb (country ipvAll, built ");
    }

    @Test
    void eachDatabaseFileIsOpenedOncePerJvm() throws Exception {
        Path file = dir.resolve("shared.mmdb");
        new MmdbWriter(6, "Test-Country").put("::/0", Map.of("country_code", "SE")).write(file);

        ClientCountries first = ClientCountries.fromSetting(file.toString());

        assertThat(ClientCountries.fromSetting(dir.resolve(".").resolve("shared.mmdb").toString())).isSameAs(first);
        assertThat(first.countryOf("193.0.6.139")).isEqualTo("SE");
    }

    @Test
    void aMissingOverrideFailsWiringWithItsPath() {
        assertThatThrownBy(() -> ClientCountries.fromSetting("/opt/geoip/GeoLite2-Country.mmdb"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/opt/geoip/GeoLite2-Country.mmdb");
    }

    @Test
    void cachedAnswersAreTheLookupsAnswersAndTheCacheStaysBounded() throws Exception {
        ClientCountries small = new ClientCountries(CountryDatabase.bundled(), 4);
        List<String> addresses = List.of("193.0.6.139", "202.12.29.205", "10.0.0.1", "8.8.8.8", "200.3.14.10", "garbage",
                "2001:67c:2e8:22::c100:68b", "196.216.2.1");

        for (int round = 0; round < 3; round++) {
            for (String a : addresses) {
                assertThat(small.countryOf(a)).as(a).isEqualTo(BUNDLED.lookUp(a));
            }
        }
        assertThat(small.cachedEntries()).isBetween(1, 4);
    }

    @Test
    void theSmallestCacheStillAnswers() {
        ClientCountries tiny = new ClientCountries(CountryDatabase.bundled(), 1);

        for (String a : List.of("193.0.6.139", "202.12.29.205", "8.8.8.8", "193.0.6.139")) {
            assertThat(tiny.countryOf(a)).as(a).isEqualTo(BUNDLED.lookUp(a));
        }
        assertThat(tiny.cachedEntries()).isBetween(1, 2);
        assertThatThrownBy(() -> new ClientCountries(CountryDatabase.bundled(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void answersConsistentlyFromManyThreadsSharingOneSmallCache() throws Exception {
        ClientCountries shared = new ClientCountries(CountryDatabase.bundled(), 8);
        String[] addresses = {"193.0.6.139", "202.12.29.205", "199.71.0.46", "196.216.2.1", "200.3.14.10", "10.1.2.3",
            "2001:4860:4860::8888", "168.126.63.1", "223.5.5.5", "-"};
        String[] expected = new String[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            expected[i] = BUNDLED.lookUp(addresses[i]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    int wrong = 0;
                    for (int i = 0; i < 20_000; i++) {
                        int k = (i * 7 + seed) % addresses.length;
                        String a = new String(addresses[k]); // new instances, as parsed records have
                        if (!java.util.Objects.equals(shared.countryOf(a), expected[k])) {
                            wrong++;
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> r : results) {
                assertThat(r.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void warmingUpLooksUpWithoutFillingTheCache() {
        ClientCountries fresh = new ClientCountries(CountryDatabase.bundled(), 2);

        fresh.warmUp();

        assertThat(fresh.cachedEntries()).isZero();
        assertThat(fresh.countryOf("193.0.6.139")).isEqualTo("NL");
        assertThat(fresh.cachedEntries()).isOne();
    }

    private static ClientCountries everythingIsUs() throws Exception {
        Path file = dir.resolve("everything-is-us.mmdb");
        if (!file.toFile().exists()) {
            new MmdbWriter(6, "GeoLite2-Country").put("::/0", Map.of("country", Map.of("iso_code", "US"))).write(file);
        }
        return ClientCountries.fromSetting(file.toString());
    }
}
