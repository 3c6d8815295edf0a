package dev.apigwinsights.local.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigwinsights.firehose.FirehoseResult;
import dev.apigwinsights.local.LocalWiring;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The transformer under test is the real one the CLI wires; its response stands for what the Lambda returns to Firehose. */
class ExactResponseTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-02-02T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsTheTransformersOwnResponseExactlyAsAJsonParserDoes() throws Exception {
        String line = Files.readAllLines(Path.of("../events/lines/rest-reference-sample.jsonl")).get(0);
        String control = "{\"messageType\":\"CONTROL_MESSAGE\",\"owner\":\"CloudwatchLogs\",\"logGroup\":\"\",\"logStream\":\"\","
                + "\"subscriptionFilters\":[],\"logEvents\":[{\"id\":\"\",\"timestamp\":1706770070000,\"message\":\"CWL CONTROL MESSAGE\"}]}";
        List<String> data = List.of(b64(line), b64(control), b64("this is not an access log line at all"), "!!not base64!!", b64(line));
        byte[] response = transform(data);

        List<ExactResponse.Result> exact = ExactResponse.read(response, response.length, data.size());

        assertThat(exact).as("the transformer's layout is read without Jackson").isNotNull();
        JsonNode records = JSON.readTree(response).get("records");
        assertThat(exact).hasSize(records.size());
        for (int i = 0; i < exact.size(); i++) {
            ExactResponse.Result r = exact.get(i);
            JsonNode n = records.get(i);
            assertThat(Integer.toString(r.index())).isEqualTo(n.get("recordId").asText());
            assertThat(r.result().name()).isEqualTo(n.get("result").asText());
            if (r.result() == FirehoseResult.Ok) {
                assertThat(new String(response, r.dataFrom(), r.dataTo() - r.dataFrom(), StandardCharsets.US_ASCII))
                        .isEqualTo(n.get("data").asText());
                JsonNode keys = n.get("metadata").get("partitionKeys");
                assertThat(r.day()).isEqualTo(keys.get("year").asText() + "-" + keys.get("month").asText() + "-" + keys.get("day").asText());
            }
        }
        Set<FirehoseResult> kinds = exact.stream().map(ExactResponse.Result::result).collect(Collectors.toSet());
        assertThat(kinds).containsExactlyInAnyOrder(FirehoseResult.values());
        assertThat(exact.get(0).day()).isEqualTo("2024-02-01");
    }

    @Test
    void anyOtherLayoutIsLeftToTheJsonParser() {
        String ok = "{\"recordId\":\"0\",\"result\":\"Ok\",\"data\":\"e30K\","
                + "\"metadata\":{\"partitionKeys\":{\"year\":\"2024\",\"month\":\"02\",\"day\":\"01\"}}}";
        String dropped = "{\"recordId\":\"1\",\"result\":\"Dropped\",\"data\":\"\"}";
        String failed = "{\"recordId\":\"2\",\"result\":\"ProcessingFailed\",\"data\":\"YWJj\"}";
        String valid = "{\"records\":[" + ok + "," + dropped + "," + failed + "]}";
        assertThat(read(valid, 3)).extracting(ExactResponse.Result::result)
                .containsExactly(FirehoseResult.Ok, FirehoseResult.Dropped, FirehoseResult.ProcessingFailed);
        assertThat(read("{\"records\":[]}", 0)).isEmpty();

        for (int cut = 0; cut < valid.length(); cut++) {
            assertThat(read(valid.substring(0, cut), 3)).as("cut at %d", cut).isNull();
        }
        assertThat(read(valid, 2)).as("a record id the batch does not have").isNull();
        assertThat(read(valid.replace("\"recordId\":\"1\"", "\"recordId\":\"01\""), 3)).isNull();
        assertThat(read(valid.replace("\"recordId\":\"1\"", "\"recordId\":1"), 3)).isNull();
        assertThat(read(valid.replace("{\"records\":[", "{ \"records\":["), 3)).isNull();
        assertThat(read(valid.replace(",\"result\":\"Dropped\"", ", \"result\":\"Dropped\""), 3)).isNull();
        assertThat(read(valid.replace("\"data\":\"YWJj\"", "\"data\":\"YW\\u004aj\""), 3)).as("an escape").isNull();
        assertThat(read(valid.replace("\"year\":\"2024\"", "\"year\":\"20x4\""), 3)).isNull();
        assertThat(read(valid.replace("\"result\":\"Ok\"", "\"result\":\"OK\""), 3)).isNull();
        assertThat(read(valid + " ", 3)).as("trailing bytes").isNull();
        assertThat(read(ok.replace("{\"recordId\":\"0\",", "{"), 3)).isNull();
    }

    private static List<ExactResponse.Result> read(String response, int records) {
        byte[] b = response.getBytes(StandardCharsets.US_ASCII);
        return ExactResponse.read(b, b.length, records);
    }

    private static byte[] transform(List<String> data) throws Exception {
        StringBuilder event = new StringBuilder("{\"invocationId\":\"i\",\"deliveryStreamArn\":\"" + FirehoseSimulator.STREAM_ARN
                + "\",\"region\":\"local\",\"records\":[");
        for (int i = 0; i < data.size(); i++) {
            event.append(i == 0 ? "" : ",").append("{\"recordId\":\"").append(i)
                    .append("\",\"approximateArrivalTimestamp\":1706770070000,\"data\":\"").append(data.get(i)).append("\"}");
        }
        event.append("]}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LocalWiring.create(LocalWiring.environment(Map.of(), "none", null), CLOCK).transformer()
                .transform(new ByteArrayInputStream(event.toString().getBytes(StandardCharsets.UTF_8)), out);
        return out.toByteArray();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
