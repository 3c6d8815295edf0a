package dev.apigwinsights.firehose;

import static dev.apigwinsights.firehose.TransformerRun.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigwinsights.eventkit.FirehoseEventBuilder;
import dev.apigwinsights.eventkit.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Mutation fuzzing one level up from the records' bytes (which {@code FirehoseBatchTransformerTest}
 * mutates): the Firehose event itself (odd elements in records[], ids and data of every JSON type,
 * unknown fields nested deep or holding huge numbers, nested look-alike records), CloudWatch
 * envelopes (odd events, odd member order, concatenated, truncated and padded gzip members) and
 * direct records holding several JSON objects, some broken. The invariant, for every batch and a
 * random response limit: nothing but an {@link IOException} for an event that is not JSON
 * escapes; every record with an id is answered exactly once, in order, with its id as sent; the
 * response is valid JSON within the limit.
 */
class EnvelopeFuzzTest {
    private static final int BATCHES = 120;
    private final SplittableRandom random = new SplittableRandom(20261130);
    private final List<String> lines = new ArrayList<>();

    EnvelopeFuzzTest() {
        for (String f : List.of("rest-console-json.jsonl", "rest-reference-sample.jsonl", "http-dynatrace.jsonl",
                "websocket.jsonl", "broken-json.jsonl", "rest-clf.log", "rest-sumo.jsonl")) {
            lines.addAll(Fixtures.lines(f));
        }
    }

    @Test
    void everyRecordWithAnIdIsAnsweredOnceWithinTheLimitWhateverTheEnvelopeHolds() throws IOException {
        int answered = 0;
        int ok = 0;
        int invocationFailures = 0;
        for (int batch = 0; batch < BATCHES; batch++) {
            StringBuilder records = new StringBuilder("[");
            int count = 1 + random.nextInt(25);
            for (int i = 0; i < count; i++) {
                records.append(i == 0 ? "" : ",").append(element(batch, i));
            }
            String event = "{" + junkMember() + "\"invocationId\":\"i\",\"deliveryStreamArn\":\"" + TransformerRun.STREAM
                    + "\",\"region\":\"us-east-1\"," + junkMember() + "\"records\":" + records + "]" + trailingMember() + "}";
            boolean truncate = random.nextInt(30) == 0;
            byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
            if (truncate) {
                bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            }
            long limit = random.nextInt(4) == 0 ? 2_000 + random.nextInt(200_000) : 6_000_000;
            TransformerRun run;
            try {
                run = TransformerRun.run(TransformerRun.transformer(null, FirehoseBatchTransformer.Limits.DEFAULT
                        .withResponseBytes(limit)), bytes);
            } catch (IOException e) {
                invocationFailures++;
                assertThat(truncate || e.getMessage().contains("cannot fit")).as("batch %d: %s", batch, e.getMessage()).isTrue();
                continue;
            }
            assertThat(truncate).as("batch %d: a truncated event must not be answered", batch).isFalse();
            List<JsonNode> expected = new ArrayList<>();
            for (JsonNode r : MAPPER.readTree(bytes).get("records")) {
                if (r.isObject() && r.has("recordId")) {
                    expected.add(r.get("recordId"));
                }
            }
            assertThat(run.ids()).as("batch %d", batch).isEqualTo(expected);
            assertThat(run.responseBytes()).as("batch %d", batch).isLessThanOrEqualTo((int) limit);
            for (int i = 0; i < run.size(); i++) {
                assertThat(run.result(i)).isIn("Ok", "Dropped", "ProcessingFailed");
                if (run.result(i).equals("Ok")) {
                    assertThat(run.record(i).get("metadata").get("partitionKeys").get("year").asText()).matches("20\\d\\d");
                    for (String line : run.lines(i)) {
                        assertThat(MAPPER.readTree(line).has("source_kind")).isTrue();
                    }
                    ok++;
                }
            }
            BatchSummary s = run.summary();
            assertThat(s.ok() + s.dropped() + s.processingFailed()).isEqualTo(run.size());
            answered += run.size();
        }
        assertThat(answered).as("records answered across batches").isGreaterThan(BATCHES * 5);
        assertThat(ok).as("the fuzz still produces good records").isGreaterThan(BATCHES);
        assertThat(invocationFailures).isLessThan(BATCHES / 4);
    }

    /** One element of records[]: mostly records, sometimes not. */
    private String element(int batch, int i) throws IOException {
        return switch (random.nextInt(20)) {
            case 0 -> pick("null", "\"r\"", "42", "[]", "true", "{}", "[{\"recordId\":\"nested\",\"data\":\"\"}]");
            case 1 -> "{\"data\":\"" + base64(line()) + "\"}";
            default -> record(id(batch, i), data());
        };
    }

    private String record(String id, String data) {
        List<String> members = new ArrayList<>(List.of("\"recordId\":" + id, "\"data\":" + data,
                "\"approximateArrivalTimestamp\":" + arrival()));
        String junk = junkMember();
        if (!junk.isEmpty()) {
            members.add(junk.substring(0, junk.length() - 1));
        }
        java.util.Collections.shuffle(members, new java.util.Random(random.nextLong()));
        return "{" + String.join(",", members) + "}";
    }

    private String id(int batch, int i) {
        String plain = "\"" + batch + "-" + i + "\"";
        return switch (random.nextInt(12)) {
            case 0 -> String.valueOf(random.nextLong());
            case 1 -> "1" + "0".repeat(random.nextInt(2_500));
            case 2 -> "{\"recordId\":" + plain + "}";
            case 3 -> "[" + plain + "]";
            case 4 -> "\"" + batch + "\\u002d" + i + "\\n\\\"\"";
            case 5 -> "null";
            default -> plain;
        };
    }

    private String arrival() {
        return switch (random.nextInt(10)) {
            case 0 -> "{\"recordId\":\"fake\",\"data\":\"" + base64(line()) + "\"}";
            case 1 -> "9".repeat(1 + random.nextInt(3_000));
            case 2 -> "\"soon\"";
            case 3 -> "-1";
            default -> String.valueOf(1706770070000L + random.nextInt(1_000_000));
        };
    }

    /** The data member's value: base64 of a direct payload or a CloudWatch envelope, or something odd. */
    private String data() throws IOException {
        return switch (random.nextInt(12)) {
            case 0 -> pick("12", "null", "{\"data\":\"x\"}", "[]", "\"%%%\"", "\"\\u0001\\\"\u00e9\"", "\"\"");
            case 1, 2, 3 -> "\"" + base64(cloudWatchRecord()) + "\"";
            case 4, 5 -> "\"" + base64(multiObject().getBytes(StandardCharsets.UTF_8)) + "\"";
            default -> "\"" + base64(line()) + "\"";
        };
    }

    private String multiObject() {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(5);
        for (int k = 0; k < n; k++) {
            String line = line();
            sb.append(k == 0 ? "" : pick("\n", "\r\n", "\n\n", "", " ", "\t\n")).append(line);
        }
        return sb.toString();
    }

    private byte[] cloudWatchRecord() throws IOException {
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        int members = random.nextInt(8) == 0 ? 2 + random.nextInt(2) : 1;
        for (int m = 0; m < members; m++) {
            byte[] gz = FirehoseEventBuilder.gzip(envelope().getBytes(StandardCharsets.UTF_8));
            switch (random.nextInt(16)) {
                case 0 -> gz = java.util.Arrays.copyOf(gz, random.nextInt(gz.length));
                case 1 -> gz = java.util.Arrays.copyOf(gz, gz.length + 1 + random.nextInt(8));
                case 2 -> gz[random.nextInt(gz.length)] ^= (byte) (1 + random.nextInt(255));
                default -> { }
            }
            record.writeBytes(gz);
        }
        if (random.nextInt(10) == 0) {
            return envelope().getBytes(StandardCharsets.UTF_8); // Firehose decompression on: plain
        }
        return record.toByteArray();
    }

    private String envelope() throws IOException {
        List<String> events = new ArrayList<>();
        int n = random.nextInt(8);
        for (int k = 0; k < n; k++) {
            events.add(switch (random.nextInt(14)) {
                case 0 -> pick("null", "\"x\"", "7", "[]");
                case 1 -> "{\"timestamp\":{\"message\":\"nested\"},\"message\":" + MAPPER.writeValueAsString(line()) + "}";
                case 2 -> "{\"timestamp\":1,\"message\":{\"requestId\":\"r\"}}";
                case 3 -> "{\"timestamp\":" + "9".repeat(40) + ",\"message\":" + MAPPER.writeValueAsString(line()) + "}";
                default -> "{\"id\":\"" + k + "\",\"timestamp\":" + (1706770070000L + k) + ",\"message\":"
                        + MAPPER.writeValueAsString(line()) + "}";
            });
        }
        List<String> members = new ArrayList<>(List.of(
                "\"messageType\":\"" + (random.nextInt(12) == 0 ? "CONTROL_MESSAGE" : "DATA_MESSAGE") + "\"",
                "\"owner\":\"123456789012\"", "\"logGroup\":\"/aws/apigw/g\"", "\"logStream\":\"s\"",
                "\"subscriptionFilters\":[\"f\"]", "\"logEvents\":[" + String.join(",", events) + "]"));
        if (random.nextInt(6) == 0) {
            java.util.Collections.shuffle(members, new java.util.Random(random.nextLong()));
        }
        if (random.nextInt(10) == 0) {
            members.remove(random.nextInt(members.size()));
        }
        return "{" + String.join(",", members) + "}";
    }

    /** An unknown member (with its trailing comma), sometimes deep or huge. */
    private String junkMember() {
        return switch (random.nextInt(8)) {
            case 0 -> {
                int depth = 1 + random.nextInt(3_000);
                yield "\"deep\":" + "[".repeat(depth) + "]".repeat(depth) + ",";
            }
            case 1 -> "\"big\":-" + "7".repeat(1 + random.nextInt(3_000)) + ".5e-9,";
            case 2 -> "\"records2\":[{\"recordId\":\"fake\",\"data\":\"" + base64(line()) + "\"}],";
            default -> "";
        };
    }

    private String trailingMember() {
        String junk = junkMember();
        return junk.isEmpty() ? "" : "," + junk.substring(0, junk.length() - 1);
    }

    private String line() {
        return lines.get(random.nextInt(lines.size())).replace("c0ffee00", Long.toHexString(random.nextLong()));
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private static String base64(String text) {
        return base64(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
