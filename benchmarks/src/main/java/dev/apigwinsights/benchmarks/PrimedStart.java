package dev.apigwinsights.benchmarks;

import dev.apigwinsights.transformer.TransformHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
 * Arguments: the batch ({@code rest}, {@code cloudwatch}, {@code cloudwatch-gzip}, or a Firehose event
 * file of direct-put records), how many batches, and optionally a file to write the event to first
 * (so that {@code rest 0 rest.json} writes it and stops). The last line gives the median of the second half.
 * With an event file it needs nothing of this module but itself, so it also runs another build's
 * handler: put that build's jar first on the class path (issue 8's "deployed configuration against
 * today's C1-only" compares two builds under two JVMs that way; see docs/performance.md).
 */
public final class PrimedStart {
    private PrimedStart() {
    }

    public static void main(String[] args) throws Exception {
        String batch = args.length > 0 ? args[0] : "rest";
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        boolean file = batch.endsWith(".json");
        byte[] event = file ? Files.readAllBytes(Path.of(batch)) : BatchShape.named(batch).event();
        int entries = file ? recordIds(event) : BatchShape.named(batch).entries();
        String shape = file ? batch : BatchShape.named(batch).toString();
        if (args.length > 2) {
            Files.write(Path.of(args[2]), event);
        }
        if (batches == 0) {
            return;
        }
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
        long[] cpus = new long[batches];
        for (int i = 1; i <= batches; i++) {
            out.reset();
            long jit0 = jit.getTotalCompilationTime();
            long c = threads.getCurrentThreadCpuTime();
            handler.handleRequest(new ByteArrayInputStream(event), out, null);
            long cpu = threads.getCurrentThreadCpuTime() - c;
            System.out.printf(Locale.ROOT, "batch %3d: %7.2f ms CPU, %6.0f ns/entry, %8.0f entries/s; JIT +%d ms; ended %s%n", i, cpu / 1e6,
                    (double) cpu / entries, entries / (cpu / 1e9), jit.getTotalCompilationTime() - jit0, java.time.Instant.now());
            cpus[i - 1] = cpu;
        }
        long[] secondHalf = Arrays.copyOfRange(cpus, batches / 2, batches);
        Arrays.sort(secondHalf);
        double median = secondHalf[secondHalf.length / 2];
        System.out.printf(Locale.ROOT, "second half: median %.0f ns/entry (%.0f entries/s), quartiles %.0f-%.0f ns/entry%n", median / entries,
                entries / (median / 1e9), (double) secondHalf[secondHalf.length / 4] / entries, (double) secondHalf[secondHalf.length * 3 / 4] / entries);
    }

    /** Records in a Firehose event, counted by their {@code "recordId"} keys. */
    private static int recordIds(byte[] event) {
        String text = new String(event, StandardCharsets.ISO_8859_1);
        int n = 0;
        for (int at = text.indexOf("\"recordId\""); at >= 0; at = text.indexOf("\"recordId\"", at + 1)) {
            n++;
        }
        return n;
    }
}
