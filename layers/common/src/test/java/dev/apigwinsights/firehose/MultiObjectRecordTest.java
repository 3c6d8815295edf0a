package dev.apigwinsights.firehose;

import static dev.apigwinsights.firehose.TransformerRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwinsights.eventkit.FirehoseEventBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, item 3: a direct-put record holding several JSON objects gives one canonical line per
 * object, whatever separates them; the repair path never glues the next object into the last
 * field of the previous one.
 */
class MultiObjectRecordTest {
    private static String line(String id, String userAgent) {
        return "{\"requestId\":\"" + id + "\",\"requestTime\":\"01/Feb/2024:06:47:49 +0000\",\"httpMethod\":\"GET\","
                + "\"resourcePath\":\"/p\",\"status\":\"200\",\"userAgent\":\"" + userAgent + "\"}";
    }

    private static final String A = line("a", "curl/8");
    private static final String B = line("b", "okhttp/4");
    /** Not valid JSON: API Gateway writes the quotes inside a user agent as they are. */
    private static final String BROKEN = line("c", "Mozilla \"quoted\" {x}");
    private static final String BROKEN_TOO = line("d", "a \"b\"");

    @Test
    void givesEachObjectItsOwnLine() throws IOException {
        List<String> payloads = List.of(A + "\n" + B, A + "\r\n" + B, A + "\n\n\n" + B, A + B, A + "  " + B,
                A + "\n" + BROKEN + "\n" + B, A + BROKEN + B, BROKEN + "\r\n\r\n" + BROKEN_TOO + "\n", BROKEN + BROKEN_TOO);
        FirehoseEventBuilder b = new FirehoseEventBuilder(TransformerRun.STREAM, 1706770070000L);
        payloads.forEach(b::direct);
        TransformerRun run = run(TransformerRun.transformer(), b.toJson().getBytes(StandardCharsets.UTF_8));
        List<Integer> expected = List.of(2, 2, 2, 2, 2, 3, 3, 2, 2);
        for (int i = 0; i < payloads.size(); i++) {
            assertThat(run.result(i)).as("record %d", i).isEqualTo("Ok");
            assertThat(run.lines(i)).as("record %d", i).hasSize(expected.get(i));
            List<String> ids = new ArrayList<>();
            List<String> agents = new ArrayList<>();
            for (int k = 0; k < expected.get(i); k++) {
                ids.add(run.line(i, k).get("request_id").asText());
                agents.add(run.line(i, k).get("user_agent").asText());
            }
            assertThat(ids).as("record %d", i).doesNotHaveDuplicates().allMatch(id -> id.length() == 1);
            assertThat(agents).as("record %d: nothing glued into the last field", i)
                    .allMatch(a -> !a.contains("requestId"));
        }
        assertThat(run.line(6, 1).get("user_agent").asText()).isEqualTo("Mozilla \"quoted\" {x}");
    }

    @Test
    void failsTheRecordWhenOneOfItsObjectsCannotBeReadAndSaysWhich() throws IOException {
        FirehoseEventBuilder b = new FirehoseEventBuilder(TransformerRun.STREAM, 1706770070000L);
        b.direct(A + "\n{\"requestId\":\"x\",,}" + "\n" + B);
        TransformerRun run = run(TransformerRun.transformer(), b.toJson().getBytes(StandardCharsets.UTF_8));
        assertThat(run.result(0)).isEqualTo("ProcessingFailed");
        assertThat(run.reason(0)).startsWith("entry 2 of 3:");
    }
}
