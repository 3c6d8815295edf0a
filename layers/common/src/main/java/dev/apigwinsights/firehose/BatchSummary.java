package dev.apigwinsights.firehose;

import java.util.List;

/**
 * Counts for one Firehose invocation: what the handler logs and publishes as metrics.
 *
 * @param logEvents     log entries seen (one per direct record line, many per CloudWatch record)
 * @param entriesOk     canonical lines written
 * @param overBudget    records failed because the response would have exceeded the size limit
 * @param responseBytes size of the response document
 * @param failures      the first {@link #MAX_FAILURES_KEPT} records that were not Ok, with reasons
 */
public record BatchSummary(int recordsIn, int ok, int dropped, int processingFailed, int logEvents,
                           int entriesOk, int overBudget, long responseBytes, List<RecordFailure> failures) {

    /** Why one record was not Ok (failed or dropped); the reason never quotes the payload. */
    public record RecordFailure(String recordId, FirehoseResult result, String reason) {
    }

    /** At most this many failures are kept per batch, so a bad batch cannot grow memory. */
    public static final int MAX_FAILURES_KEPT = 1000;
}
