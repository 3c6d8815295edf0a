package dev.apigwinsights.firehose;

import static dev.apigwinsights.firehose.TransformerRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwinsights.eventkit.FirehoseEventBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, item 1: memory per batch is bounded by the response budget, never by what a record
 * claims to hold. A record whose output cannot fit fails alone, early, without its output (or its
 * inflated input) ever being materialised; the rest of the batch is answered. Measured with the
 * JVM's per-thread allocation counter: the old code pre-sized buffers from the entry count
 * (a gigabyte for a million events) and ran a 1 GB heap out of memory.
 */
class MemoryBoundTest {
    private static final String LINE = "{\"requestId\":\"r-1\",\"requestTime\":\"01/Feb/2024:06:47:49 +0000\",\"status\":\"200\"}";
    private static final long MB = 1 << 20;
    private final FirehoseBatchTransformer transformer = TransformerRun.transformer();

    private static byte[] cloudWatchRecord(int count, String message) {
        return FirehoseEventBuilder.gzipEnvelopeOfIdenticalEvents(count, message);
    }

    private TransformerRun runRecords(byte[]... records) throws IOException {
        FirehoseEventBuilder b = new FirehoseEventBuilder(TransformerRun.STREAM, 1706770070000L);
        for (byte[] r : records) {
            b.raw(r);
        }
        b.direct(LINE);
        return run(transformer, b.toJson().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aMillionMinimalCloudWatchEventsFailTheirRecordAtTheFirstOne() throws IOException {
        byte[] record = cloudWatchRecord(1_000_000, "x");
        assertThat(record.length).as("a few tens of KB of gzip").isLessThan(200_000);
        TransformerRun run = runRecords(record);
        assertThat(run.result(0)).isEqualTo("ProcessingFailed");
        assertThat(run.reason(0)).startsWith("log event 1:");
        assertThat(run.result(1)).isEqualTo("Ok");
        assertThat(run.allocatedBytes()).isLessThan(64 * MB);
    }

    @Test
    void halfAMillionValidCloudWatchEventsStopAtTheResponseBudget() throws IOException {
        byte[] record = cloudWatchRecord(500_000, LINE.replace("\"", "\\\""));
        TransformerRun run = runRecords(record, record);
        assertThat(run.result(0)).isEqualTo("ProcessingFailed");
        assertThat(run.reason(0)).isEqualTo("response size budget exceeded: re-send it with apigw-insights replay (it splits large records)");
        assertThat(run.result(1)).isEqualTo("ProcessingFailed");
        assertThat(run.result(2)).isEqualTo("Ok");
        assertThat(run.summary().overBudget()).isEqualTo(2);
        assertThat(run.summary().logEvents()).as("reading stopped early").isLessThan(100_000);
        assertThat(run.allocatedBytes()).isLessThan(200 * MB);
    }

    @Test
    void aDirectRecordOfShortInvalidLinesFailsAtItsFirstLine() throws IOException {
        TransformerRun run = runRecords("a\n".repeat(500_000).getBytes(StandardCharsets.UTF_8));
        assertThat(run.result(0)).isEqualTo("ProcessingFailed");
        assertThat(run.reason(0)).startsWith("entry 1 of 500000:");
        assertThat(run.result(1)).isEqualTo("Ok");
        assertThat(run.allocatedBytes()).isLessThan(64 * MB);
    }

    @Test
    void aDirectRecordOfShortValidLinesStopsAtTheResponseBudget() throws IOException {
        byte[] record = (LINE + "\n").repeat(1_000 * 1024 / (LINE.length() + 1)).getBytes(StandardCharsets.UTF_8);
        TransformerRun run = runRecords(record, record, record, record, record, record);
        assertThat(run.responseBytes()).isLessThanOrEqualTo(6_000_000);
        assertThat(run.summary().overBudget()).isPositive();
        assertThat(run.result(6)).isEqualTo("Ok");
        assertThat(run.allocatedBytes()).isLessThan(300 * MB);
    }
}
