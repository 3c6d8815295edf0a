package dev.apigwinsights.local.ingest;

import dev.apigwinsights.local.util.CloudWatchPayloads;
import dev.apigwinsights.pipeline.LogEntries;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Firehose record as the simulator sends it, and what the ingest knows about the log entries
 * inside it (to count them and to hash an entry when its row has no request id).
 *
 * <ul>
 *   <li>{@link #direct}: one access-log line, as API Gateway puts it to Firehose;</li>
 *   <li>{@link #cloudWatch}: log events of one log stream in a CloudWatch Logs subscription
 *       envelope (uncompressed, as with Firehose decompression on); the simulator may re-send its
 *       events one by one if the record fails, so that one bad line fails alone;</li>
 *   <li>{@link #opaque}: data taken as Firehose had it (a captured event, an error document's
 *       {@code rawData}); its entries are found only if needed.</li>
 * </ul>
 */
final class SourceRecord {
    /** Past this, a record's own gzip data is not worth inflating to find its entries (a Firehose record is at most 1,000 KiB). */
    private static final long MAX_INFLATED_BYTES = 64L * 1024 * 1024;

    /** A log event for a locally built envelope; the message as UTF-8. */
    record LogEvent(long timestamp, byte[] message) {
    }

    private final byte[] data;
    private final long arrivalMs;
    private final String logGroup;
    private final String logStream;
    private final List<LogEvent> events;
    private final boolean directLine;

    private SourceRecord(byte[] data, long arrivalMs, String logGroup, String logStream, List<LogEvent> events, boolean directLine) {
        this.data = data;
        this.arrivalMs = arrivalMs;
        this.logGroup = logGroup;
        this.logStream = logStream;
        this.events = events;
        this.directLine = directLine;
    }

    static SourceRecord direct(byte[] line, long arrivalMs) {
        return new SourceRecord(line, arrivalMs, null, null, null, true);
    }

    static SourceRecord opaque(byte[] data, long arrivalMs) {
        return new SourceRecord(data, arrivalMs, null, null, null, false);
    }

    /** An envelope of {@code events} (at least one), arriving when its first event was logged. */
    static SourceRecord cloudWatch(String logGroup, String logStream, List<LogEvent> events) {
        return new SourceRecord(envelope(logGroup, logStream, events), events.get(0).timestamp(), logGroup, logStream,
                List.copyOf(events), false);
    }

    byte[] data() {
        return data;
    }

    long arrivalMs() {
        return arrivalMs;
    }

    /** Log entries in this record, or -1 when it is opaque. */
    int knownEntries() {
        return directLine ? 1 : events != null ? events.size() : -1;
    }

    /** The single-event records this one splits into, or null when it is not a local multi-event envelope. */
    List<SourceRecord> split() {
        if (events == null || events.size() < 2) {
            return null;
        }
        List<SourceRecord> out = new ArrayList<>(events.size());
        for (LogEvent e : events) {
            out.add(cloudWatch(logGroup, logStream, List.of(e)));
        }
        return out;
    }

    /**
     * The log entries as the transformer splits them (byte-order mark and surrounding whitespace
     * removed, blank ones skipped), in order; an empty list when they cannot be found.
     */
    List<String> entries() {
        if (directLine) {
            return List.of(LogEntries.stripBom(new String(data, StandardCharsets.UTF_8)).strip());
        }
        List<String> out = new ArrayList<>();
        if (events != null) {
            for (LogEvent e : events) {
                addEntry(out, new String(e.message(), StandardCharsets.UTF_8));
            }
            return out;
        }
        byte[] payload = data;
        if (CloudWatchPayloads.isGzip(data)) {
            Optional<byte[]> inflated = CloudWatchPayloads.gunzip(data, MAX_INFLATED_BYTES);
            if (inflated.isEmpty()) {
                return List.of();
            }
            payload = inflated.get();
        }
        Optional<CloudWatchPayloads.Envelope> envelope = CloudWatchPayloads.parseEnvelope(payload);
        if (envelope.isPresent()) {
            for (CloudWatchPayloads.LogEvent e : envelope.get().logEvents()) {
                if (e.message() != null) {
                    addEntry(out, e.message());
                }
            }
            return out;
        }
        return CloudWatchPayloads.isGzip(data) ? List.of() : LogEntries.split(new String(payload, StandardCharsets.UTF_8));
    }

    private static void addEntry(List<String> out, String message) {
        String entry = LogEntries.stripBom(message).strip();
        if (!entry.isEmpty()) {
            out.add(entry);
        }
    }

    /** The account is never known locally: {@code owner} is null, as the reader takes an absent one. */
    private static final byte[] ENVELOPE_START = "{\"messageType\":\"DATA_MESSAGE\",\"owner\":null".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LOG_GROUP = ",\"logGroup\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LOG_STREAM = ",\"logStream\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENTS_START = ",\"logEvents\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT_START = "{\"timestamp\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MESSAGE = ",\"message\":".getBytes(StandardCharsets.US_ASCII);

    /**
     * The subscription envelope, written by hand into an array of exactly its size: messages are
     * copied as UTF-8 bytes with only what JSON requires escaped, without decoding them. This runs
     * once per log line of an export ({@link JsonStringBytes}).
     *
     * <p>Every header member CloudWatch writes comes before {@code logEvents}, null when unknown (an
     * export names no log group or account): the transformer's byte path reads an envelope only when
     * it has them all first, and otherwise hands the record to its far slower Jackson reader.
     */
    private static byte[] envelope(String logGroup, String logStream, List<LogEvent> events) {
        byte[] group = logGroup == null ? null : logGroup.getBytes(StandardCharsets.UTF_8);
        byte[] stream = logStream == null ? null : logStream.getBytes(StandardCharsets.UTF_8);
        byte[][] times = new byte[events.size()][];
        int size = ENVELOPE_START.length + EVENTS_START.length + 2;
        size += LOG_GROUP.length + (group == null ? NULL.length : JsonStringBytes.length(group));
        size += LOG_STREAM.length + (stream == null ? NULL.length : JsonStringBytes.length(stream));
        for (int i = 0; i < times.length; i++) {
            LogEvent e = events.get(i);
            times[i] = Long.toString(e.timestamp()).getBytes(StandardCharsets.US_ASCII);
            size += (i == 0 ? 0 : 1) + EVENT_START.length + times[i].length + MESSAGE.length + JsonStringBytes.length(e.message()) + 1;
        }
        byte[] out = new byte[size];
        int p = put(out, 0, ENVELOPE_START);
        p = put(out, p, LOG_GROUP);
        p = group == null ? put(out, p, NULL) : JsonStringBytes.write(out, p, group);
        p = put(out, p, LOG_STREAM);
        p = stream == null ? put(out, p, NULL) : JsonStringBytes.write(out, p, stream);
        p = put(out, p, EVENTS_START);
        for (int i = 0; i < times.length; i++) {
            if (i > 0) {
                out[p++] = ',';
            }
            p = put(out, put(out, p, EVENT_START), times[i]);
            p = JsonStringBytes.write(out, put(out, p, MESSAGE), events.get(i).message());
            out[p++] = '}';
        }
        out[p++] = ']';
        out[p++] = '}';
        if (p != size) {
            throw new IllegalStateException("envelope size " + p + " != " + size);
        }
        return out;
    }

    private static int put(byte[] out, int p, byte[] bytes) {
        System.arraycopy(bytes, 0, out, p, bytes.length);
        return p + bytes.length;
    }
}
