package dev.apigwinsights.benchmarks;

import dev.apigwinsights.transformer.TransformHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
 * The Lambda handler as the deployed stack runs it: built by its no-arg constructor, primed as
 * SnapStart primes it before the snapshot ({@code beforeCheckpoint}), then measured with no JMH
 * warm-up of its own, so the first iterations are the first batches after a restore. Forked with the
 * flags Lambda gives the JVM (serial GC, the heap of a 1,024 MB function); the JIT is the JVM's default,
 * as on java25 with SnapStart. For today's java21 (C1 only), or to emulate java25 without SnapStart,
 * add {@code -jvmArgsAppend -XX:TieredStopAtLevel=1}; for JDK 25 add {@code -jvm <JDK 25>/bin/java}:
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar PrimedHandlerBenchmark -jvm /usr/lib/jvm/temurin-25-jdk-amd64/bin/java
 * </pre>
 * One batch per op; entries/s = 2,196 / (s/op).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 12, time = 1)
@Fork(value = 1, jvmArgs = {"-XX:+UseSerialGC", "-XX:MaxHeapSize=870m"})
public class PrimedHandlerBenchmark {
    /** {@link BatchShape}: rest, cloudwatch, cloudwatch-gzip. */
    @Param({"rest"})
    public String shape;

    private byte[] event;
    private TransformHandler handler;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(8 << 20);

    @Setup(Level.Trial)
    public void primeAsBeforeTheSnapshot() throws IOException {
        event = BatchShape.named(shape).event();
        // the handler's per-batch log line and metrics go to stdout and stderr: not measured, not shown
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        System.setOut(quiet);
        System.setErr(quiet);
        handler = new TransformHandler();
        handler.beforeCheckpoint(null);
    }

    @Benchmark
    public int transformBatch() throws IOException {
        out.reset();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return out.size();
    }
}
