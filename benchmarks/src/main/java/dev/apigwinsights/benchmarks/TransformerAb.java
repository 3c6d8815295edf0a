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
        PairedTimes cpu = new PairedTimes(rounds);
        PairedTimes wall = new PairedTimes(rounds);
        for (int i = 0; i < rounds; i++) {
            for (int k = 0; k < 2; k++) {
                int which = PairedTimes.side(i, k);
                long c0 = threads.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                run(which == 0 ? a : b, event, out);
                wall.set(which, i, System.nanoTime() - w0);
                cpu.set(which, i, threads.getCurrentThreadCpuTime() - c0);
            }
        }
        System.out.printf(Locale.ROOT, "%d records per batch, %d rounds after %d warm-up rounds; A: %s, B: %s%n",
                records, rounds, warmUp, args[0], args[1]);
        System.out.println(cpu.report("cpu ", records, true));
        System.out.println(wall.report("wall", records, true));
    }

    private static void run(FirehoseBatchTransformer t, byte[] event, ByteArrayOutputStream out) throws IOException {
        out.reset();
        t.transform(new ByteArrayInputStream(event), out);
    }

    /** The transformer the Lambda would build from {@code env} (the one wiring path), metrics discarded. */
    private static FirehoseBatchTransformer transformer(Map<String, String> env) {
        return TransformerWiring.fromEnvironment(env, Clock.systemUTC(),
                new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8)).transformer();
    }

    /** {@code NAME=value,NAME=value}; {@code -} for an empty environment. */
    static Map<String, String> env(String spec) {
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
