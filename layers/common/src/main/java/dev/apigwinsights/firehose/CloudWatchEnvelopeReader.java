package dev.apigwinsights.firehose;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.apigwinsights.pipeline.AccessLogPipeline.Origin;
import dev.apigwinsights.pipeline.LogEntries;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The general path for CloudWatch Logs subscription payloads (Jackson's streaming parser): the
 * byte path, {@link CloudWatchEnvelopeScanner}, reads the common payload and hands this class any
 * payload it cannot read exactly as this class would, so this class defines what a payload means.
 *
 * <p>Reads CloudWatch Logs subscription payloads,
 * {@code {messageType, owner, logGroup, logStream, subscriptionFilters, logEvents:[{id, timestamp, message}]}},
 * as a stream: each log event's message is handed to the pipeline as it is read, so a record of a
 * million events never exists in memory, and reading stops when the record's output no longer
 * fits ({@link RecordContext}). One payload may hold several envelopes back to back (concatenated
 * gzip members); each is read.
 *
 * <p>Only the envelope's own members and each event's own {@code message} and {@code timestamp}
 * mean anything; any other value is skipped whole, so a nested {@code message} never stands in for
 * an event's. Anything that is not what CloudWatch writes fails the record, which keeps every
 * event recoverable from processing-failed: a non-object log event, an event without a string
 * message, {@code logEvents} that is not an array or appears twice, no {@code messageType}. An
 * event whose timestamp is not a usable time falls back to the arrival time.
 *
 * <p>CloudWatch writes the envelope's other members before {@code logEvents}. If a payload does
 * not, its events are read in a second pass once the envelope's log group and owner are known.
 */
final class CloudWatchEnvelopeReader {
    /** What one record may inflate to; beyond it the record fails (a gzip bomb costs one record). */
    static final long MAX_INFLATED_BYTES = 32L * 1024 * 1024;
    /** Work per byte inflated and tokenized, in batch units (inflating and skipping 32 MiB took about 100 ms). */
    static final long UNITS_PER_PAYLOAD_BYTE = 5;
    static final String CONTROL_MESSAGE = "CONTROL_MESSAGE";
    /** What a failure reason calls an entry of a CloudWatch record. */
    static final String LOG_EVENT = "log event";
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE)
                    .maxNestingDepth(100_000)
                    .build())
            .build();

    /** Opens the payload from its start (a second pass re-reads it). */
    @FunctionalInterface
    interface Source {
        InputStream open() throws IOException;
    }

    /** The members read before {@code logEvents}; an envelope is read in one pass when all are known. */
    private static final class Header {
        String messageType;
        String owner;
        String logGroup;
        String logStream;
        /** One bit per member seen: messageType, owner, logGroup, logStream. */
        int seen;
        boolean sawEvents;
        boolean deferred;

        boolean complete() {
            return seen == 0b1111;
        }

        /** A string member; the first occurrence counts, objects and arrays count as absent. */
        String member(int bit, JsonParser p, JsonToken v, String current) throws IOException {
            String value = null;
            if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                p.skipChildren();
            } else if (v != JsonToken.VALUE_NULL) {
                value = p.getText();
            }
            if ((seen & bit) != 0) {
                return current;
            }
            seen |= bit;
            return value;
        }

        boolean isControl() {
            return CONTROL_MESSAGE.equals(messageType);
        }
    }

    private CloudWatchEnvelopeReader() {
    }

    static RecordOutcome read(Source source, RecordContext ctx) throws RecordFailedException {
        List<Header> deferred = new ArrayList<>();
        List<Integer> deferredAt = new ArrayList<>();
        int envelopes = 0;
        int controls = 0;
        try (JsonParser p = FACTORY.createParser(metered(source, ctx))) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_OBJECT) {
                    throw RecordFailedException.unreadable("CloudWatch payload is not a JSON object");
                }
                Header h = readEnvelope(p, ctx);
                if (h.deferred) {
                    deferred.add(h);
                    deferredAt.add(envelopes);
                }
                controls += h.isControl() ? 1 : 0;
                envelopes++;
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
        for (int i = 0; i < deferred.size(); i++) {
            readDeferredEvents(source, ctx, deferredAt.get(i), deferred.get(i));
        }
        if (ctx.entries() > 0) {
            return RecordOutcome.OK;
        }
        return RecordOutcome.dropped(controls == envelopes ? "CloudWatch control message" : "CloudWatch message without log events");
    }

    private static Header readEnvelope(JsonParser p, RecordContext ctx) throws IOException, RecordFailedException {
        Header h = new Header();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "messageType" -> h.messageType = h.member(1, p, v, h.messageType);
                case "owner" -> h.owner = h.member(2, p, v, h.owner);
                case "logGroup" -> h.logGroup = h.member(4, p, v, h.logGroup);
                case "logStream" -> h.logStream = h.member(8, p, v, h.logStream);
                case "logEvents" -> {
                    if (h.sawEvents) {
                        throw RecordFailedException.unreadable("CloudWatch payload has logEvents twice");
                    }
                    h.sawEvents = true;
                    if (v != JsonToken.START_ARRAY) {
                        throw RecordFailedException.unreadable("logEvents is not an array");
                    }
                    if (h.complete() && !h.isControl()) {
                        readEvents(p, ctx, h);
                    } else {
                        p.skipChildren();
                        h.deferred = !h.complete();
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw RecordFailedException.unreadable("CloudWatch payload is not valid JSON");
        }
        if (h.messageType == null) {
            throw RecordFailedException.unreadable("CloudWatch payload has no messageType");
        }
        if (!h.isControl() && !h.sawEvents) {
            throw RecordFailedException.unreadable("CloudWatch DATA_MESSAGE has no logEvents");
        }
        if (h.isControl()) {
            h.deferred = false;
        }
        return h;
    }

    private static void readDeferredEvents(Source source, RecordContext ctx, int envelope, Header h)
            throws RecordFailedException {
        try (JsonParser p = FACTORY.createParser(metered(source, ctx))) {
            for (int i = 0; i < envelope; i++) {
                p.nextToken();
                p.skipChildren();
            }
            p.nextToken(); // START_OBJECT of the envelope
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if ("logEvents".equals(name)) {
                    readEvents(p, ctx, h);
                    return;
                }
                p.skipChildren();
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static void readEvents(JsonParser p, RecordContext ctx, Header h) throws IOException, RecordFailedException {
        Origin origin = ctx.cloudWatch(h.logGroup, h.logStream, h.owner);
        int n = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            n++;
            if (t != JsonToken.START_OBJECT) {
                throw RecordFailedException.unreadable("log event " + n + " is not an object");
            }
            String message = null;
            boolean sawMessage = false;
            long timestamp = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if ("message".equals(name) && !sawMessage) {
                    sawMessage = true;
                    message = v == JsonToken.VALUE_STRING ? p.getText() : null;
                } else if ("timestamp".equals(name) && v == JsonToken.VALUE_NUMBER_INT && p.getTextLength() <= 18) {
                    timestamp = p.getLongValue();
                }
                p.skipChildren(); // no-op for scalars
            }
            if (message == null) {
                throw RecordFailedException.unreadable("log event " + n + " has no message string");
            }
            // One log event is one access-log entry, even when a value inside it holds a newline.
            String entry = LogEntries.stripBom(message).strip();
            if (!entry.isEmpty()) {
                ctx.entry(entry, ctx.withEventTime(origin, timestamp), LOG_EVENT, n, -1);
            }
        }
    }

    private static RecordFailedException unreadable(IOException e) {
        if (e instanceof WorkBudgetException w) {
            return new RecordFailedException(RecordFailedException.Cause.WORK_BUDGET, w.getMessage());
        }
        if (e instanceof InflationLimitException) {
            return inflatedTooFar();
        }
        if (e instanceof JsonProcessingException) {
            return RecordFailedException.unreadable("CloudWatch payload is not valid JSON");
        }
        return corrupt(e);
    }

    /** The failure of a payload that inflates beyond {@link #MAX_INFLATED_BYTES}. */
    static RecordFailedException inflatedTooFar() {
        return RecordFailedException.unreadable("gzip payload inflates beyond " + MAX_INFLATED_BYTES + " bytes");
    }

    /** The failure of a payload whose gzip data cannot be read: names the problem (truncated, bad CRC, trailing data), never the data. */
    static RecordFailedException corrupt(IOException e) {
        return RecordFailedException.unreadable("corrupt gzip data (" + e.getMessage() + ")");
    }

    private static InputStream metered(Source source, RecordContext ctx) throws IOException {
        return new MeteredInput(source.open(), ctx.work());
    }

    /** Raised when a payload inflates beyond {@link #MAX_INFLATED_BYTES}. */
    private static final class InflationLimitException extends IOException {
        private static final long serialVersionUID = 1L;

        InflationLimitException() {
            super("inflation limit", null);
        }
    }

    /** Raised when the batch's work budget runs out while a payload is read. */
    private static final class WorkBudgetException extends IOException {
        private static final long serialVersionUID = 1L;

        WorkBudgetException(String reason) {
            super(reason, null);
        }
    }

    /**
     * Charges what is read to the batch's work budget (checked at every read, so a payload of
     * nothing but blank events stops too), and stops at {@link #MAX_INFLATED_BYTES}.
     */
    private static final class MeteredInput extends FilterInputStream {
        private final BatchWorkBudget work;
        private long read;

        MeteredInput(InputStream in, BatchWorkBudget work) {
            super(in);
            this.work = work;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                read += n;
                work.charge(n * UNITS_PER_PAYLOAD_BYTE);
                if (read > MAX_INFLATED_BYTES) {
                    throw new InflationLimitException();
                }
                String exhausted = work.exhausted();
                if (exhausted != null) {
                    throw new WorkBudgetException(exhausted);
                }
            }
            return n;
        }
    }
}
