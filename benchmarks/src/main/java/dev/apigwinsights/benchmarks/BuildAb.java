package dev.apigwinsights.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * A/B of two builds of the transformer in one JVM: each shaded {@code benchmarks.jar} (say one built
 * from {@code main} and one from a branch) is loaded in its own class loader, and both transform the
 * same batch alternately (A B, B A, ...). So both run under the same JVM flags (C1 only, C2, JDK 17 or
 * 25) and the same load, and the per-round ratios B/A of thread CPU time and of bytes allocated are
 * the result, with their quartiles. Allocation per batch is exact (the thread's allocation counter),
 * so it needs no quiet machine.
 *
 * <p>Arguments: jar A, jar B, then optionally the rounds (default 200), warm-up rounds (default 100),
 * the batch ({@link BatchShape}: {@code rest}, {@code cloudwatch}, {@code cloudwatch-gzip}) and the
 * environment as for {@link TransformerAb} ({@code -}: none, i.e. the bundled GeoIP snapshot and no
 * usage plans, as the stack deploys it minus the AWS calls). A jar written {@code jar@shape} reads that
 * batch instead: {@code x.jar@rest x.jar@cloudwatch} gives the cost of a CloudWatch log event relative
 * to a direct-put record of the same line (every shape holds the same lines), each build compiled for
 * its own shape, as two Lambda functions would be.
 * <pre>
 * java -XX:TieredStopAtLevel=1 -cp benchmarks/target/benchmarks.jar dev.apigwinsights.benchmarks.BuildAb \
 *     /tmp/main/benchmarks.jar benchmarks/target/benchmarks.jar
 * </pre>
 */
public final class BuildAb {
    private BuildAb() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: BuildAb <jar A> <jar B> [rounds] [warm-up rounds] [rest|cloudwatch|cloudwatch-gzip] [env]");
        }
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        BatchShape shape = BatchShape.named(args.length > 4 ? args[4] : "rest");
        Map<String, String> env = TransformerAb.env(args.length > 5 ? args[5] : "-");
        int entries = shape.entries();
        Build[] builds = {new Build(args[0], shape, env), new Build(args[1], shape, env)};
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 << 20);
        for (int i = 0; i < warmUp; i++) {
            builds[0].run(out);
            builds[1].run(out);
        }
        PairedTimes cpu = new PairedTimes(rounds);
        PairedTimes allocated = new PairedTimes(rounds);
        for (int i = 0; i < rounds; i++) {
            for (int k = 0; k < 2; k++) {
                int which = PairedTimes.side(i, k);
                long a0 = threads.getCurrentThreadAllocatedBytes();
                long c0 = threads.getCurrentThreadCpuTime();
                builds[which].run(out);
                cpu.set(which, i, threads.getCurrentThreadCpuTime() - c0);
                allocated.set(which, i, threads.getCurrentThreadAllocatedBytes() - a0);
            }
        }
        System.out.printf(Locale.ROOT, "%d entries per batch, %d rounds after %d warm-up rounds; JVM %s %s%nA: %s%nB: %s%n",
                entries, rounds, warmUp, System.getProperty("java.version"), ManagementFactory.getRuntimeMXBean().getInputArguments(),
                builds[0], builds[1]);
        System.out.println(cpu.report("cpu  ", entries, true));
        System.out.println(allocated.report("alloc", entries, false));
    }

    /** One build's transformer, made through its own {@code TransformerWiring} as the Lambda makes it, and its batch. */
    private static final class Build {
        private final String name;
        private final byte[] event;
        private final Object transformer;
        private final MethodHandle transform;

        /** {@code spec}: a jar, or {@code jar@shape} for a batch other than {@code shape}. */
        Build(String spec, BatchShape shape, Map<String, String> env) throws Throwable {
            int at = spec.lastIndexOf('@');
            Path jar = Path.of(at < 0 ? spec : spec.substring(0, at));
            BatchShape own = at < 0 ? shape : BatchShape.named(spec.substring(at + 1));
            this.event = own.event();
            this.name = jar + " on " + own + " (" + event.length + " bytes of event)";
            ClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> wiring = Class.forName("dev.apigwinsights.wiring.TransformerWiring", true, loader);
            Object w = wiring.getMethod("fromEnvironment", Map.class, Clock.class, PrintStream.class)
                    .invoke(null, env, Clock.systemUTC(), new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
            this.transformer = wiring.getMethod("transformer").invoke(w);
            Class<?> type = transformer.getClass();
            this.transform = MethodHandles.publicLookup().findVirtual(type, "transform",
                    MethodType.methodType(Class.forName("dev.apigwinsights.firehose.BatchSummary", false, loader),
                            InputStream.class, OutputStream.class));
        }

        void run(ByteArrayOutputStream out) throws Throwable {
            out.reset();
            transform.invoke(transformer, (InputStream) new ByteArrayInputStream(event), (OutputStream) out);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
