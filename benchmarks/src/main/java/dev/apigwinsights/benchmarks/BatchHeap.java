package dev.apigwinsights.benchmarks;

import dev.apigwinsights.enrich.Enricher;
import dev.apigwinsights.firehose.BatchSummary;
import dev.apigwinsights.firehose.FirehoseBatchTransformer;
import dev.apigwinsights.pipeline.PipelineConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.util.List;

/**
 * Peak heap, allocation, time and work of one batch of each of the {@link WorstBatches}, each
 * after a warm-up and a GC: the heap pools' peak usage is reset before the batch, so the figure
 * is the most heap in use at any point during it (garbage included: an upper bound of what the
 * batch holds live). Run at a small heap to show the bound:
 * {@code java -Xmx1g -cp benchmarks/target/benchmarks.jar dev.apigwinsights.benchmarks.BatchHeap}.
 * With the argument {@code unlimited} the work budget is lifted, which shows what each batch
 * would cost without it and how many nanoseconds a work unit takes (the calibration).
 */
public final class BatchHeap {
    private BatchHeap() {
    }

    public static void main(String[] args) throws IOException {
        boolean unlimited = args.length > 0 && args[0].equals("unlimited");
        FirehoseBatchTransformer.Limits limits = unlimited
                ? FirehoseBatchTransformer.Limits.DEFAULT.withWorkUnits(Long.MAX_VALUE / 4).withTime(java.time.Duration.ofHours(1))
                : FirehoseBatchTransformer.Limits.DEFAULT;
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.printf("%-28s %10s %12s %12s %10s %14s %8s %6s %6s%n", "batch", "event MB", "peak heap MB", "alloc MB",
                "time ms", "work units", "ns/unit", "ok", "failed");
        for (WorstBatches batch : WorstBatches.all()) {
            byte[] event = batch.event();
            FirehoseBatchTransformer t = new FirehoseBatchTransformer(
                    PipelineConfig.pipeline(batch.logFormat, Enricher.NONE, Clock.systemUTC()), limits, Clock.systemUTC());
            for (int i = 0; i < (unlimited && batch == WorstBatches.TEMPLATE_SEARCH ? 1 : 5); i++) {
                t.transform(new ByteArrayInputStream(event), new ByteArrayOutputStream()); // warm-up
            }
            System.gc();
            long before = 0;
            for (MemoryPoolMXBean p : heap) {
                p.resetPeakUsage();
                before += p.getUsage().getUsed();
            }
            long allocated = threads.getCurrentThreadAllocatedBytes();
            long started = System.nanoTime();
            BatchSummary s = t.transform(new ByteArrayInputStream(event), new ByteArrayOutputStream(6_000_000));
            long nanos = System.nanoTime() - started;
            long ms = nanos / 1_000_000;
            allocated = threads.getCurrentThreadAllocatedBytes() - allocated;
            long peak = 0;
            for (MemoryPoolMXBean p : heap) {
                peak += p.getPeakUsage().getUsed();
            }
            System.out.printf("%-28s %10.1f %12.0f %12.0f %10d %14d %8.2f %6d %6d%n", batch, event.length / 1e6,
                    (peak - before) / 1048576.0, allocated / 1048576.0, ms, s.workUnits(), (double) nanos / Math.max(1, s.workUnits()),
                    s.ok(), s.processingFailed());
        }
    }
}
