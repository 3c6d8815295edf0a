package dev.apigwinsights.firehose;

/**
 * Counts for one Firehose invocation: what the handler logs and publishes as metrics.
 *
 * @param logEvents     log entries seen (one per direct record line, many per CloudWatch record)
 * @param entriesOk     canonical lines written
 * @param overBudget    records failed because the response would have exceeded the size limit
 * @param responseBytes size of the response document
 */
public record BatchSummary(int recordsIn, int ok, int dropped, int processingFailed, int logEvents,
                           int entriesOk, int overBudget, long responseBytes) {
}
