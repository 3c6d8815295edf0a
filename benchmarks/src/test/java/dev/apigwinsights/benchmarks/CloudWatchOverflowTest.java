package dev.apigwinsights.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwinsights.benchmarks.CloudWatchOverflow.Stream;
import dev.apigwinsights.firehose.FirehoseBatchTransformer;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, item 12, kept true: with the stack's default processor buffer, no CloudWatch Logs record
 * is failed for size at 30x compression once Firehose decompresses before the transformer, while
 * the same traffic on the direct-put stream (what the stack did before) loses most records.
 * The full table, 10x to 50x, comes from {@link CloudWatchOverflow#main}.
 */
class CloudWatchOverflowTest {
    private static final double RATIO = 30;

    private final FirehoseProcessorModel model = CloudWatchOverflow.model();

    @Test
    void trafficCompressesAsMuchAsAsked() {
        assertThat(CloudWatchTraffic.forRatio(RATIO, 1).sampleRatio()).isBetween(RATIO * 0.95, RATIO * 1.05);
        assertThat(CloudWatchTraffic.forRatio(10, 1).sampleRatio()).isBetween(9.5, 10.5);
    }

    @Test
    void theDecompressingStreamFailsNoRecordForSizeAtThirtyTimesWithTheDefaultBuffer() {
        FirehoseProcessorModel.Totals after = CloudWatchOverflow.measure(model, RATIO, Stream.DECOMPRESSING,
                CloudWatchOverflow.DEFAULT_BUFFER_MB, 2);

        assertThat(after.recordsIn()).isGreaterThan(2);
        assertThat(after.failedForSize()).isZero();
        assertThat(after.failed()).isZero();
        assertThat(after.maxResponseBytes()).isLessThanOrEqualTo(FirehoseBatchTransformer.DEFAULT_RESPONSE_BUDGET);
    }

    @Test
    void evenTheLargestProcessorBufferFitsOnceDecompressed() {
        FirehoseProcessorModel.Totals after = CloudWatchOverflow.measure(model, RATIO, Stream.DECOMPRESSING, 3, 1);

        assertThat(after.failedForSize()).isZero();
        assertThat(after.maxResponseBytes()).isLessThan(5_000_000);
    }

    @Test
    void theDirectPutStreamFailsMostOfTheSameRecordsForSize() {
        FirehoseProcessorModel.Totals before = CloudWatchOverflow.measure(model, RATIO, Stream.DIRECT_PUT,
                CloudWatchOverflow.DEFAULT_BUFFER_MB, 1);

        assertThat(before.failedForSize()).isGreaterThan(before.recordsIn() / 2);
        assertThat(before.maxResponseBytes()).isLessThanOrEqualTo(FirehoseBatchTransformer.DEFAULT_RESPONSE_BUDGET);
    }
}
