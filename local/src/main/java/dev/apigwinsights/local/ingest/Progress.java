package dev.apigwinsights.local.ingest;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** How far an ingest has read its inputs, in bytes of the files as stored (compressed). */
public interface Progress extends AutoCloseable {
    /** Bytes read so far. */
    void at(long bytes);

    @Override
    void close();

    /** Shows nothing: for pipes, files and tests. */
    static Progress none() {
        return new Progress() {
            @Override
            public void at(long bytes) {
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * A progress bar on {@code terminal} (standard error). {@code totalBytes} below zero (standard
     * input) gives a bar without an end.
     */
    static Progress bar(PrintStream terminal, long totalBytes) {
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName("ingest")
                .setInitialMax(totalBytes)
                .setUnit(" MiB", 1024 * 1024)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(terminal))
                .build();
        return new Progress() {
            @Override
            public void at(long bytes) {
                bar.stepTo(bytes);
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }
}
