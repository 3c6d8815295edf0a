package dev.apigwinsights.firehose;

import dev.apigwinsights.pipeline.AccessLogPipeline;
import dev.apigwinsights.schema.RequestTimeWindow;
import dev.apigwinsights.schema.RequestTimes;
import dev.apigwinsights.util.ByteArrayBuilder;
import dev.apigwinsights.util.LogSafe;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Firehose data-transformation contract, over streams: reads
 * {@code {invocationId, deliveryStreamArn, region, records:[{recordId, approximateArrivalTimestamp, data}]}}
 * and writes {@code {"records":[{recordId, result, data, metadata:{partitionKeys}}]}}.
 *
 * <p>Guarantees: every record with an id gets exactly one result, in input order, with its id
 * exactly as sent, whatever its content; a record that cannot be decoded or parsed is
 * {@code ProcessingFailed} alone (its data echoed as sent, so Firehose's processing-failed output
 * holds it for replay); CloudWatch control messages and empty records are {@code Dropped}. The
 * response never exceeds {@link Limits#responseBytes()} ({@link ResponseBudget}), memory per batch
 * is bounded by it, and no batch costs more than {@link Limits#workUnits()} or
 * {@link Limits#time()} ({@link BatchWorkBudget}): what does not fit fails alone, with a reason
 * saying so. A CloudWatch record whose entries partly fail is failed whole: Firehose results are
 * per record, and failing it keeps every entry recoverable rather than silently dropping some.
 *
 * <p>This class only runs the loop: reading the event ({@link FirehoseEventReader}), giving each
 * record to the first {@link RecordFraming} that accepts it, and writing the answer
 * ({@link ResponseWriter}); the counts live in {@link BatchSummary}.
 */
public final class FirehoseBatchTransformer {
    private static final Logger LOG = LoggerFactory.getLogger(FirehoseBatchTransformer.class);
    /** Lambda's synchronous response limit is 6 MB; stay safely under it. */
    public static final long DEFAULT_RESPONSE_BUDGET = ResponseBudget.DEFAULT_LIMIT;
    private static final int LOGGED_FAILURES_PER_BATCH = 10;
    /** Work per byte of record data decoded from base64, in batch units. */
    private static final long UNITS_PER_DATA_BYTE = 1;

    /**
     * What one batch may cost.
     *
     * @param responseBytes the response size limit
     * @param workUnits     the batch's work budget, in units of about a nanosecond of one core
     *                      (JDK 17 C2 on the reference machine; see docs/performance.md)
     * @param time          the wall-clock backstop for work nobody counts
     */
    public record Limits(long responseBytes, long workUnits, Duration time) {
        /**
         * 6,000,000 bytes; 2,000,000,000 units (about 2 s here, a realistic 3 MB batch costs under
         * 1% of it); 10 s.
         */
        public static final Limits DEFAULT = new Limits(DEFAULT_RESPONSE_BUDGET, 2_000_000_000L, Duration.ofSeconds(10));

        public Limits withResponseBytes(long bytes) {
            return new Limits(bytes, workUnits, time);
        }

        public Limits withWorkUnits(long units) {
            return new Limits(responseBytes, units, time);
        }

        public Limits withTime(Duration limit) {
            return new Limits(responseBytes, workUnits, limit);
        }
    }

    /** First match wins: gzip and plain CloudWatch envelopes are recognised by their first bytes. */
    private static final List<RecordFraming> FRAMINGS =
            List.of(new GzipCloudWatchFraming(), new CloudWatchFraming(), new DirectPutFraming());

    private final AccessLogPipeline pipeline;
    private final Limits limits;
    private final Clock clock;
    private final RequestTimeWindow window;
    /** Each thread's buffers, reused from batch to batch (a Lambda runs one thread; local mode may run several). */
    private final ThreadLocal<BatchBuffers> buffers = ThreadLocal.withInitial(BatchBuffers::new);

    /** With {@link Limits#DEFAULT} and the system clock (tests, benchmarks). */
    public FirehoseBatchTransformer(AccessLogPipeline pipeline) {
        this(pipeline, Limits.DEFAULT, Clock.systemUTC());
    }

    public FirehoseBatchTransformer(AccessLogPipeline pipeline, Limits limits, Clock clock) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = new RequestTimeWindow(clock);
    }

    /**
     * @throws IOException when the input is not a Firehose transformation event at all (the
     *         invocation fails and Firehose retries it), or the output cannot be written
     */
    public BatchSummary transform(InputStream in, OutputStream out) throws IOException {
        BatchBuffers scratch = buffers.get();
        try {
            return transform(in, out, scratch);
        } finally {
            scratch.release();
        }
    }

    private BatchSummary transform(InputStream in, OutputStream out, BatchBuffers scratch) throws IOException {
        scratch.readEvent(in);
        FirehoseEvent event = FirehoseEventReader.read(scratch.event(), scratch.eventLength());
        ResponseBudget budget = ResponseBudget.plan(event.records(), limits.responseBytes());
        BatchWorkBudget work = new BatchWorkBudget(limits.workUnits(), limits.time().toMillis(), clock);
        RecordContext ctx = new RecordContext(pipeline, work, window, event.origin(), scratch);
        BatchSummary.Tally tally = new BatchSummary.Tally(event.unanswerable());
        ResponseWriter writer = new ResponseWriter(out, scratch);
        for (InputRecord r : event.records()) {
            budget.open(r);
            answer(r, ctx, budget, writer, tally);
        }
        writer.finish();
        if (tally.processingFailed() > LOGGED_FAILURES_PER_BATCH) {
            LOG.warn("{} more records ProcessingFailed in this batch (first {} logged)",
                    tally.processingFailed() - LOGGED_FAILURES_PER_BATCH, LOGGED_FAILURES_PER_BATCH);
        }
        if (event.unanswerable() > 0) {
            LOG.warn("{} elements of records[] are not records with a recordId and cannot be answered",
                    event.unanswerable());
        }
        return tally.summary(writer.bytesWritten(), work.spent());
    }

    private void answer(InputRecord r, RecordContext ctx, ResponseBudget budget, ResponseWriter writer,
                        BatchSummary.Tally tally) throws IOException {
        ctx.start(r.arrivalMs(), budget.maxOkData(r));
        RecordOutcome outcome;
        try {
            outcome = read(r, ctx);
        } catch (RecordFailedException e) {
            fail(r, e.kind(), e.getMessage(), ctx.entries(), budget, writer, tally);
            return;
        }
        if (outcome.result() == FirehoseResult.Dropped) {
            writer.dropped(r);
            budget.answeredDropped(r);
            tally.dropped(r.id(), outcome.reason(), ctx.entries());
            return;
        }
        int length = ctx.data().length();
        writer.ok(r, ctx.data().array(), length, RequestTimes.civil(ctx.partitionTimeMs()));
        budget.answeredOk(r, length);
        tally.ok(ctx.entries());
    }

    private static RecordOutcome read(InputRecord r, RecordContext ctx) throws RecordFailedException {
        if (!r.idIsScalar()) {
            throw RecordFailedException.unreadable("recordId is not a string or a number");
        }
        switch (r.dataKind()) {
            case ABSENT -> throw RecordFailedException.unreadable("record has no data field");
            case NOT_A_STRING -> throw RecordFailedException.unreadable("data is not a string");
            default -> { }
        }
        String exhausted = ctx.work().exhausted();
        if (exhausted != null) {
            throw new RecordFailedException(RecordFailedException.Cause.WORK_BUDGET, exhausted);
        }
        ByteArrayBuilder decoded = ctx.buffers().decoded();
        if (!r.decodeInto(ctx.buffers().base64(), decoded)) {
            throw RecordFailedException.unreadable("data is not valid base64");
        }
        byte[] data = decoded.array();
        int length = decoded.length();
        ctx.work().charge(UNITS_PER_DATA_BYTE * length);
        try {
            for (RecordFraming framing : FRAMINGS) {
                if (framing.accepts(data, length)) {
                    return framing.read(data, length, ctx);
                }
            }
            throw new IllegalStateException("no framing accepts the record");
        } catch (RuntimeException | StackOverflowError e) {
            // A bug must cost one record, never the batch; the class name says where to look.
            throw RecordFailedException.unreadable("internal error " + e.getClass().getName());
        }
    }

    private static void fail(InputRecord r, RecordFailedException.Cause cause, String reason, int entries,
                             ResponseBudget budget, ResponseWriter writer, BatchSummary.Tally tally) throws IOException {
        boolean echo = budget.canEcho(r);
        writer.failed(r, echo);
        budget.answeredFailed(r, echo);
        String id = r.id();
        if (tally.processingFailed() < LOGGED_FAILURES_PER_BATCH) {
            LOG.warn("record {} ProcessingFailed: {}", LogSafe.id(id), reason);
        }
        tally.failed(id, cause, reason, entries);
    }
}
