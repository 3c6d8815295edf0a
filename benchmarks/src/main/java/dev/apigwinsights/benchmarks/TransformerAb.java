package dev.apigwinsights.benchmarks;

import dev.apigwinsights.firehose.FirehoseBatchTransformer;
import dev.apigwinsights.wiring.TransformerWiring;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A/B of two transformer configurations on {@code TransformerBenchmark}'s 3 MB batch, for a machine
 * that other work shares. JMH measures its parameters one after the other, so a load change between
 * them reads as a difference; here both run in one JVM, alternating batch by batch (A B B A ...), and
 * each batch is timed in this thread's CPU time as well as wall time. The paired per-round ratios
 * B/A and their spread are the result.
 *
 * <p>Arguments: the environment of A and of B as {@code NAME=value[,NAME=value]}, or {@code -} for
 * none ({@code GEOIP_DATABASE=} with an empty value means the bundled snapshot, as in Lambda), then
 * optionally the number of rounds (default 400) and of warm-up rounds (default 200).
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.apigwinsights.benchmarks.TransformerAb GEOIP_DATABASE=none GEOIP_DATABASE=</pre>
 */
public final class TransformerAb {
    private TransformerAb() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: TransformerAb <env of A> <env of B> [rounds] [warm-up rounds]");
        }
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 400;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        byte[] event = RealisticBatch.event(3_000_000);
        int records = RealisticBatch.records(event);
        FirehoseBatchTransformer a = transformer(env(args[0]));
        FirehoseBatchTransformer b = transformer(env(args[1]));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 << 20);
        for (int i = 0; i < warmUp; i++) {
            run(a, event, out);
            run(b, event, out);
        }
        long[][] cpu = new long[2][rounds];
        long[][] wall = new long[2][rounds];
        for (int i = 0; i < rounds; i++) {
            for (int k = 0; k < 2; k++) {
                int which = (i % 2 == 0) == (k == 0) ? 0 : 1; // A B, then B A: neither always goes first
                long c0 = threads.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                run(which == 0 ? a : b, event, out);
                wall[which][i] = System.nanoTime() - w0;
                cpu[which][i] = threads.getCurrentThreadCpuTime() - c0;
            }
        }
        System.out.printf(Locale.ROOT, "%d records per batch, %d rounds after %d warm-up rounds; A: %s, B: %s%n",
                records, rounds, warmUp, args[0], args[1]);
        report("cpu ", cpu, records);
        report("wall", wall, records);
    }

    private static void run(FirehoseBatchTransformer t, byte[] event, ByteArrayOutputStream out) throws IOException {
        out.reset();
        t.transform(new ByteArrayInputStream(event), out);
    }

    private static void report(String what, long[][] times, int records) {
        int n = times[0].length;
        double[] ratios = new double[n];
        for (int i = 0; i < n; i++) {
            ratios[i] = (double) times[1][i] / times[0][i];
        }
        Arrays.sort(ratios);
        long[] a = times[0].clone();
        long[] b = times[1].clone();
        Arrays.sort(a);
        Arrays.sort(b);
        System.out.printf(Locale.ROOT, "%s: A median %.2f ms (%.0f ns/record), B median %.2f ms (%.0f ns/record); "
                        + "B/A per round: median %+.1f%%, p25 %+.1f%%, p75 %+.1f%%; ratio of medians %+.1f%%%n",
                what, a[n / 2] / 1e6, (double) a[n / 2] / records, b[n / 2] / 1e6, (double) b[n / 2] / records,
                (ratios[n / 2] - 1) * 100, (ratios[n / 4] - 1) * 100, (ratios[3 * n / 4] - 1) * 100,
                ((double) b[n / 2] / a[n / 2] - 1) * 100);
    }

    /** {@code NAME=value,NAME=value}; {@code -} for an empty environment. */
    /** The transformer the Lambda would build from {@code env} (the one wiring path), metrics discarded. */
    private static FirehoseBatchTransformer transformer(Map<String, String> env) {
        return TransformerWiring.fromEnvironment(env, Clock.systemUTC(),
                new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8)).transformer();
    }

    private static Map<String, String> env(String spec) {
        Map<String, String> env = new HashMap<>();
        if (!spec.equals("-")) {
            for (String pair : spec.split(",")) {
                int eq = pair.indexOf('=');
                env.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return env;
    }
}
