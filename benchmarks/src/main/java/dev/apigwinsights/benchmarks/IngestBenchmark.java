package dev.apigwinsights.benchmarks;

import dev.apigwinsights.local.LocalWiring;
import dev.apigwinsights.local.ingest.Ingest;
import dev.apigwinsights.local.ingest.IngestInput;
import dev.apigwinsights.local.ingest.IngestSummary;
import dev.apigwinsights.local.ingest.Progress;
import dev.apigwinsights.local.store.LocalStore;
import dev.apigwinsights.util.Base64Codec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * End-to-end ingest throughput, as a user runs it: generates {@code --records} access-log lines
 * (the AWS reference sample's 46-key REST format, ~1.3 KB each, spread over {@code --days}, 30 by default) as a gzip
 * file of raw lines or as a CloudWatch Logs export, ingests it into a fresh store in this JVM, and
 * reports time, overall and steady-state rate (the middle 60% of the input), peak RSS, store size,
 * and the time of a grouped count over the stored rows. Run it with the heap capped:
 *
 * <pre>{@code
 * java -Xmx512m -cp benchmarks/target/benchmarks.jar dev.apigwinsights.benchmarks.IngestBenchmark \
 *     --records 1000000 --kind raw --dir /tmp/ingest-bench
 * }</pre>
 */
public final class IngestBenchmark {
    private static final long DAY_MS = 86_400_000L;

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long records = 1_000_000;
        String kind = "raw";
        int days = 30;
        Path dir = Path.of("/tmp/ingest-bench");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--records" -> records = Long.parseLong(args[++i]);
                case "--kind" -> kind = args[++i];
                case "--dir" -> dir = Path.of(args[++i]);
                case "--days" -> days = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("usage: IngestBenchmark [--records N] [--kind raw|cloudwatch] [--days N] [--dir DIR]");
            }
        }
        String inputName = kind + "-" + records + (days == 30 ? "" : "-" + days + "d");
        Path input = dir.resolve(inputName + (kind.equals("raw") ? ".log.gz" : "/export-task/stream-1/000000.gz"));
        if (!Files.exists(input)) {
            long t0 = System.nanoTime();
            generate(input, records, days * DAY_MS, kind.equals("cloudwatch"));
            System.out.printf(Locale.ROOT, "generated %,d %s records (%,d bytes gzip) in %.1f s%n", records, kind, Files.size(input),
                    (System.nanoTime() - t0) / 1e9);
        }
        Path store = dir.resolve("store-" + kind);
        deleteTree(store);

        long size = Files.size(input);
        List<long[]> samples = new ArrayList<>();
        Progress progress = new Progress() {
            @Override
            public void at(long bytes) {
                samples.add(new long[] {System.nanoTime(), bytes});
            }

            @Override
            public void close() {
            }
        };
        Clock clock = Clock.systemUTC();
        Ingest ingest = new Ingest(LocalWiring.create(Map.of(), clock).transformer(), clock, java.io.InputStream.nullInputStream());
        ThreadCpu threads = ThreadCpu.start();
        double load0 = loadAverage();
        long cpu0 = processCpuMs();
        long t0 = System.nanoTime();
        IngestSummary s = ingest.run(store, List.of(IngestInput.file(input, size)), Ingest.Options.defaults(), progress);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (processCpuMs() - cpu0) / 1000.0;
        Map<String, Double> perThread = threads.stop();

        double steady = steadyRate(samples, size, s.logEntries());
        System.out.printf(Locale.ROOT, "ingest %s: %,d entries, %,d rows written, %.1f s, %,.0f entries/s overall, %,.0f entries/s steady"
                        + " (middle 60%% of the input), peak RSS %,d MiB, store %,d MiB%n",
                kind, s.logEntries(), s.rowsWritten(), seconds, s.logEntries() / seconds, steady, peakRssKiB() / 1024,
                treeSize(store.resolve("logs")) >> 20);
        // On a shared machine wall time says little; CPU time says what two dedicated cores would do.
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "process CPU %.1f s (%.0f%% of %d cores while ingesting): %.1f us per entry, %,.0f entries/s"
                        + " if %d cores were this run's alone%n", cpuSeconds, 100 * cpuSeconds / seconds / cores, cores,
                cpuSeconds * 1e6 / s.logEntries(), s.logEntries() / cpuSeconds * cores, cores);
        System.out.printf(Locale.ROOT, "load average %.1f before, %.1f after; CPU per entry by thread (us):", load0, loadAverage());
        perThread.forEach((name, cpu) -> System.out.printf(Locale.ROOT, " %s %.2f", name, cpu * 1e6 / s.logEntries()));
        System.out.println();
        System.out.printf(Locale.ROOT, "JVM %s, base64 by %s%n", System.getProperty("java.version"),
                Base64Codec.wordCodecChosen() ? "the word codec (this JIT has no base64 intrinsic)" : "the JDK's codec");

        try (LocalStore local = LocalStore.open(store); Statement st = local.connection().createStatement()) {
            String q = "SELECT resource_path, status, count(*) AS n FROM access_logs GROUP BY ALL ORDER BY n DESC";
            for (int i = 1; i <= 4; i++) {
                long q0 = System.nanoTime();
                int n = 0;
                try (ResultSet rs = st.executeQuery(q)) {
                    while (rs.next()) {
                        n++;
                    }
                }
                System.out.printf(Locale.ROOT, "grouped count over %,d rows (run %d%s): %d groups in %.3f s%n", s.rowsWritten(), i,
                        i == 1 ? ", first after open" : "", n, (System.nanoTime() - q0) / 1e9);
            }
        }
    }

    /** Entries per second while the reader went from 20% to 80% of the input bytes. */
    private static double steadyRate(List<long[]> samples, long size, long entries) {
        long[] from = null;
        long[] to = null;
        for (long[] s : samples) {
            if (from == null && s[1] >= size * 0.2) {
                from = s;
            }
            if (to == null && s[1] >= size * 0.8) {
                to = s;
            }
        }
        if (from == null || to == null || to[0] == from[0]) {
            return Double.NaN;
        }
        double fraction = (to[1] - from[1]) / (double) size;
        return entries * fraction / ((to[0] - from[0]) / 1e9);
    }

    private static void generate(Path file, long records, long spanMs, boolean cloudwatch) throws IOException {
        Files.createDirectories(file.getParent());
        SplittableRandom r = new SplittableRandom(2024);
        long start = Instant.parse("2024-02-01T00:00:00Z").toEpochMilli();
        try (Writer w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16),
                StandardCharsets.UTF_8), 1 << 16)) {
            for (long i = 0; i < records; i++) {
                long at = start + i * spanMs / records;
                String line = RealisticBatch.line(r, (int) (i % 3600)).replaceFirst("\"requestTimeEpoch\":\"\\d+\"",
                        "\"requestTimeEpoch\":\"" + at + "\"");
                if (cloudwatch) {
                    w.write(Instant.ofEpochMilli(at + 40).toString());
                    w.write(' ');
                }
                w.write(line);
                w.write('\n');
            }
        }
    }

    /** The 1-minute load average (Linux), to judge how shared the machine was. */
    static double loadAverage() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    /** User + system CPU time of this process so far, from /proc (Linux). */
    static long processCpuMs() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return ticks * 10; // USER_HZ is 100 on Linux
    }

    private static long peakRssKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static long treeSize(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
    }
}
