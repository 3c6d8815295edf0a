package dev.apigwinsights.benchmarks;

import dev.apigwinsights.transformer.TransformHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * What a SnapStart function does, minus the snapshot: the handler is built as the runtime builds it
 * (no-arg constructor, environment from this process), primed as before a checkpoint
 * ({@code beforeCheckpoint}), then given batches of {@link BatchShape}, each timed in this thread's CPU
 * time. The first batches after priming show whether the priming left the JIT at its steady state (the
 * compiled code is in the snapshot; what is not compiled yet is compiled on the first invocations after
 * every restore). Run it with the JVM flags Lambda uses (see docs/performance.md), e.g.
 * <pre>
 * JAVA_TOOL_OPTIONS=... java -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar \
 *     dev.apigwinsights.benchmarks.PrimedStart rest 40
 * </pre>
 * Arguments: the batch ({@code rest}, {@code cloudwatch}, {@code cloudwatch-gzip}) and how many batches.
 */
public final class PrimedStart {
    private PrimedStart() {
    }

    public static void main(String[] args) throws Exception {
        BatchShape shape = BatchShape.named(args.length > 0 ? args[0] : "rest");
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        byte[] event = shape.event();
        int entries = shape.entries();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();

        long w0 = System.nanoTime();
        long c0 = threads.getCurrentThreadCpuTime();
        TransformHandler handler = new TransformHandler();
        long initCpu = threads.getCurrentThreadCpuTime() - c0;
        handler.beforeCheckpoint(null);
        long primeCpu = threads.getCurrentThreadCpuTime() - c0 - initCpu;
        long primeWall = System.nanoTime() - w0;
        System.out.printf(Locale.ROOT, "JVM %s %s; %s batch, %d entries%n", System.getProperty("java.version"),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), shape, entries);
        System.out.printf(Locale.ROOT, "init %.0f ms CPU; priming %.0f ms CPU, %.0f ms wall (init included); JIT time so far %d ms%n",
                initCpu / 1e6, primeCpu / 1e6, primeWall / 1e6, jit.getTotalCompilationTime());

        ByteArrayOutputStream out = new ByteArrayOutputStream(8 << 20);
        for (int i = 1; i <= batches; i++) {
            out.reset();
            long jit0 = jit.getTotalCompilationTime();
            long c = threads.getCurrentThreadCpuTime();
            handler.handleRequest(new ByteArrayInputStream(event), out, null);
            long cpu = threads.getCurrentThreadCpuTime() - c;
            System.out.printf(Locale.ROOT, "batch %3d: %7.2f ms CPU, %6.0f ns/entry, %8.0f entries/s; JIT +%d ms; ended %s%n", i, cpu / 1e6,
                    (double) cpu / entries, entries / (cpu / 1e9), jit.getTotalCompilationTime() - jit0, java.time.Instant.now());
        }
    }
}
