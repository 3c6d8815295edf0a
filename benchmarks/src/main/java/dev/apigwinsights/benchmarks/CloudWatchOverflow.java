package dev.apigwinsights.benchmarks;

import dev.apigwinsights.enrich.Enricher;
import dev.apigwinsights.eventkit.FirehoseEventBuilder;
import dev.apigwinsights.firehose.FirehoseBatchTransformer;
import dev.apigwinsights.pipeline.PipelineConfig;
import java.time.Clock;
import java.util.Locale;

/**
 * Issue 7, item 12: how many CloudWatch Logs records are failed "response size budget exceeded"
 * at each compression ratio, before (subscription filters feeding the direct-put stream: the
 * processor buffer counts gzip bytes) and after (the CloudWatch Logs stream, whose Decompression
 * processor runs first: the buffer counts inflated bytes), with the stack's default processor
 * buffer (1 MB) and at the range's ends. Counts records, not time, so the figures do not depend on
 * the machine. Usage:
 * {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar dev.apigwinsights.benchmarks.CloudWatchOverflow [batches]}
 */
public final class CloudWatchOverflow {
    static final double DEFAULT_BUFFER_MB = 1;
    private static final double[] RATIOS = {10, 15, 20, 25, 30, 40, 50};
    private static final long SEED = 7;

    private CloudWatchOverflow() {
    }

    /** The two ways the stack can feed CloudWatch Logs records to the transformer. */
    enum Stream {
        /** Subscription filters on the direct-put stream: records reach the processor gzip-compressed. */
        DIRECT_PUT,
        /** The CloudWatch Logs stream: Firehose's Decompression processor runs before the Lambda processor. */
        DECOMPRESSING
    }

    static FirehoseProcessorModel model() {
        return new FirehoseProcessorModel(new FirehoseBatchTransformer(PipelineConfig.pipeline(null, Enricher.NONE, Clock.systemUTC())));
    }

    /** {@code batches} full buffers of {@code bufferMb} of traffic compressing {@code ratio} times, fed through {@code stream}. */
    static FirehoseProcessorModel.Totals measure(FirehoseProcessorModel model, double ratio, Stream stream, double bufferMb, int batches) {
        CloudWatchTraffic traffic = CloudWatchTraffic.forRatio(ratio, SEED);
        return model.run(stream == Stream.DIRECT_PUT ? () -> FirehoseEventBuilder.gzip(traffic.nextEnvelope()) : traffic::nextEnvelope,
                bufferMb, batches);
    }

    public static void main(String[] args) {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        FirehoseProcessorModel model = model();
        System.out.printf(Locale.ROOT, "%d events per record, %d full processor buffers per cell; failed for size / records in%n",
                CloudWatchTraffic.EVENTS_PER_RECORD, batches);
        System.out.println("| ratio | before, 1 MB (default) | before, 0.2 MB | after, 1 MB (default) | after, 3 MB | largest response after (3 MB) |");
        System.out.println("|---|---|---|---|---|---|");
        for (double target : RATIOS) {
            double ratio = CloudWatchTraffic.forRatio(target, SEED).sampleRatio();
            FirehoseProcessorModel.Totals before = measure(model, target, Stream.DIRECT_PUT, DEFAULT_BUFFER_MB, batches);
            FirehoseProcessorModel.Totals beforeSmall = measure(model, target, Stream.DIRECT_PUT, 0.2, batches);
            FirehoseProcessorModel.Totals after = measure(model, target, Stream.DECOMPRESSING, DEFAULT_BUFFER_MB, batches);
            FirehoseProcessorModel.Totals afterLarge = measure(model, target, Stream.DECOMPRESSING, 3, batches);
            System.out.printf(Locale.ROOT, "| %.1fx | %s | %s | %s | %s | %,d bytes |%n", ratio, cell(before), cell(beforeSmall),
                    cell(after), cell(afterLarge), afterLarge.maxResponseBytes());
        }
    }

    private static String cell(FirehoseProcessorModel.Totals t) {
        return String.format(Locale.ROOT, "%,d / %,d (%.0f%%)", t.failedForSize(), t.recordsIn(), 100.0 * t.failedForSize() / t.recordsIn());
    }
}
