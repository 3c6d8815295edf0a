package dev.apigwinsights.benchmarks;

import dev.apigwinsights.enrich.Enricher;
import dev.apigwinsights.firehose.BatchSummary;
import dev.apigwinsights.firehose.FirehoseBatchTransformer;
import dev.apigwinsights.pipeline.PipelineConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Worst-case batch time with the default budgets (issue 7, item 2: no batch may take more than a
 * few seconds on one core): one op is one whole batch of one of the {@link WorstBatches}, at most
 * 6 MB of request. The work units each batch spent are printed at setup, for calibration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class BatchWorkBenchmark {
    @Param({"REALISTIC", "TEMPLATE_SEARCH", "CLOUDWATCH_MANY_EVENTS", "CLOUDWATCH_MILLION_MINIMAL", "DIRECT_SHORT_LINES",
        "GZIP_BOMBS"})
    public WorstBatches batch;

    private byte[] event;
    private FirehoseBatchTransformer transformer;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        event = batch.event();
        transformer = new FirehoseBatchTransformer(PipelineConfig.pipeline(batch.logFormat, Enricher.NONE, Clock.systemUTC()));
        BatchSummary s = transformBatch();
        System.out.printf("%n%s: %d bytes, %d records, ok=%d failed=%d overWorkBudget=%d workUnits=%d%n", batch, event.length,
                s.recordsIn(), s.ok(), s.processingFailed(), s.overWorkBudget(), s.workUnits());
    }

    @Benchmark
    public BatchSummary transformBatch() throws IOException {
        return transformer.transform(new ByteArrayInputStream(event), new ByteArrayOutputStream(6_000_000));
    }
}
