package dev.apigwinsights.firehose;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts for one Firehose invocation: what the handler logs and publishes as metrics. The only
 * place the transformer's counters live ({@link Tally}).
 *
 * @param recordsIn      records answered (every record of the request that has an id)
 * @param logEvents      log entries read (one per direct record line, many per CloudWatch record)
 * @param entriesOk      canonical lines written
 * @param overBudget     records failed because the response would have exceeded the size limit
 * @param responseBytes  size of the response document
 * @param failures       the first {@link #MAX_FAILURES_KEPT} records that were not Ok, with reasons
 * @param overWorkBudget records failed because the batch's work or time budget ran out
 * @param unanswerable   elements of the request's {@code records} that could not be answered:
 *                       not an object, or no {@code recordId} (Firehose never sends such)
 * @param workUnits      the work the batch cost, in the units of its work budget
 */
public record BatchSummary(int recordsIn, int ok, int dropped, int processingFailed, int logEvents,
                           int entriesOk, int overBudget, long responseBytes, List<RecordFailure> failures,
                           int overWorkBudget, int unanswerable, long workUnits) {

    /** Why one record was not Ok (failed or dropped); the reason never quotes the payload. */
    public record RecordFailure(String recordId, FirehoseResult result, String reason) {
    }

    /** At most this many failures are kept per batch, so a bad batch cannot grow memory. */
    public static final int MAX_FAILURES_KEPT = 1000;

    public BatchSummary {
        failures = List.copyOf(failures);
    }

    /** Counts one batch as it is answered. */
    static final class Tally {
        private final int unanswerable;
        private int recordsIn;
        private int ok;
        private int dropped;
        private int processingFailed;
        private int logEvents;
        private int entriesOk;
        private int overBudget;
        private int overWorkBudget;
        private final List<RecordFailure> failures = new ArrayList<>();

        Tally(int unanswerable) {
            this.unanswerable = unanswerable;
        }

        void ok(int entries) {
            recordsIn++;
            ok++;
            logEvents += entries;
            entriesOk += entries;
        }

        void dropped(String id, String reason, int entries) {
            recordsIn++;
            dropped++;
            logEvents += entries;
            keep(id, FirehoseResult.Dropped, reason);
        }

        void failed(String id, RecordFailedException.Cause cause, String reason, int entries) {
            recordsIn++;
            processingFailed++;
            logEvents += entries;
            overBudget += cause == RecordFailedException.Cause.RESPONSE_BUDGET ? 1 : 0;
            overWorkBudget += cause == RecordFailedException.Cause.WORK_BUDGET ? 1 : 0;
            keep(id, FirehoseResult.ProcessingFailed, reason);
        }

        int processingFailed() {
            return processingFailed;
        }

        private void keep(String id, FirehoseResult result, String reason) {
            if (failures.size() < MAX_FAILURES_KEPT) {
                failures.add(new RecordFailure(id, result, reason));
            }
        }

        BatchSummary summary(long responseBytes, long workUnits) {
            return new BatchSummary(recordsIn, ok, dropped, processingFailed, logEvents, entriesOk, overBudget,
                    responseBytes, failures, overWorkBudget, unanswerable, workUnits);
        }
    }
}
