package dev.apigwinsights.local.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Kinds come from content, never from names. */
class InputDetectorTest {
    private static InputKind detect(String head) {
        byte[] b = head.getBytes(StandardCharsets.UTF_8);
        return InputDetector.detect(b, b.length);
    }

    @Test
    void recognisesEachKindFromItsFirstBytes() {
        assertThat(detect("{\"invocationId\":\"x\",\"deliveryStreamArn\":\"a\",\"records\":[{\"recordId\":\"1\"")).isEqualTo(InputKind.FIREHOSE_EVENT);
        assertThat(detect("{\n  \"events\": [\n {\"logStreamName\": \"s\"")).isEqualTo(InputKind.CLOUDWATCH_LOG_EVENTS);
        assertThat(detect("{\"attemptsMade\":4,\"arrivalTimestamp\":1,\"errorCode\":\"Lambda.ProcessingFailed\",\"errorMessage\":\"m\",\"rawData\":\"eyJ9\"}"))
                .isEqualTo(InputKind.PROCESSING_FAILED);
        assertThat(detect("{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"1\",\"logEvents\":[]}")).isEqualTo(InputKind.CLOUDWATCH_SUBSCRIPTION);
        assertThat(detect("{\"request_id\":\"a\",\"request_time\":\"2024-02-01T00:00:00.000Z\",\"status\":200,\"source_kind\":\"DIRECT\"}\n"))
                .isEqualTo(InputKind.CANONICAL_ROWS);
        assertThat(detect("2024-02-01T06:47:49.673Z {\"requestId\":\"r\"}\n")).isEqualTo(InputKind.CLOUDWATCH_EXPORT);
        assertThat(detect("2024-02-01T06:47:49Z 203.0.113.5 - - [01/Feb/2024:06:47:49 +0000] \"GET / HTTP/1.1\" 200 1 r\n"))
                .isEqualTo(InputKind.CLOUDWATCH_EXPORT);
        assertThat(detect("2024-02-01T06:47:49.673000+00:00 a87ff679a2f3e71d9181a67b7542122c {\"requestId\":\"r\"}\n"))
                .isEqualTo(InputKind.CLOUDWATCH_TAIL);
        assertThat(detect("2024-02-01T06:47:49 {\"requestId\":\"r\"}\n")).isEqualTo(InputKind.CLOUDWATCH_TAIL);
        assertThat(detect("\u001b[32m2024-02-01T06:47:49.673000+00:00\u001b[0m \u001b[36ms\u001b[0m {\"requestId\":\"r\"}\n"))
                .isEqualTo(InputKind.CLOUDWATCH_TAIL);
        assertThat(detect("EVENTS\t1\t1706770069673\ts\t{\"requestId\":\"r\"}\t1706770069600\n")).isEqualTo(InputKind.CLOUDWATCH_LOG_EVENTS_TEXT);
        assertThat(detect("b/37548\tf/37548\nEVENTS\t1706770069673\t{\"requestId\":\"r\"}\t1706770069600\n"))
                .isEqualTo(InputKind.CLOUDWATCH_LOG_EVENTS_TEXT);
        assertThat(detect("{\"logStreamName\":\"s\",\"timestamp\":1706770069673,\"message\":\"{\\\"requestId\\\":\\\"r\\\"}\","
                + "\"ingestionTime\":1706770069900,\"eventId\":\"375486\"}\n")).isEqualTo(InputKind.CLOUDWATCH_LOG_EVENT_OBJECTS);
        assertThat(detect("{\"@timestamp\":\"2024-02-01 06:47:49.673\",\"@logStream\":\"s\",\"@message\":\"{\\\"requestId\\\":\\\"r\\\"}\"}\n"))
                .as("a Logs Insights row, jq -c '.[]' of saved results").isEqualTo(InputKind.CLOUDWATCH_LOG_EVENT_OBJECTS);
        assertThat(detect("{\"requestId\":\"r\",\"timestamp\":1706770069673,\"message\":\"Forbidden\"}\n"))
                .as("an access log that logs a message and a time").isEqualTo(InputKind.ACCESS_LOG_LINES);
        assertThat(detect("{\"timestamp\":\"1706770069673\",\"message\":\"Forbidden\"}\n"))
                .as("a time written as text, as a stage format writes it").isEqualTo(InputKind.ACCESS_LOG_LINES);
        assertThat(detect("  \n\n")).isEqualTo(InputKind.EMPTY);
        assertThat(detect("Permission Check Successful")).isEqualTo(InputKind.EXPORT_PERMISSION_CHECK);
        assertThat(detect("Permission Check Successful\nGET /pets 200\n")).as("more than the check").isEqualTo(InputKind.ACCESS_LOG_LINES);
        assertThat(detect("@timestamp,@message,@logStream\r\n2024-02-01 06:47:49.673,\"{\"\"requestId\"\":\"\"r\"\"}\",s\r\n"))
                .isEqualTo(InputKind.INSIGHTS_CSV);
    }

    @Test
    void aBlockOfZerosIsFoundButScatteredZerosAreNot() {
        byte[] padded = new byte[4096 + 200];
        byte[] line = "{\"requestId\":\"r\",\"status\":\"200\"}\n".getBytes(StandardCharsets.UTF_8);
        for (int i = 4096; i + line.length <= padded.length; i += line.length) {
            System.arraycopy(line, 0, padded, i, line.length);
        }
        assertThat(InputDetector.isBinary(padded, padded.length)).as("what made such files skipped").isTrue();
        assertThat(InputDetector.hasZeroBlock(padded, padded.length)).isTrue();
        assertThat(InputDetector.hasZeroBlock(new byte[65536], 65536)).as("a head of nothing but zeros").isTrue();

        byte[] scattered = new byte[4096];
        for (int i = 0; i < scattered.length; i++) {
            scattered[i] = (byte) (i % 7 == 0 ? 0 : i % 5 == 0 ? '\n' : i % 3 == 0 ? 1 : 'a');
        }
        assertThat(InputDetector.hasZeroBlock(scattered, scattered.length)).isFalse();
        assertThat(InputDetector.hasZeroBlock(line, line.length)).as("no zeros at all").isFalse();
        byte[] parquet = new byte[4096];
        System.arraycopy("PAR1".getBytes(StandardCharsets.US_ASCII), 0, parquet, 0, 4);
        assertThat(InputDetector.hasZeroBlock(parquet, parquet.length)).isFalse();
    }

    @Test
    void jsonArraysAndQueryResultsAreArraysButABracketedTimeIsALogLine() {
        assertThat(detect("[\n  {\n    \"@timestamp\": \"2024-02-01 06:47:49.673\",\n    \"@message\": \"{")).isEqualTo(InputKind.JSON_ARRAY);
        assertThat(detect("\uFEFF[{\"requestId\":\"r\",\"status\":\"200\"}]")).isEqualTo(InputKind.JSON_ARRAY);
        assertThat(detect("[\"203.0.113.5 - - [01/Feb/2024:06:47:49 +0000] \\\"GET / HTTP/1.1\\\" 200 1 r\"]")).isEqualTo(InputKind.JSON_ARRAY);
        assertThat(detect("[]")).isEqualTo(InputKind.JSON_ARRAY);
        assertThat(detect("[[{\"field\":\"@timestamp\",\"value\":\"2024-02-01 06:47:49.673\"}")).isEqualTo(InputKind.JSON_ARRAY);
        assertThat(detect("{\n    \"queryLanguage\": \"CWLI\",\n    \"results\": [\n        [\n")).isEqualTo(InputKind.JSON_ARRAY);
        assertThat(detect("[01/Feb/2024:06:47:49 +0000] 203.0.113.5 \"GET / HTTP/1.1\" 200 1 r\n")).isEqualTo(InputKind.ACCESS_LOG_LINES);
    }

    @Test
    void imagesAndArchivesAreBinaryButAStrayControlCharacterIsNot() {
        byte[] png = new byte[600];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 0, 0x30};
        System.arraycopy(magic, 0, png, 0, magic.length);
        for (int i = magic.length; i < png.length; i++) {
            png[i] = (byte) (i * 37);
        }
        assertThat(InputDetector.detect(png, png.length)).isEqualTo(InputKind.BINARY);
        byte[] zip = "PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000\u0000\u0000!\u0000\u0000\u0000\u0000access.log".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(InputDetector.detect(zip, zip.length)).isEqualTo(InputKind.BINARY);
        assertThat(detect("{\"requestId\":\"r\",\"userAgent\":\"bot\u0001\u0002\",\"status\":\"200\"}\n")).isEqualTo(InputKind.ACCESS_LOG_LINES);
        assertThat(detect("\u001b[32m203.0.113.5\u001b[0m - - [04/Mar/2024:12:00:00 +0000] \"GET / HTTP/1.1\" 200 4 r\n"))
                .isEqualTo(InputKind.ACCESS_LOG_LINES);
    }

    @Test
    void anythingElseIsAccessLogLines() {
        assertThat(detect("{\"requestId\":\"r\",\"ip\":\"1.2.3.4\",\"status\":\"200\"}\n")).isEqualTo(InputKind.ACCESS_LOG_LINES);
        assertThat(detect("{\"requestId\":\"r\",\"identityUserAgent\":\"a \"quoted\" agent\",\"records\":[]}")).isEqualTo(InputKind.ACCESS_LOG_LINES);
        assertThat(detect("203.0.113.5 - - [04/Mar/2024:12:00:00 +0000]\"GET /pets HTTP/1.1\" 200 432 r x\n")).isEqualTo(InputKind.ACCESS_LOG_LINES);
        assertThat(detect("<request id=\"r\"> <ip>1.2.3.4</ip> </request>\n")).isEqualTo(InputKind.ACCESS_LOG_LINES);
        assertThat(detect("\uFEFF{\"request_id\":\"snake_case log keys\",\"status\":\"200\"}")).isEqualTo(InputKind.ACCESS_LOG_LINES);
    }

    @Test
    void splitsValidObjectsWrittenBackToBackButNotBrokenJson() {
        byte[] two = "{\"requestId\":\"a\",\"x\":\"}{\"}{\"requestId\":\"b\"}".getBytes(StandardCharsets.UTF_8);
        byte[] broken = "{\"requestId\":\"a\",\"ua\":\"x\"}{\"y\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(AccessLogLinesFraming.backToBack(two)).extracting(b -> new String(b, StandardCharsets.UTF_8))
                .containsExactly("{\"requestId\":\"a\",\"x\":\"}{\"}", "{\"requestId\":\"b\"}");
        assertThat(AccessLogLinesFraming.backToBack(broken)).isNull();
    }

    @Test
    void findsObjectsBackToBackWhereverTheBoundaryFallsInALongLine() {
        String first = "{\"requestId\":\"a\",\"nested\":{\"k\":\"v\"},\"path\":\"/pets/1\"}";
        for (int pad = 0; pad < 20; pad++) {
            String padded = first.replace("/pets/1", "/pets/" + "x".repeat(pad));
            byte[] line = (padded + "{\"requestId\":\"b\"}").getBytes(StandardCharsets.UTF_8);
            assertThat(AccessLogLinesFraming.backToBack(line)).as("pad %d", pad).hasSize(2);
            assertThat(AccessLogLinesFraming.backToBack(padded.getBytes(StandardCharsets.UTF_8))).as("one object").isNull();
        }
        assertThat(AccessLogLinesFraming.backToBack(new byte[0])).isNull();
        assertThat(AccessLogLinesFraming.backToBack("}".getBytes(StandardCharsets.UTF_8))).isNull();
    }
}
