package dev.apigwinsights.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvokeCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static CliTestSupport.Result invoke(String... args) {
        return CliTestSupport.run(new InvokeCommand(Map.of(), Clock.systemUTC()), args);
    }

    @Test
    void printsOnlyTheFirehoseResponseOnStdout() throws Exception {
        CliTestSupport.Result r = invoke("--event", CliTestSupport.events().resolve("firehose-cloudwatch-http.json").toString());
        assertThat(r.exitCode()).isZero();
        JsonNode response = MAPPER.readTree(r.out());
        assertThat(response.get("records")).hasSize(3);
        assertThat(response.get("records").get(2).get("result").asText()).isEqualTo("Dropped");
        assertThat(r.err()).contains("records=3 ok=2 dropped=1 processingFailed=0");
    }

    @Test
    void decodesEachRecordsResultPartitionAndLines() {
        CliTestSupport.Result r = invoke("--event", CliTestSupport.events().resolve("firehose-broken-json.json").toString(), "--decode");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains(" Ok year=2024 month=03 day=01")
                .contains("\"user_agent\":\"Mozilla/5.0 \\\"Quoted\\\" Browser")
                .contains("ProcessingFailed reason: invalid JSON");
    }

    @Test
    void geoipDatabaseOptionPicksTheCountryDatabaseAndWinsOverTheEnvironment(@TempDir Path tmp) throws Exception {
        String event = CliTestSupport.events().resolve("firehose-direct-http.json").toString();
        Path copy = tmp.resolve("country.mmdb");
        try (var bundled = InvokeCommand.class.getResourceAsStream(dev.apigwinsights.geo.CountryDatabase.BUNDLED_RESOURCE)) {
            Files.copy(bundled, copy);
        }
        InvokeCommand noneByEnvironment = new InvokeCommand(Map.of("GEOIP_DATABASE", "none"), Clock.systemUTC());

        CliTestSupport.Result byDefault = invoke("--event", event, "--decode");
        CliTestSupport.Result off = invoke("--event", event, "--decode", "--geoip-database", "none");
        CliTestSupport.Result fromFile = CliTestSupport.run(noneByEnvironment, "--event", event, "--decode", "--geoip-database", copy.toString());
        CliTestSupport.Result fromEnvironment = CliTestSupport.run(noneByEnvironment, "--event", event, "--decode");

        assertThat(byDefault.out()).contains("\"source_ip\":\"14.21.74.40\",\"client_country\":\"CN\"");
        assertThat(fromFile.out()).contains("\"client_country\":\"CN\"");
        assertThat(off.out()).contains("\"source_ip\":\"14.21.74.40\"").doesNotContain("client_country");
        assertThat(fromEnvironment.out()).doesNotContain("client_country");
    }

    @Test
    void explainsAnUnusableGeoipDatabaseAndExitsWithTwo(@TempDir Path tmp) throws Exception {
        String event = CliTestSupport.events().resolve("firehose-direct-http.json").toString();
        Path notADatabase = Files.writeString(tmp.resolve("GeoLite2-Country.csv"), "network,geoname_id\n1.0.0.0/24,2077456\n");

        CliTestSupport.Result missing = invoke("--event", event, "--geoip-database", tmp.resolve("nope.mmdb").toString());
        CliTestSupport.Result wrong = invoke("--event", event, "--geoip-database", notADatabase.toString());

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("GeoIP database not found: " + tmp.resolve("nope.mmdb"));
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("not a MaxMind DB (.mmdb) file");
        assertThat(missing.out() + wrong.out()).isEmpty();
    }

    @Test
    void explainsAMissingOrMalformedEventFileAndExitsNonZero(@TempDir Path tmp) throws Exception {
        CliTestSupport.Result missing = invoke("--event", tmp.resolve("nope.json").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("event file not found");
        assertThat(missing.out()).isEmpty();

        Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"records\": [ {\"recordId\": ");
        CliTestSupport.Result malformed = invoke("--event", bad.toString());
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains("malformed event file");
        assertThat(malformed.out()).isEmpty();
    }
}
