package dev.apigwinsights.firehose;

import dev.apigwinsights.parse.AccessLogParseException;
import dev.apigwinsights.pipeline.AccessLogPipeline;
import dev.apigwinsights.pipeline.AccessLogPipeline.Origin;
import dev.apigwinsights.schema.CanonicalField;
import dev.apigwinsights.schema.CanonicalRecord;
import dev.apigwinsights.schema.RequestTimeWindow;
import dev.apigwinsights.schema.SourceKind;
import dev.apigwinsights.util.ByteArrayBuilder;

/**
 * What a {@link RecordFraming} reads a record into: each entry goes through the pipeline into one
 * output buffer (reused for every record of the batch), and after each one the two budgets are
 * checked, so a record stops being read the moment its output can no longer fit the response or
 * the batch's work runs out. Memory per batch is therefore bounded by the response budget, not
 * by what a record claims to hold.
 */
final class RecordContext {
    /** Work of one entry beyond its bytes (derivations, enrichment, writing), in batch units. */
    static final long ENTRY_UNITS = 1_500;
    /** Work per byte of an entry read by the pipeline, in batch units. */
    static final long UNITS_PER_ENTRY_BYTE = 4;
    /** The reason of a record whose output does not fit the response (replay tools match on it). */
    static final String OVER_RESPONSE_BUDGET = "response size budget exceeded: re-send it with apigw-insights replay (it splits large records)";
    private static final String NO_TIME = "no usable request time (none in the entry, and the fallback time is"
            + " outside the range the table's partitions cover)";

    private final AccessLogPipeline pipeline;
    private final BatchWorkBudget work;
    private final RequestTimeWindow window;
    private final FirehoseEvent.Origin batch;
    private final BatchBuffers buffers;
    private final ByteArrayBuilder data;
    private long arrivalMs;
    private long maxData;
    private int entries;
    private long minTime;

    RecordContext(AccessLogPipeline pipeline, BatchWorkBudget work, RequestTimeWindow window, FirehoseEvent.Origin batch,
                  BatchBuffers buffers) {
        this.pipeline = pipeline;
        this.work = work;
        this.window = window;
        this.batch = batch;
        this.buffers = buffers;
        this.data = buffers.output();
    }

    /** Starts a record that arrived at {@code arrivalMs} and whose {@code Ok} output may be at most {@code maxData} bytes. */
    void start(long arrivalMs, long maxData) {
        this.arrivalMs = arrivalMs;
        this.maxData = maxData;
        restart();
    }

    /** Forgets what was read of the current record, to read it again another way (the work spent stays spent). */
    void restart() {
        this.entries = 0;
        this.minTime = Long.MAX_VALUE;
        data.clear();
    }

    BatchWorkBudget work() {
        return work;
    }

    /** The batch's reusable buffers (decoding and reading a record). */
    BatchBuffers buffers() {
        return buffers;
    }

    /** Where direct-put entries come from: the stream's region and account, the arrival time as fallback. */
    Origin direct() {
        return new Origin(SourceKind.DIRECT, null, null, arrivalMs, AccessLogPipeline.FIREHOSE_ARRIVAL_TIME,
                batch.region(), batch.accountId());
    }

    /**
     * Where a CloudWatch log group's entries come from; the owner's account when it is one, else
     * the stream's. The fallback time is set per event ({@link #withEventTime}).
     */
    Origin cloudWatch(String logGroup, String logStream, String owner) {
        String account = FirehoseEvent.Origin.isAccountId(owner) ? owner : batch.accountId();
        return new Origin(SourceKind.CLOUDWATCH, logGroup, logStream, arrivalMs, AccessLogPipeline.FIREHOSE_ARRIVAL_TIME,
                batch.region(), account);
    }

    /** The event's time as fallback when it is a usable time, else the arrival time. */
    Origin withEventTime(Origin origin, long eventTimeMs) {
        return window.contains(eventTimeMs) ? origin.withFallbackTime(eventTimeMs, AccessLogPipeline.LOG_EVENT_TIME)
                : origin.withFallbackTime(arrivalMs, AccessLogPipeline.FIREHOSE_ARRIVAL_TIME);
    }

    /**
     * Names an entry in a failure reason: {@code entry 2 of 3: }, {@code log event 7: } (a {@code total}
     * of -1: not known), or nothing for a lone entry.
     */
    static String position(String kind, int index, int total) {
        return total == 1 ? "" : kind + " " + index + (total > 1 ? " of " + total : "") + ": ";
    }

    /** Transforms one entry given as UTF-8 bytes, the {@code index}-th {@code kind} of {@code total} ({@link #position}). */
    void entry(byte[] b, int offset, int length, Origin origin, String kind, int index, int total) throws RecordFailedException {
        beforeEntry();
        try {
            written(pipeline.transform(b, offset, length, origin, data, work), kind, index, total);
        } catch (AccessLogParseException e) {
            throw RecordFailedException.unreadable(position(kind, index, total) + e.getMessage());
        } finally {
            work.charge(ENTRY_UNITS + UNITS_PER_ENTRY_BYTE * length);
        }
    }

    /** Transforms one entry given as text (a CloudWatch log event's message the byte path left to Jackson). */
    void entry(String entry, Origin origin, String kind, int index, int total) throws RecordFailedException {
        beforeEntry();
        try {
            written(pipeline.transform(entry, origin, data, work), kind, index, total);
        } catch (AccessLogParseException e) {
            throw RecordFailedException.unreadable(position(kind, index, total) + e.getMessage());
        } finally {
            work.charge(ENTRY_UNITS + UNITS_PER_ENTRY_BYTE * entry.length());
        }
    }

    private void beforeEntry() throws RecordFailedException {
        String exhausted = work.exhausted();
        if (exhausted != null) {
            throw new RecordFailedException(RecordFailedException.Cause.WORK_BUDGET, exhausted);
        }
        entries++;
    }

    private void written(CanonicalRecord record, String kind, int index, int total) throws RecordFailedException {
        Long t = record.getLong(CanonicalField.REQUEST_TIME_EPOCH_MS);
        if (t == null) {
            throw RecordFailedException.unreadable(position(kind, index, total) + NO_TIME);
        }
        minTime = Math.min(minTime, t);
        if (data.length() > maxData) {
            throw new RecordFailedException(RecordFailedException.Cause.RESPONSE_BUDGET, OVER_RESPONSE_BUDGET);
        }
    }

    /** Entries read so far in this record (including one that failed). */
    int entries() {
        return entries;
    }

    ByteArrayBuilder data() {
        return data;
    }

    /** The partition time of an {@code Ok} record: its earliest request time. */
    long partitionTimeMs() {
        return minTime;
    }
}
