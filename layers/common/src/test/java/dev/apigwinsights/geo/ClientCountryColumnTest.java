package dev.apigwinsights.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigwinsights.derive.Derivations;
import dev.apigwinsights.derive.UserAgentClassifier;
import dev.apigwinsights.eventkit.Fixtures;
import dev.apigwinsights.firehose.FirehoseBatchTransformer;
import dev.apigwinsights.schema.CanonicalField;
import dev.apigwinsights.schema.CanonicalRecord;
import dev.apigwinsights.wiring.InvalidConfigurationException;
import dev.apigwinsights.wiring.TransformerWiring;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The column end to end: the Firehose transformer wired from the environment, as in Lambda and the CLI. */
class ClientCountryColumnTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private static List<JsonNode> rows(Map<String, String> env, String fixture) throws Exception {
        FirehoseBatchTransformer transformer = TransformerWiring.fromEnvironment(env, Clock.systemUTC(),
                new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8)).transformer();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transformer.transform(new ByteArrayInputStream(Fixtures.bytes(fixture)), out);
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode record : MAPPER.readTree(out.toByteArray()).path("records")) {
            if (record.path("result").asText().equals("Ok")) {
                String data = new String(Base64.getDecoder().decode(record.path("data").asText()), StandardCharsets.UTF_8);
                for (String line : data.split("\n")) {
                    rows.add(MAPPER.readTree(line));
                }
            }
        }
        return rows;
    }

    @Test
    void everyRowGetsTheCountryOfItsSourceIpFromTheBundledSnapshot() throws Exception {
        List<JsonNode> rows = rows(Map.of(), "firehose-cloudwatch-http.json");

        assertThat(rows).hasSize(12).allSatisfy(r -> {
            assertThat(r.path("source_ip").asText()).startsWith("14.21.74.");
            assertThat(r.path("client_country").asText()).isEqualTo("CN");
        });
    }

    @Test
    void documentationAddressesInTheFixturesGetNoCountry() throws Exception {
        List<JsonNode> rows = rows(Map.of(), "firehose-direct-rest.json");

        for (JsonNode r : rows) {
            String ip = r.path("source_ip").asText();
            if (ip.startsWith("203.0.113.") || ip.startsWith("198.51.100.") || ip.startsWith("192.0.2.")) {
                assertThat(r.has("client_country")).as(ip).isFalse();
            }
        }
        assertThat(rows).anySatisfy(r -> assertThat(r.path("client_country").asText()).isEqualTo("IN")); // Sumo Logic's 103.108.207.58
    }

    @Test
    void geoipDatabaseNamesTheFileThatAnswersInstead() throws Exception {
        Path current = dir.resolve("GeoLite2-Country.mmdb");
        new MmdbWriter(6, "GeoLite2-Country")
                .put("14.21.0.0/16", Map.of("country", Map.of("iso_code", "HK"), "registered_country", Map.of("iso_code", "CN")))
                .write(current);

        List<JsonNode> rows = rows(Map.of(ClientCountries.SETTING_ENV, current.toString()), "firehose-cloudwatch-http.json");

        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.path("client_country").asText()).isEqualTo("HK"));
    }

    @Test
    void geoipDatabaseNoneLeavesTheColumnOut() throws Exception {
        List<JsonNode> rows = rows(Map.of(ClientCountries.SETTING_ENV, "none"), "firehose-cloudwatch-http.json");

        assertThat(rows).isNotEmpty().noneSatisfy(r -> assertThat(r.has("client_country")).isTrue());
    }

    @Test
    void anUnusableGeoipDatabaseFailsWiringNotRecords() {
        assertThatThrownBy(() -> rows(Map.of(ClientCountries.SETTING_ENV, dir.resolve("nope.mmdb").toString()), "firehose-cloudwatch-http.json"))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageStartingWith(ClientCountries.SETTING_ENV + ": ")
                .hasMessageContaining("nope.mmdb");
    }

    @Test
    void theColumnFollowsSourceIpInTheSchemaAndAValueTheLogGaveIsKept() {
        assertThat(CanonicalField.CLIENT_COUNTRY.ordinal()).isEqualTo(CanonicalField.SOURCE_IP.ordinal() + 1);
        assertThat(CanonicalField.CLIENT_COUNTRY.column()).isEqualTo("client_country");
        Derivations derivations = new Derivations(new UserAgentClassifier(10), ClientCountries.fromSetting(null));
        CanonicalRecord given = new CanonicalRecord().set(CanonicalField.SOURCE_IP, "193.0.6.139").set(CanonicalField.CLIENT_COUNTRY, "BE");
        CanonicalRecord derived = new CanonicalRecord().set(CanonicalField.SOURCE_IP, "193.0.6.139");

        derivations.derive(given);
        derivations.derive(derived);

        assertThat(given.getString(CanonicalField.CLIENT_COUNTRY)).isEqualTo("BE");
        assertThat(derived.getString(CanonicalField.CLIENT_COUNTRY)).isEqualTo("NL");
    }
}
