package dev.apigwinsights.pipeline;

import dev.apigwinsights.enrich.Enricher;
import dev.apigwinsights.parse.AccessLogParseException;
import dev.apigwinsights.parse.AccessLogParser;
import dev.apigwinsights.parse.RawAccessLog;
import dev.apigwinsights.schema.ByteArrayBuilder;
import dev.apigwinsights.schema.CanonicalField;
import dev.apigwinsights.schema.CanonicalJsonWriter;
import dev.apigwinsights.schema.CanonicalMapper;
import dev.apigwinsights.schema.CanonicalRecord;
import java.util.function.Consumer;

/**
 * One access-log entry in, one canonical JSON line out: parse, type, derive, enrich, write.
 * Shared by the Lambda transformer and the local runtime. Thread-safe: per-thread scratch state
 * lives in a {@link ThreadLocal}.
 */
public final class AccessLogPipeline {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AccessLogPipeline.class);
    private final AccessLogParser parser;
    private final Consumer<CanonicalRecord> derivations;
    private final Enricher enricher;
    private final CanonicalMapper mapper = new CanonicalMapper();
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    public AccessLogPipeline(AccessLogParser parser, Consumer<CanonicalRecord> derivations, Enricher enricher) {
        this.parser = parser;
        this.derivations = derivations;
        this.enricher = enricher;
    }

    /**
     * Where an entry came from: fills the source columns, and the fallbacks for facts a log format
     * may not include. API Gateway can only log to a stream or log group in its own region, so the
     * Firehose event's region is the API's; the stream's (or log group owner's) account is the
     * API's account.
     *
     * @param fallbackTimeMs CloudWatch event time or Firehose arrival time; 0 when unknown
     * @param region         the Firehose event's region, or null
     * @param accountId      the account of the stream (direct put) or of the log group (CloudWatch), or null
     */
    public record Origin(String sourceKind, String logGroup, String logStream, long fallbackTimeMs,
                         String region, String accountId) {

        public Origin withFallbackTime(long timeMs) {
            return new Origin(sourceKind, logGroup, logStream, timeMs, region, accountId);
        }
    }

    private CanonicalRecord toRecord(String entry, Origin origin, Scratch s) throws AccessLogParseException {
        s.raw.clear();
        parser.parse(entry, s.raw);
        return complete(s.raw, origin);
    }

    private CanonicalRecord toRecord(byte[] utf8, int offset, int length, Origin origin, Scratch s)
            throws AccessLogParseException {
        s.raw.clear();
        parser.parse(utf8, offset, length, s.raw);
        return complete(s.raw, origin);
    }

    private CanonicalRecord complete(RawAccessLog raw, Origin origin) throws AccessLogParseException {
        if (raw.isEmpty()) {
            throw new AccessLogParseException("no fields found");
        }
        if (!raw.hasVariables()) {
            // e.g. an application log subscribed by mistake, or custom key names: failing says so,
            // where a row of nothing but extra would hide it from every dashboard
            throw new AccessLogParseException("no access-log field recognised; if this is an access log, "
                    + "set LOG_FORMAT to the stage's format");
        }
        CanonicalRecord record = new CanonicalRecord();
        mapper.map(raw, record);
        if (!record.has(CanonicalField.REQUEST_TIME_EPOCH_MS) && origin.fallbackTimeMs() > 0) {
            // No usable request time in the line: the CloudWatch event time (or Firehose arrival
            // time) is the closest fact we have, and a record must have a partition.
            CanonicalMapper.setTime(record, origin.fallbackTimeMs());
            record.putExtra("request_time_source", origin.logGroup() != null ? "log_event_time" : "firehose_arrival_time");
        }
        record.set(CanonicalField.SOURCE_KIND, origin.sourceKind());
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
            record.set(CanonicalField.ENRICHMENT_STATUS, "UNAVAILABLE");
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
        Scratch s = scratch.get();
        CanonicalRecord record = toRecord(entry, origin, s);
        s.writer.write(record, out);
        return record;
    }

    /** Parses one entry given as UTF-8 bytes and appends its canonical JSON line to {@code out}. */
    public CanonicalRecord transform(byte[] utf8, int offset, int length, Origin origin, ByteArrayBuilder out)
            throws AccessLogParseException {
        Scratch s = scratch.get();
        CanonicalRecord record = toRecord(utf8, offset, length, origin, s);
        s.writer.write(record, out);
        return record;
    }

    private final java.util.concurrent.atomic.AtomicBoolean derivationFailureLogged = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicBoolean enrichmentFailureLogged = new java.util.concurrent.atomic.AtomicBoolean();

    /** One warning per pipeline, not one per record; the class and frame say where, never the data. */
    private static void warnOnce(java.util.concurrent.atomic.AtomicBoolean logged, String step, RuntimeException e) {
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
