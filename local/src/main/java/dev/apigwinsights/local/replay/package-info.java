/**
 * {@code apigw-insights replay}: re-sends the records Firehose set aside under
 * {@code errors/processing-failed/} to a delivery stream. Reads Firehose's error documents from S3
 * or local files, turns each record's raw data back into records Firehose accepts (CloudWatch Logs
 * envelopes uncompressed and split to the record limit, direct-put records as they were), and
 * sends them with {@code PutRecordBatch}, retrying only the entries Firehose refused. CLI only:
 * nothing here runs in the Lambda.
 */
package dev.apigwinsights.local.replay;
