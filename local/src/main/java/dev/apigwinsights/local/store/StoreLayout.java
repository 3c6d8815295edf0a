package dev.apigwinsights.local.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where things live in a local data directory. It mirrors the stack's bucket: canonical rows under
 * {@code logs/year=YYYY/month=MM/day=DD/} (Parquet here, where the stack's Firehose writes Parquet
 * or JSON), and Firehose error documents under {@code errors/processing-failed/year=/month=/day=/}.
 * Dot-directories hold what is not data: the staging area of a running ingest and its lock.
 */
public record StoreLayout(Path root) {
    /** Canonical rows, one Parquet file per ingest run and day. */
    public static final String LOGS = "logs";
    /** Firehose's error output prefix for records the processor failed. */
    public static final String PROCESSING_FAILED = "errors/processing-failed";
    /** Suffix of committed row files; anything else under {@code logs/} is ignored by readers. */
    public static final String ROW_FILE_SUFFIX = ".parquet";

    public StoreLayout {
        Objects.requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
    }

    public Path logs() {
        return root.resolve(LOGS);
    }

    public Path processingFailed() {
        return root.resolve(PROCESSING_FAILED);
    }

    /** Work files of running ingests; never read by queries, removed by the next ingest after a crash. */
    public Path staging() {
        return root.resolve(".staging");
    }

    /** Held by the one ingest that may write at a time. */
    public Path lockFile() {
        return root.resolve(".ingest.lock");
    }

    /** The folder of one day's rows, {@code day} as {@code yyyy-MM-dd}. */
    public Path logsDay(String day) {
        return logs().resolve(partitionPath(day));
    }

    /** The folder of one day's error documents, {@code day} as {@code yyyy-MM-dd}. */
    public Path processingFailedDay(String day) {
        return processingFailed().resolve(partitionPath(day));
    }

    /** {@code year=YYYY/month=MM/day=DD} for a {@code yyyy-MM-dd} day, as in the Firehose prefix. */
    static String partitionPath(String day) {
        if (day.length() != 10 || day.charAt(4) != '-' || day.charAt(7) != '-') {
            throw new IllegalArgumentException("not a yyyy-MM-dd day: " + day);
        }
        return "year=" + day.substring(0, 4) + "/month=" + day.substring(5, 7) + "/day=" + day.substring(8, 10);
    }

    /** Glob of every committed row file, for DuckDB's parquet reader. */
    String rowFilesGlob() {
        return logs() + "/*/*/*/*" + ROW_FILE_SUFFIX;
    }

    /** Glob of every error document file. */
    String processingFailedGlob() {
        return processingFailed() + "/*/*/*/*";
    }
}
