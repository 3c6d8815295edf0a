package dev.apigwinsights.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU seconds per thread kind of this process while a run lasts, from {@code /proc/self/task}
 * (Linux): Java threads and native ones (DuckDB's) alike, sampled every 200 ms so that threads
 * which end before the run does still count. Threads are grouped by name without a trailing
 * number ({@code ingest-transform-1} and {@code -2} add up), as the kernel keeps it (15 characters).
 */
final class ThreadCpu {
    private static final Path TASKS = Path.of("/proc/self/task");

    /** Last CPU ticks seen per thread id, and its name. */
    private final Map<String, long[]> ticks = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, long[]> baseline = new HashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    private ThreadCpu() {
        sample(baseline);
        sampler = new Thread(() -> {
            while (running) {
                sample(ticks);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "thread-cpu");
        sampler.setDaemon(true);
        sampler.start();
    }

    static ThreadCpu start() {
        return new ThreadCpu();
    }

    /** Stops sampling and returns CPU seconds per thread kind since {@link #start()}. */
    Map<String, Double> stop() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join();
        sample(ticks);
        Map<String, Double> out = new TreeMap<>();
        ticks.forEach((tid, t) -> {
            long[] before = baseline.get(tid);
            long spent = t[0] - (before == null ? 0 : before[0]);
            if (spent > 0) {
                out.merge(names.get(tid).replaceAll("[-_ ]?\\d+$", ""), spent / 100.0, Double::sum); // USER_HZ 100
            }
        });
        return out;
    }

    private synchronized void sample(Map<String, long[]> into) {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String[] f = stat.substring(close + 2).split(" ");
                    String tid = task.getFileName().toString();
                    into.put(tid, new long[] {Long.parseLong(f[11]) + Long.parseLong(f[12])});
                    names.put(tid, stat.substring(open + 1, close));
                } catch (IOException | RuntimeException e) {
                    // the thread ended between listing and reading
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
