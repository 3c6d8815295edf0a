package dev.apigwinsights.local.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchRequest;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponseEntry;
import software.amazon.awssdk.services.firehose.model.Record;
import software.amazon.awssdk.services.firehose.model.ServiceUnavailableException;

/**
 * Sends one batch with {@code PutRecordBatch} and retries, with backoff, only what Firehose did
 * not take: the entries its response marks with an error code, or the whole remainder when the
 * call itself was throttled or failed on the service side (after the SDK's own retries).
 * Callers keep batches within {@link #MAX_RECORDS} and {@link #MAX_BATCH_BYTES}.
 */
final class PutRecordBatchSender {
    /** PutRecordBatch takes at most 500 records... */
    static final int MAX_RECORDS = 500;
    /** ...and at most 4 MiB of record data per call. */
    static final long MAX_BATCH_BYTES = 4L * 1024 * 1024;

    /** What became of a batch: {@code failed} records were still refused after every attempt. */
    record Result(int sent, long sentBytes, int failed, int attempts, Map<String, Integer> errorCodes) {
    }

    private final FirehoseClient firehose;
    private final String deliveryStream;
    private final Backoff backoff;
    private final int maxAttempts;

    PutRecordBatchSender(FirehoseClient firehose, String deliveryStream, Backoff backoff, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("--max-attempts must be at least 1");
        }
        this.firehose = firehose;
        this.deliveryStream = deliveryStream;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
    }

    Result send(List<byte[]> records) {
        if (records.size() > MAX_RECORDS || bytes(records) > MAX_BATCH_BYTES) {
            throw new IllegalArgumentException("batch over the PutRecordBatch limits");
        }
        List<byte[]> pending = records;
        Map<String, Integer> codes = new TreeMap<>();
        int attempt = 0;
        while (!pending.isEmpty() && attempt < maxAttempts) {
            if (attempt > 0) {
                backoff.waitBefore(attempt);
            }
            attempt++;
            pending = attempt(pending, codes);
        }
        return new Result(records.size() - pending.size(), bytes(records) - bytes(pending), pending.size(), attempt, codes);
    }

    private static long bytes(List<byte[]> records) {
        return records.stream().mapToLong(r -> r.length).sum();
    }

    /** One call; returns the records to try again. */
    private List<byte[]> attempt(List<byte[]> records, Map<String, Integer> codes) {
        List<Record> batch = new ArrayList<>(records.size());
        for (byte[] r : records) {
            batch.add(Record.builder().data(SdkBytes.fromByteArray(r)).build());
        }
        PutRecordBatchResponse response;
        try {
            response = firehose.putRecordBatch(PutRecordBatchRequest.builder()
                    .deliveryStreamName(deliveryStream).records(batch).build());
        } catch (AwsServiceException e) {
            if (e instanceof ServiceUnavailableException || e.isThrottlingException() || e.statusCode() >= 500) {
                codes.merge(e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
                        ? e.awsErrorDetails().errorCode() : "HTTP " + e.statusCode(), records.size(), Integer::sum);
                return records;
            }
            throw e;
        }
        if (response.failedPutCount() == null || response.failedPutCount() == 0) {
            return List.of();
        }
        List<byte[]> again = new ArrayList<>();
        List<PutRecordBatchResponseEntry> entries = response.requestResponses();
        for (int i = 0; i < records.size(); i++) {
            // Entries answer the records in order; a missing entry counts as refused.
            PutRecordBatchResponseEntry entry = i < entries.size() ? entries.get(i) : null;
            if (entry == null || entry.errorCode() != null) {
                codes.merge(entry == null ? "no response entry" : entry.errorCode(), 1, Integer::sum);
                again.add(records.get(i));
            }
        }
        return again;
    }
}
