package dev.apigwinsights.local.ingest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.apigwinsights.firehose.CloudWatchEnvelope;
import dev.apigwinsights.firehose.MalformedRecordException;
import dev.apigwinsights.pipeline.LogEntries;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
    private static final JsonFactory JSON = new JsonFactory();

    /** A log event for a locally built envelope. */
    record LogEvent(long timestamp, String message) {
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
                addEntry(out, e.message());
            }
            return out;
        }
        try {
            byte[] payload = CloudWatchEnvelope.isGzip(data) ? CloudWatchEnvelope.gunzip(data) : data;
            if (CloudWatchEnvelope.isGzip(data) || CloudWatchEnvelope.looksLikeEnvelope(payload)) {
                for (CloudWatchEnvelope.LogEvent e : CloudWatchEnvelope.parse(payload).logEvents()) {
                    addEntry(out, e.message());
                }
                return out;
            }
            return LogEntries.split(new String(payload, StandardCharsets.UTF_8));
        } catch (MalformedRecordException e) {
            return List.of();
        }
    }

    private static void addEntry(List<String> out, String message) {
        String entry = LogEntries.stripBom(message).strip();
        if (!entry.isEmpty()) {
            out.add(entry);
        }
    }

    private static byte[] envelope(String logGroup, String logStream, List<LogEvent> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + events.size() * 512);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("messageType", "DATA_MESSAGE");
            if (logGroup != null) {
                g.writeStringField("logGroup", logGroup);
            }
            if (logStream != null) {
                g.writeStringField("logStream", logStream);
            }
            g.writeArrayFieldStart("logEvents");
            for (LogEvent e : events) {
                g.writeStartObject();
                g.writeNumberField("timestamp", e.timestamp());
                g.writeStringField("message", e.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
