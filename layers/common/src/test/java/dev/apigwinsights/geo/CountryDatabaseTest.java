package dev.apigwinsights.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Databases other than the bundled one: the override path. The files are written by
 * {@link MmdbWriter} in the record shapes of GeoLite2 / GeoIP2 (what users will most often point
 * at), IPinfo and the ip-location-db family, with answers that differ from the bundled snapshot so
 * a test can tell which database answered.
 */
class CountryDatabaseTest {

    @TempDir
    Path dir;

    private ClientCountries open(MmdbWriter writer) throws Exception {
        Path file = Files.createTempFile(dir, "db-", ".mmdb");
        writer.write(file);
        return new ClientCountries(CountryDatabase.open(file), 64);
    }

    @Test
    void readsGeoLite2RecordsByCountryIsoCodeThenRegisteredCountry() throws Exception {
        ClientCountries geoLite2 = open(new MmdbWriter(6, "GeoLite2-Country")
                .put("193.0.6.0/24", Map.of(
                        "continent", Map.of("code", "EU", "names", Map.of("en", "Europe")),
                        "country", Map.of("iso_code", "SE", "geoname_id", 2661886L, "names", Map.of("en", "Sweden", "de", "Schweden")),
                        "registered_country", Map.of("iso_code", "NL")))
                .put("81.2.69.0/24", Map.of("registered_country", Map.of("iso_code", "GB")))
                .put("2001:67c:2e8::/48", Map.of("country", Map.of("iso_code", "NO"))));

        assertThat(geoLite2.countryOf("193.0.6.139")).isEqualTo("SE");
        assertThat(geoLite2.countryOf("81.2.69.160")).isEqualTo("GB");
        assertThat(geoLite2.countryOf("2001:67c:2e8:22::c100:68b")).isEqualTo("NO");
        assertThat(geoLite2.countryOf("8.8.8.8")).as("an address the database does not know").isNull();
    }

    @Test
    void readsIpinfoAndIpLocationDbShapesAndUpperCasesCodes() throws Exception {
        ClientCountries other = open(new MmdbWriter(6, "ipinfo country.mmdb")
                .put("6.6.6.0/24", Map.of("country", "jp", "country_name", "Japan", "continent", "AS"))
                .put("7.7.7.0/24", Map.of("country_code", "se")));

        assertThat(other.countryOf("6.6.6.6")).isEqualTo("JP");
        assertThat(other.countryOf("7.7.7.7")).isEqualTo("SE");
    }

    @Test
    void codesThatNameNoCountryAreDropped() throws Exception {
        ClientCountries odd = open(new MmdbWriter(6, "Odd-Country")
                .put("5.5.5.0/24", Map.of("country", Map.of("iso_code", "EU")))
                .put("5.5.6.0/24", Map.of("country_code", "AP"))
                .put("5.5.7.0/24", Map.of("country_code", "ZZ"))
                .put("5.5.8.0/24", Map.of("country_code", "A1"))
                .put("5.5.9.0/24", Map.of("country_code", "USA"))
                .put("5.5.10.0/24", Map.of("country_code", 840L))
                .put("5.5.11.0/24", Map.of("country_code", "DE")));

        assertThat(odd.countryOf("5.5.5.5")).isNull();
        assertThat(odd.countryOf("5.5.6.5")).isNull();
        assertThat(odd.countryOf("5.5.7.5")).isNull();
        assertThat(odd.countryOf("5.5.8.5")).isNull();
        assertThat(odd.countryOf("5.5.9.5")).isNull();
        assertThat(odd.countryOf("5.5.10.5")).isNull();
        assertThat(odd.countryOf("5.5.11.5")).isEqualTo("DE");
    }

    @Test
    void anIpv4OnlyDatabaseAnswersIpv4AndLeavesIpv6Empty() throws Exception {
        ClientCountries ipv4Only = open(new MmdbWriter(4, "Test-IPv4-Country").put("0.0.0.0/0", Map.of("country_code", "CA")));

        assertThat(ipv4Only.countryOf("193.0.6.139")).isEqualTo("CA");
        assertThat(ipv4Only.countryOf("::ffff:193.0.6.139")).isEqualTo("CA");
        assertThat(ipv4Only.countryOf("2001:67c:2e8:22::c100:68b")).isNull();
    }

    @Test
    void aRecordTheReaderCannotDecodeLeavesItsRowsWithoutACountryAndThrowsNothing() throws Exception {
        ClientCountries damaged = open(new MmdbWriter(6, "Damaged-Country")
                .put("1.0.0.0/24", Map.of("country_code", "AU"))
                .put("9.9.9.0/24", "a string where a map belongs"));

        assertThat(damaged.countryOf("9.9.9.9")).isNull();
        assertThat(damaged.countryOf("9.9.9.10")).isNull();
        assertThat(damaged.countryOf("1.0.0.1")).isEqualTo("AU");
    }

    @Test
    void refusesADatabaseWithoutCountriesSuchAsAnAsnDatabase() throws Exception {
        Path asn = dir.resolve("asn.mmdb");
        new MmdbWriter(6, "GeoLite2-ASN").put("193.0.0.0/21", Map.of("autonomous_system_number", 3333L,
                "autonomous_system_organization", "Reseaux IP Europeens Network Coordination Centre (RIPE NCC)")).write(asn);

        assertThatThrownBy(() -> CountryDatabase.open(asn))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(asn.toString()).hasMessageContaining("is it a country (or city) database?");
    }

    @Test
    void refusesAFileThatIsNotAMaxMindDatabase() throws Exception {
        Path csv = dir.resolve("countries.csv");
        Files.writeString(csv, "1.0.0.0,1.0.0.255,AU\n", StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> CountryDatabase.open(csv))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a MaxMind DB (.mmdb) file: " + csv);
        assertThatThrownBy(() -> CountryDatabase.open(dir.resolve("absent.mmdb")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GeoIP database not found");
    }

    @Test
    void describesItselfByPathTypeAndBuildDate() throws Exception {
        Path file = dir.resolve("GeoLite2-Country.mmdb");
        new MmdbWriter(6, "GeoLite2-Country").put("::/0", Map.of("country", Map.of("iso_code", "US"))).write(file);

        assertThat(CountryDatabase.open(file).description()).isEqualTo(file + " (GeoLite2-Country, built 2025-06-15)");
    }
}
