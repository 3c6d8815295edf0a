package dev.apigwinsights.local.ingest;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one batch produced, in input order: stored-form rows with their days, error documents with
 * theirs, and the counts the summary adds up. Filled by one worker, then read by the writer.
 */
final class BatchOutcome {
    final Bytes rows;
    private int[] rowEnds = new int[256];
    private String[] rowDays = new String[256];
    private int rowCount;

    final Bytes failures = new Bytes(1024);
    private int[] failureEnds = new int[8];
    private String[] failureDays = new String[8];
    private int failureCount;

    int records;
    int ok;
    int dropped;
    int failed;
    long entriesFailed;
    long entriesDropped;
    long canonicalRows;
    long blankLines;
    final Map<String, Integer> reasons = new TreeMap<>();

    BatchOutcome() {
        this(64 * 1024);
    }

    /** An outcome whose rows are expected to take about {@code rowBytes}: no copying while they are added. */
    BatchOutcome(int rowBytes) {
        rows = new Bytes(rowBytes);
    }

    /** Call after appending a row's bytes to {@link #rows}. */
    void endRow(String day) {
        if (rowCount == rowEnds.length) {
            rowEnds = Arrays.copyOf(rowEnds, rowCount * 2);
            rowDays = Arrays.copyOf(rowDays, rowCount * 2);
        }
        rowEnds[rowCount] = rows.length();
        rowDays[rowCount++] = day;
    }

    /** Call after appending an error document line to {@link #failures}. */
    void endFailure(String day) {
        if (failureCount == failureEnds.length) {
            failureEnds = Arrays.copyOf(failureEnds, failureCount * 2);
            failureDays = Arrays.copyOf(failureDays, failureCount * 2);
        }
        failureEnds[failureCount] = failures.length();
        failureDays[failureCount++] = day;
    }

    int rowCount() {
        return rowCount;
    }

    int rowStart(int i) {
        return i == 0 ? 0 : rowEnds[i - 1];
    }

    int rowEnd(int i) {
        return rowEnds[i];
    }

    String rowDay(int i) {
        return rowDays[i];
    }

    int failureCount() {
        return failureCount;
    }

    int failureStart(int i) {
        return i == 0 ? 0 : failureEnds[i - 1];
    }

    int failureEnd(int i) {
        return failureEnds[i];
    }

    String failureDay(int i) {
        return failureDays[i];
    }

    /** Rows produced by the transformer (as opposed to stored rows passed through). */
    long rowsTransformed() {
        return rowCount - canonicalRows;
    }

    /** Adds another outcome's rows, failures and counts after this one's. */
    void append(BatchOutcome o) {
        for (int i = 0; i < o.rowCount; i++) {
            rows.append(o.rows.array(), o.rowStart(i), o.rowEnd(i) - o.rowStart(i));
            endRow(o.rowDay(i));
        }
        for (int i = 0; i < o.failureCount; i++) {
            failures.append(o.failures.array(), o.failureStart(i), o.failureEnd(i) - o.failureStart(i));
            endFailure(o.failureDay(i));
        }
        records += o.records;
        ok += o.ok;
        dropped += o.dropped;
        failed += o.failed;
        entriesFailed += o.entriesFailed;
        entriesDropped += o.entriesDropped;
        canonicalRows += o.canonicalRows;
        blankLines += o.blankLines;
        o.reasons.forEach((k, v) -> reasons.merge(k, v, Integer::sum));
    }
}
