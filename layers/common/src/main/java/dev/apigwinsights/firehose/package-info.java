/**
 * The Firehose data-transformation contract. {@link dev.apigwinsights.firehose.FirehoseBatchTransformer}
 * runs the loop: {@code FirehoseEventReader} reads the event, each record goes to the first
 * {@code RecordFraming} that accepts it (direct put, CloudWatch envelope plain or gzip), entries
 * go through the {@code pipeline} into a {@code RecordContext}, {@code ResponseBudget} and
 * {@code BatchWorkBudget} bound what a batch may write and cost, and {@code ResponseWriter} writes
 * the answer; the counts are a {@link dev.apigwinsights.firehose.BatchSummary}.
 * {@link dev.apigwinsights.firehose.ErrorDocument} reads and writes Firehose's S3 error output.
 */
package dev.apigwinsights.firehose;
