package dev.apigwinsights.pipeline;

import dev.apigwinsights.enrich.Enricher;
import dev.apigwinsights.enrich.EnrichmentStatus;
import dev.apigwinsights.parse.AccessLogParseException;
import dev.apigwinsights.parse.AccessLogParser;
import dev.apigwinsights.parse.RawAccessLog;
import dev.apigwinsights.schema.CanonicalField;
import dev.apigwinsights.schema.CanonicalJsonWriter;
import dev.apigwinsights.schema.CanonicalRecord;
import dev.apigwinsights.schema.RequestTimeWindow;
import dev.apigwinsights.schema.SourceKind;
import dev.apigwinsights.util.ByteArrayBuilder;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One access-log entry in, one canonical JSON line out: parse, type, derive, enrich, write.
 * Shared by the Lambda transformer and the local runtime. Thread-safe: per-thread scratch state
 * lives in a {@link ThreadLocal}.
 */
public final class AccessLogPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(AccessLogPipeline.class);
    /** Extra key naming the time a row fell back to when its own request time was unusable. */
    public static final String REQUEST_TIME_SOURCE = "request_time_source";
    /** {@value #REQUEST_TIME_SOURCE} value: the CloudWatch Logs event time. */
    public static final String LOG_EVENT_TIME = "log_event_time";
    /** {@value #REQUEST_TIME_SOURCE} value: the Firehose approximate arrival time. */
    public static final String FIREHOSE_ARRIVAL_TIME = "firehose_arrival_time";

    private final AccessLogParser parser;
    private final Consumer<CanonicalRecord> derivations;
    private final Enricher enricher;
    private final RequestTimeWindow window;
    private final CanonicalMapper mapper;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
    private final AtomicBoolean derivationFailureLogged = new AtomicBoolean();
    private final AtomicBoolean enrichmentFailureLogged = new AtomicBoolean();

    /**
     * @param clock bounds the request times a row may carry ({@link RequestTimeWindow})
     */
    public AccessLogPipeline(AccessLogParser parser, Consumer<CanonicalRecord> derivations, Enricher enricher,
                             Clock clock) {
        this.parser = parser;
        this.derivations = derivations;
        this.enricher = enricher;
        this.window = new RequestTimeWindow(clock);
        this.mapper = new CanonicalMapper(window);
    }

    /**
     * Where an entry came from: fills the source columns, and the fallbacks for facts a log format
     * may not include. API Gateway can only log to a stream or log group in its own region, so the
     * Firehose event's region is the API's; the stream's (or log group owner's) account is the
     * API's account.
     *
     * @param fallbackTimeMs     CloudWatch event time or Firehose arrival time; 0 when unknown. Used
     *                           only inside the {@link RequestTimeWindow}.
     * @param fallbackTimeSource what {@code fallbackTimeMs} is ({@link #LOG_EVENT_TIME} or
     *                           {@link #FIREHOSE_ARRIVAL_TIME}), written to {@value #REQUEST_TIME_SOURCE}
     * @param region             the Firehose event's region, or null
     * @param accountId          the account of the stream (direct put) or of the log group (CloudWatch), or null
     */
    public record Origin(SourceKind sourceKind, String logGroup, String logStream, long fallbackTimeMs,
                         String fallbackTimeSource, String region, String accountId) {

        public Origin withFallbackTime(long timeMs, String source) {
            return new Origin(sourceKind, logGroup, logStream, timeMs, source, region, accountId);
        }
    }

    private CanonicalRecord complete(RawAccessLog raw, Origin origin) throws AccessLogParseException {
        if (raw.isEmpty()) {
            throw new AccessLogParseException("no fields found");
        }
        if (!raw.hasRequestFacts()) {
            // e.g. an application log subscribed by mistake, or custom key names: failing says so,
            // where a row of nothing but extra (or of one message) would hide it from every
            // dashboard, or be counted as a request
            throw new AccessLogParseException("no access-log field recognised (nothing but a message or a time); if this is"
                    + " an access log, set LOG_FORMAT to the stage's format");
        }
        CanonicalRecord record = new CanonicalRecord();
        mapper.map(raw, record);
        if (!record.has(CanonicalField.REQUEST_TIME_EPOCH_MS) && window.contains(origin.fallbackTimeMs())) {
            // No usable request time in the line: the CloudWatch event time (or Firehose arrival
            // time) is the closest fact we have, and a record must have a partition.
            CanonicalMapper.setTime(record, origin.fallbackTimeMs());
            record.putExtra(REQUEST_TIME_SOURCE, origin.fallbackTimeSource());
        }
        record.set(CanonicalField.SOURCE_KIND, origin.sourceKind().name());
        record.set(CanonicalField.LOG_GROUP, origin.logGroup());
        record.set(CanonicalField.LOG_STREAM, origin.logStream());
        if (!record.has(CanonicalField.ACCOUNT_ID) && origin.accountId() != null) {
            record.set(CanonicalField.ACCOUNT_ID, origin.accountId());
        }
        try {
            derivations.accept(record);
        } catch (RuntimeException e) {
            // Derived columns are conveniences: a bug there must not cost the row.
            warnOnce(derivationFailureLogged, "derivation", e);
        }
        if (!record.has(CanonicalField.REGION) && origin.region() != null) {
            record.set(CanonicalField.REGION, origin.region()); // the log's own clues win (derivations)
        }
        try {
            enricher.enrich(record);
        } catch (RuntimeException e) {
            // Records are never failed because enrichment failed.
            record.set(CanonicalField.ENRICHMENT_STATUS, EnrichmentStatus.UNAVAILABLE.name());
            warnOnce(enrichmentFailureLogged, "enrichment", e);
        }
        return record;
    }

    /**
     * Parses one entry and appends its canonical JSON line to {@code out}.
     *
     * @throws AccessLogParseException when the entry cannot be parsed; nothing is written
     */
    public CanonicalRecord transform(String entry, Origin origin, ByteArrayBuilder out) throws AccessLogParseException {
        return transform(entry, origin, out, WorkMeter.NONE);
    }

    /** As {@link #transform(String, Origin, ByteArrayBuilder)}, reporting the parse work to {@code meter}. */
    public CanonicalRecord transform(String entry, Origin origin, ByteArrayBuilder out, WorkMeter meter)
            throws AccessLogParseException {
        Scratch s = scratch.get();
        s.raw.reset();
        try {
            parser.parse(entry, s.raw);
        } finally {
            meter.charge(s.raw.work());
        }
        CanonicalRecord record = complete(s.raw, origin);
        s.writer.write(record, out);
        return record;
    }

    /** Parses one entry given as UTF-8 bytes and appends its canonical JSON line to {@code out}. */
    public CanonicalRecord transform(byte[] utf8, int offset, int length, Origin origin, ByteArrayBuilder out)
            throws AccessLogParseException {
        return transform(utf8, offset, length, origin, out, WorkMeter.NONE);
    }

    /** As {@link #transform(byte[], int, int, Origin, ByteArrayBuilder)}, reporting the parse work to {@code meter}. */
    public CanonicalRecord transform(byte[] utf8, int offset, int length, Origin origin, ByteArrayBuilder out,
                                     WorkMeter meter) throws AccessLogParseException {
        Scratch s = scratch.get();
        s.raw.reset();
        try {
            parser.parse(utf8, offset, length, s.raw);
        } finally {
            meter.charge(s.raw.work());
        }
        CanonicalRecord record = complete(s.raw, origin);
        s.writer.write(record, out);
        return record;
    }

    /** One warning per pipeline, not one per record; the class and frame say where, never the data. */
    private static void warnOnce(AtomicBoolean logged, String step, RuntimeException e) {
        if (logged.compareAndSet(false, true)) {
            StackTraceElement[] frames = e.getStackTrace();
            LOG.warn("{} failed ({} at {}); rows are kept without it (logged once)", step, e.getClass().getName(),
                    frames.length > 0 ? frames[0] : "?");
        }
    }

    private static final class Scratch {
        final RawAccessLog raw = new RawAccessLog();
        final CanonicalJsonWriter writer = new CanonicalJsonWriter();
    }
}
