package dev.apigwinsights.benchmarks;

import dev.apigwinsights.firehose.FirehoseBatchTransformer;
import dev.apigwinsights.wiring.TransformerWiring;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
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
 * The same 2,196 access-log lines (3 MB, {@link RealisticBatch}) as direct-put records, as decompressed
 * CloudWatch Logs envelopes of 100 events (the stack's CloudWatch Logs stream) and as gzip envelopes:
 * the score per batch divided by 2,196 is the cost of one entry in each framing (issue 8's target: a
 * CloudWatch log event at most 1.15 times a direct-put record). Each shape runs in its own fork, as it
 * would in its own function. Run with {@code -prof gc} for allocation per batch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class FramingBenchmark {
    @Param({"rest", "cloudwatch", "cloudwatch-gzip"})
    public String shape;

    private byte[] event;
    private FirehoseBatchTransformer transformer;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(8 << 20);

    @Setup(Level.Trial)
    public void setUp() {
        event = BatchShape.named(shape).event();
        transformer = TransformerWiring.fromEnvironment(Map.of(), Clock.systemUTC(),
                new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8)).transformer();
    }

    @Benchmark
    public Object transformBatch() throws IOException {
        out.reset();
        return transformer.transform(new ByteArrayInputStream(event), out);
    }
}
