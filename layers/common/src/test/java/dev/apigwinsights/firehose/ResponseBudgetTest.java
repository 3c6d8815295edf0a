package dev.apigwinsights.firehose;

import static dev.apigwinsights.firehose.TransformerRun.MAPPER;
import static dev.apigwinsights.firehose.TransformerRun.event;
import static dev.apigwinsights.firehose.TransformerRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigwinsights.eventkit.FirehoseEventBuilder;
import dev.apigwinsights.eventkit.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 7, item 4: the response budget costs exactly what is written. Every batch whose whole
 * response fits the limit comes back whole; no response ever exceeds the limit, whatever the
 * echoes need in escaping.
 */
class ResponseBudgetTest {
    private static final FirehoseBatchTransformer.Limits UNLIMITED =
            FirehoseBatchTransformer.Limits.DEFAULT.withResponseBytes(Long.MAX_VALUE / 4);

    /** A direct-put event of {@code fixture}'s lines, about {@code eventBytes} long. */
    private static byte[] batchOf(String fixture, int eventBytes) {
        List<String> lines = Fixtures.lines(fixture);
        FirehoseEventBuilder b = new FirehoseEventBuilder(TransformerRun.STREAM, 1706770070000L);
        int estimate = 0;
        for (int i = 0; estimate < eventBytes; i++) {
            String line = lines.get(i % lines.size());
            b.direct(line.replace("r-", "r-" + i + "-"));
            estimate += 4 * (line.length() + 2) / 3 + 150;
        }
        return b.toJson().getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rest-console-json.jsonl", "rest-reference-sample.jsonl", "http-dynatrace.jsonl",
            "websocket.jsonl", "rest-elastic.jsonl"})
    void aThreeMegabyteBatchOfRealisticLinesComesBackWhole(String fixture) throws IOException {
        byte[] event = batchOf(fixture, 3_000_000);
        TransformerRun run = run(TransformerRun.transformer(), event);
        assertThat(run.summary().processingFailed()).isZero();
        assertThat(run.summary().ok()).isEqualTo(run.size());
        assertThat(run.responseBytes()).isLessThanOrEqualTo(6_000_000);
    }

    @Test
    void clfLinesAtTheDefaultOneMegabyteProcessorBufferComeBackWhole() throws IOException {
        // CLF expands about 3.5x into canonical JSON (a 3 MB request would need a 7 MB response):
        // one megabyte of lines, the template's default buffer, must fit whole.
        FirehoseEventBuilder b = new FirehoseEventBuilder(TransformerRun.STREAM, 1706770070000L);
        List<String> lines = Fixtures.lines("rest-clf.log");
        int data = 0;
        for (int i = 0; data < 1_000_000; i++) {
            String line = lines.get(i % lines.size());
            b.direct(line);
            data += line.length();
        }
        TransformerRun run = run(TransformerRun.transformer(), b.toJson().getBytes(StandardCharsets.UTF_8));
        assertThat(run.summary().processingFailed()).isZero();
        assertThat(run.responseBytes()).isLessThanOrEqualTo(6_000_000);
    }

    @Test
    void fitsEverythingUpToTheLastByteAndNotOneByteMore() throws IOException {
        byte[] event = batchOf("rest-console-json.jsonl", 400_000);
        TransformerRun whole = run(TransformerRun.transformer(null, UNLIMITED), event);
        int size = whole.responseBytes();
        assertThat(whole.summary().responseBytes()).isEqualTo(size);

        TransformerRun exact = run(TransformerRun.transformer(null, UNLIMITED.withResponseBytes(size)), event);
        assertThat(exact.summary().ok()).isEqualTo(exact.size());
        assertThat(exact.responseBytes()).isEqualTo(size);

        TransformerRun oneShort = run(TransformerRun.transformer(null, UNLIMITED.withResponseBytes(size - 1)), event);
        assertThat(oneShort.responseBytes()).isLessThanOrEqualTo(size - 1);
        assertThat(oneShort.summary().overBudget()).isEqualTo(1);
        assertThat(oneShort.result(oneShort.size() - 1)).as("only the last record misses out").isEqualTo("ProcessingFailed");
    }

    @Test
    void neverExceedsTheLimitWhenEchoesNeedEscaping() throws IOException {
        // Invalid base64 is echoed as sent; \u0001, \" and non-ASCII cost more bytes than characters.
        String junk = "\\u0001\\\"\u00e9\ud83d\ude00\\\\".repeat(120_000);
        StringBuilder records = new StringBuilder("[");
        for (int i = 0; i < 8; i++) {
            records.append(i == 0 ? "" : ",").append("{\"recordId\":\"r").append(i).append("\",\"data\":\"").append(junk).append("\"}");
        }
        String event = event(records.append("]").toString());
        for (long limit : new long[] {6_000_000L, 3_000_000L, 1_000_000L, 10_000L}) {
            TransformerRun run = run(TransformerRun.transformer(null, UNLIMITED.withResponseBytes(limit)), event);
            assertThat(run.responseBytes()).as("limit %d", limit).isLessThanOrEqualTo((int) limit);
            assertThat(run.size()).isEqualTo(8);
            JsonNode sent = MAPPER.readTree(event).get("records");
            for (int i = 0; i < 8; i++) {
                String echoed = run.record(i).get("data").asText();
                assertThat(echoed.isEmpty() || echoed.equals(sent.get(i).get("data").asText())).as("echo %d", i).isTrue();
            }
        }
    }

    @Test
    void neverExceedsTheLimitForAnyMixOfRecordsAndLimits() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        List<String> lines = Fixtures.lines("rest-console-json.jsonl");
        for (int round = 0; round < 40; round++) {
            FirehoseEventBuilder b = new FirehoseEventBuilder(TransformerRun.STREAM, 1706770070000L);
            int records = 1 + random.nextInt(60);
            for (int i = 0; i < records; i++) {
                switch (random.nextInt(5)) {
                    case 0 -> b.rawBase64("not base64 \\u0007 \u00e9".repeat(1 + random.nextInt(40)));
                    case 1 -> b.cloudWatchControl();
                    case 2 -> b.direct("garbage " + i);
                    case 3 -> b.cloudWatch("/g", "s", lines.subList(0, 1 + random.nextInt(lines.size())), 1706770070000L);
                    default -> b.direct(lines.get(random.nextInt(lines.size())));
                }
            }
            byte[] event = b.toJson().getBytes(StandardCharsets.UTF_8);
            long limit = 4_000 + random.nextInt(60_000);
            TransformerRun run;
            try {
                run = run(TransformerRun.transformer(null, UNLIMITED.withResponseBytes(limit)), event);
            } catch (IOException e) {
                assertThat(e).hasMessageContaining("cannot fit"); // not even empty failures fit: the invocation fails
                continue;
            }
            assertThat(run.responseBytes()).as("round %d", round).isLessThanOrEqualTo((int) limit);
            assertThat(run.summary().responseBytes()).isEqualTo(run.responseBytes());
            assertThat(run.size()).isEqualTo(records);
        }
    }

    @Test
    void costsEveryKindOfResultExactlyAsTheWriterWritesIt() throws IOException {
        byte[] eventBytes = event("[{\"recordId\":\"a\\u0041\",\"data\":\"" + TransformerRun.base64("x") + "\"},"
                + "{\"recordId\":12345,\"data\":\"%%\\\"\u00e9\"},{\"recordId\":\"c\",\"data\":\"\"},{\"recordId\":\"d\"}]")
                .getBytes(StandardCharsets.UTF_8);
        FirehoseEvent event = FirehoseEventReader.read(eventBytes, eventBytes.length);
        ResponseBudget budget = ResponseBudget.plan(event.records(), 1_000_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] data = "{\"request_id\":\"x\"}\n".getBytes(StandardCharsets.UTF_8);
        ResponseWriter writer = new ResponseWriter(out, new BatchBuffers());
        List<InputRecord> rs = event.records();
        budget.open(rs.get(0));
        writer.ok(rs.get(0), data, data.length, new int[] {2024, 2, 1});
        budget.answeredOk(rs.get(0), data.length);
        budget.open(rs.get(1));
        writer.failed(rs.get(1), true);
        budget.answeredFailed(rs.get(1), true);
        budget.open(rs.get(2));
        writer.dropped(rs.get(2));
        budget.answeredDropped(rs.get(2));
        budget.open(rs.get(3));
        writer.failed(rs.get(3), false);
        budget.answeredFailed(rs.get(3), false);
        writer.finish();
        assertThat(out.size()).isEqualTo(budget.committed());
        JsonNode response = MAPPER.readTree(out.toByteArray());
        assertThat(response.get("records").get(1).get("data").asText()).isEqualTo("%%\"\u00e9");
        assertThat(response.get("records").get(0).get("metadata").get("partitionKeys").get("month").asText()).isEqualTo("02");
    }

    @Test
    void failsTheInvocationWhenNotEvenEmptyFailuresWouldFit() {
        StringBuilder records = new StringBuilder("[");
        for (int i = 0; i < 2_000; i++) {
            records.append(i == 0 ? "" : ",").append("{\"recordId\":\"").append(i).append("\",\"data\":\"\"}");
        }
        String event = event(records.append("]").toString());
        assertThatThrownBy(() -> run(TransformerRun.transformer(null, UNLIMITED.withResponseBytes(50_000)), event))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot fit");
    }
}
