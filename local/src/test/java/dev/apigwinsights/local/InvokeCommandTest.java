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
