package dev.apigwinsights.local.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The headers {@code aws logs tail} writes in each of its formats, and lines that are not one. */
class LogsTailFramingTest {
    private static final long T = Instant.parse("2024-02-01T06:47:49.673Z").toEpochMilli();

    private static LogsTailFraming.Header header(String line) {
        return LogsTailFraming.header(line.getBytes(StandardCharsets.UTF_8));
    }

    private static String message(String line) {
        LogsTailFraming.Header h = header(line);
        return line.substring(Math.min(h.messageStart(), line.length()));
    }

    @Test
    void readsTheDetailedFormatsTimeStreamAndMessage() {
        String line = "2024-02-01T06:47:49.673000+00:00 a87ff679a2f3e71d9181a67b7542122c {\"requestId\":\"r\"}";
        assertThat(header(line)).isEqualTo(new LogsTailFraming.Header(T, "a87ff679a2f3e71d9181a67b7542122c", 66));
        assertThat(message(line)).isEqualTo("{\"requestId\":\"r\"}");
    }

    @Test
    void readsTheShortFormatAsUtcToTheSecondWithoutAStream() {
        String line = "2024-02-01T06:47:49 203.0.113.5 - - [01/Feb/2024:06:47:49 +0000] \"GET / HTTP/1.1\" 200 1 r";
        assertThat(header(line).timeMs()).isEqualTo(T - 673);
        assertThat(header(line).stream()).isNull();
        assertThat(message(line)).startsWith("203.0.113.5 - -");
    }

    @Test
    void appliesAnOffsetOtherThanUtcAndATimeWithoutAFraction() {
        assertThat(header("2024-02-01T08:47:49+02:00 s m").timeMs()).isEqualTo(T - 673);
        assertThat(header("2024-02-01T01:17:49.673-05:30 s m").timeMs()).isEqualTo(T);
    }

    @Test
    void takesAJsonMessageRightAfterAnOffsetTimeAsAMessageWithoutAStream() {
        String line = "2024-02-01T06:47:49.673+00:00 {\"requestId\":\"r\", \"status\":\"200\"}";
        assertThat(header(line)).isEqualTo(new LogsTailFraming.Header(T, null, 30));
        assertThat(message(line)).isEqualTo("{\"requestId\":\"r\", \"status\":\"200\"}");
    }

    @Test
    void stepsOverColourCodesAroundTheTimeAndTheStream() {
        String line = "\u001b[32m2024-02-01T06:47:49.673000+00:00\u001b[0m \u001b[36mstream-1\u001b[0m {\"requestId\":\"r\"}";
        assertThat(header(line).timeMs()).isEqualTo(T);
        assertThat(header(line).stream()).isEqualTo("stream-1");
        assertThat(message(line)).isEqualTo("{\"requestId\":\"r\"}");
    }

    @Test
    void aHeaderWithNothingAfterItLeavesAnEmptyMessage() {
        assertThat(message("2024-02-01T06:47:49.673000+00:00 stream-1 ")).isEmpty();
        assertThat(message("2024-02-01T06:47:49.673000+00:00 stream-1")).isEmpty();
    }

    @Test
    void isNotAHeaderForAnExportLineOrAnythingElse() {
        assertThat(header("2024-02-01T06:47:49.673Z {\"requestId\":\"r\"}")).as("an export's Z time").isNull();
        assertThat(header("{\"requestId\":\"r\",\"requestTime\":\"2024-02-01T06:47:49+00:00\"}")).isNull();
        assertThat(header("2024-02-01 06:47:49.673 {\"requestId\":\"r\"}")).as("no T").isNull();
        assertThat(header("2024-13-01T06:47:49+00:00 s m")).as("month 13").isNull();
        assertThat(header("2024-02-30T06:47:49+00:00 s m")).as("30 February").isNull();
        assertThat(header("2024-02-01T06:47:49.+00:00 s m")).as("a dot without digits").isNull();
        assertThat(header("2024-02-01T06:47:49+0000 s m")).as("an offset without a colon").isNull();
        assertThat(header("2024-02-01T06:47:49,GET,/pets")).as("a CSV line").isNull();
        assertThat(header("2024-02-01T06:47")).isNull();
        assertThat(header("2024-02-01Txx:47:49+00:00 s m")).as("an hour that is no number").isNull();
        assertThat(CloudWatchExportFraming.parseTime("2024-02-01Txx:47:49.673Z m".getBytes(StandardCharsets.UTF_8), 24))
                .as("nor in an export line").isEqualTo(-1);
        assertThat(CloudWatchExportFraming.parseTime("2024-02-01T06:47:49.673Z m".getBytes(StandardCharsets.UTF_8), 24)).isEqualTo(T);
    }
}
