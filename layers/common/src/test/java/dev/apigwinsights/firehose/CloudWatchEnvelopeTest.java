package dev.apigwinsights.firehose;

import static dev.apigwinsights.firehose.TransformerRun.MAPPER;
import static dev.apigwinsights.firehose.TransformerRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwinsights.eventkit.FirehoseEventBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 7, item 8: CloudWatch Logs envelopes are read structurally and completely: an odd
 * element fails the record (every event stays recoverable from processing-failed) instead of
 * silently losing the valid events next to it; only an event's own message is read; every
 * concatenated gzip member is read, and anything after the last member that is not one fails.
 */
class CloudWatchEnvelopeTest {
    private final FirehoseBatchTransformer transformer = TransformerRun.transformer();

    private static String line(String requestId) {
        return "{\"requestId\":\"" + requestId + "\",\"requestTime\":\"01/Feb/2024:06:47:49 +0000\",\"httpMethod\":\"GET\","
                + "\"routeKey\":\"GET /p\",\"status\":\"200\"}";
    }

    private static String event(String requestId) throws IOException {
        return "{\"id\":\"1\",\"timestamp\":1706770070000,\"message\":" + MAPPER.writeValueAsString(line(requestId)) + "}";
    }

    private static String envelope(String logEvents) {
        return "{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"123456789012\",\"logGroup\":\"/aws/apigw/g\",\"logStream\":\"s\","
                + "\"subscriptionFilters\":[\"f\"],\"logEvents\":[" + logEvents + "]}";
    }

    private static byte[] gzip(String text) {
        return FirehoseEventBuilder.gzip(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private TransformerRun runRecords(byte[]... records) throws IOException {
        FirehoseEventBuilder b = new FirehoseEventBuilder(TransformerRun.STREAM, 1706770070000L);
        for (byte[] r : records) {
            b.raw(r);
        }
        return run(transformer, b.toJson().getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "\"a string\"", "42", "[]", "true"})
    void failsTheRecordWhenALogEventIsNotAnObjectRatherThanLosingTheValidOnes(String junk) throws IOException {
        TransformerRun run = runRecords(gzip(envelope(event("r-1") + "," + junk + "," + event("r-2"))),
                gzip(envelope(event("r-3"))));
        assertThat(run.result(0)).isEqualTo("ProcessingFailed");
        assertThat(run.reason(0)).isEqualTo("log event 2 is not an object");
        assertThat(run.result(1)).isEqualTo("Ok");
    }

    @Test
    void readsOnlyAnEventsOwnMessageAndTimestamp() throws IOException {
        String nested = "{\"message\":" + MAPPER.writeValueAsString(line("nested")) + ",\"timestamp\":1}";
        String odd = "{\"id\":{\"message\":\"x\"},\"timestamp\":" + nested + ",\"extra\":[" + nested + "],\"message\":"
                + MAPPER.writeValueAsString(line("own")) + "}";
        TransformerRun run = runRecords(gzip(envelope(odd)));
        assertThat(run.result(0)).isEqualTo("Ok");
        assertThat(run.lines(0)).hasSize(1);
        assertThat(run.line(0, 0).get("request_id").asText()).isEqualTo("own");
    }

    @Test
    void failsAnEventWhoseMessageIsNotAString() throws IOException {
        TransformerRun run = runRecords(gzip(envelope(event("r-1") + ",{\"timestamp\":1,\"message\":{\"requestId\":\"x\"}}")));
        assertThat(run.result(0)).isEqualTo("ProcessingFailed");
        assertThat(run.reason(0)).isEqualTo("log event 2 has no message string");
    }

    @Test
    void readsEveryConcatenatedGzipMember() throws IOException {
        byte[] twoMembers = concat(gzip(envelope(event("r-1"))), gzip(envelope(event("r-2") + "," + event("r-3"))));
        TransformerRun run = runRecords(twoMembers);
        assertThat(run.result(0)).isEqualTo("Ok");
        assertThat(run.lines(0)).hasSize(3);
        assertThat(run.line(0, 2).get("request_id").asText()).isEqualTo("r-3");
    }

    @Test
    void failsTheRecordWhenBytesAfterAGzipMemberAreNotAnotherMember() throws IOException {
        byte[] member = gzip(envelope(event("r-1")));
        byte[] second = gzip(envelope(event("r-2")));
        TransformerRun run = runRecords(concat(member, "garbage".getBytes(StandardCharsets.UTF_8)),
                concat(member, Arrays.copyOf(second, second.length / 2)),
                concat(member, new byte[] {0, 0, 0, 0}),
                member);
        assertThat(run.result(0)).isEqualTo("ProcessingFailed");
        assertThat(run.reason(0)).startsWith("corrupt gzip data");
        assertThat(run.result(1)).isEqualTo("ProcessingFailed");
        assertThat(run.result(2)).isEqualTo("ProcessingFailed");
        assertThat(run.result(3)).isEqualTo("Ok");
    }

    @Test
    void failsAGzipMemberWhoseChecksumDoesNotMatch() throws IOException {
        byte[] member = gzip(envelope(event("r-1")));
        member[member.length - 6] ^= 0x5A; // inside the CRC32 of the trailer
        TransformerRun run = runRecords(member);
        assertThat(run.result(0)).isEqualTo("ProcessingFailed");
        assertThat(run.reason(0)).contains("CRC");
    }

    @Test
    void readsEnvelopesConcatenatedInOnePlainRecordAndDropsOnlyControlMessages() throws IOException {
        String control = "{\"messageType\":\"CONTROL_MESSAGE\",\"owner\":\"CloudwatchLogs\",\"logGroup\":\"\",\"logStream\":\"\","
                + "\"subscriptionFilters\":[],\"logEvents\":[{\"id\":\"\",\"timestamp\":1,\"message\":\"CWL CONTROL MESSAGE\"}]}";
        TransformerRun run = runRecords(gzip(control + envelope(event("r-1"))), gzip(control + "\n" + control),
                (envelope(event("r-9")) + "\n" + envelope(event("r-10"))).getBytes(StandardCharsets.UTF_8));
        assertThat(run.result(0)).isEqualTo("Ok");
        assertThat(run.lines(0)).hasSize(1);
        assertThat(run.result(1)).isEqualTo("Dropped");
        assertThat(run.result(2)).isEqualTo("Ok");
        assertThat(run.lines(2)).hasSize(2);
    }

    @Test
    void readsTheEventsOfAnEnvelopeWhoseLogGroupComesAfterThem() throws IOException {
        String reordered = "{\"logEvents\":[" + event("r-1") + "],\"logStream\":\"s\",\"messageType\":\"DATA_MESSAGE\","
                + "\"logGroup\":\"/aws/apigw/late\",\"owner\":\"210987654321\"}";
        TransformerRun run = runRecords(gzip(reordered));
        assertThat(run.result(0)).isEqualTo("Ok");
        assertThat(run.line(0, 0).get("log_group").asText()).isEqualTo("/aws/apigw/late");
        assertThat(run.line(0, 0).get("account_id").asText()).isEqualTo("210987654321");
    }

    @Test
    void failsEnvelopesThatAreNotWhatCloudWatchWrites() throws IOException {
        TransformerRun run = runRecords(
                gzip("{\"owner\":\"1\",\"logEvents\":[]}"),
                gzip("{\"messageType\":\"DATA_MESSAGE\",\"logGroup\":\"g\"}"),
                gzip(envelope(event("r-1")).replace("\"logEvents\":[", "\"logEvents\":[],\"logEvents\":[")),
                gzip("{\"messageType\":\"DATA_MESSAGE\",\"logEvents\":{\"0\":" + event("r-1") + "}}"),
                gzip("[" + envelope(event("r-1")) + "]"),
                gzip(envelope(event("r-1")).substring(0, 60)));
        for (int i = 0; i < 6; i++) {
            assertThat(run.result(i)).as("record %d", i).isEqualTo("ProcessingFailed");
        }
    }

    @Test
    void fallsBackToTheArrivalTimeWhenAnEventsTimestampIsNotAUsableTime() throws IOException {
        String noTime = "{\"requestId\":\"r-1\",\"status\":\"200\",\"httpMethod\":\"GET\"}";
        String events = "{\"timestamp\":9200000000000000000,\"message\":" + MAPPER.writeValueAsString(noTime) + "},"
                + "{\"timestamp\":\"soon\",\"message\":" + MAPPER.writeValueAsString(noTime) + "},"
                + "{\"timestamp\":1706770075000,\"message\":" + MAPPER.writeValueAsString(noTime) + "}";
        TransformerRun run = runRecords(gzip(envelope(events)));
        assertThat(run.result(0)).isEqualTo("Ok");
        assertThat(run.line(0, 0).get("extra").get("request_time_source").asText()).isEqualTo("firehose_arrival_time");
        assertThat(run.line(0, 1).get("extra").get("request_time_source").asText()).isEqualTo("firehose_arrival_time");
        assertThat(run.line(0, 2).get("extra").get("request_time_source").asText()).isEqualTo("log_event_time");
        assertThat(run.line(0, 2).get("request_time_epoch_ms").asLong()).isEqualTo(1706770075000L);
    }
}
