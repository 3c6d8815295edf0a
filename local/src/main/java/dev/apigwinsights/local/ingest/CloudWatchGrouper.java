package dev.apigwinsights.local.ingest;

import dev.apigwinsights.util.Utf8;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Packs consecutive log events of one log stream into subscription envelopes, as CloudWatch Logs
 * does, up to {@link #MAX_EVENTS} events or {@link #MAX_BYTES} of messages each. Many events per
 * record is what makes the transformer fast on CloudWatch data; a failing envelope is re-sent
 * event by event by the simulator, so one bad line still fails alone.
 */
final class CloudWatchGrouper {
    static final int MAX_EVENTS = 64;
    static final int MAX_BYTES = 256 * 1024;

    private final RecordSink sink;
    private final String logGroup;
    private String logStream;
    private final List<SourceRecord.LogEvent> pending = new ArrayList<>();
    private int pendingBytes;

    CloudWatchGrouper(RecordSink sink, String logGroup) {
        this.sink = sink;
        this.logGroup = logGroup;
    }

    void add(String logStream, long timestamp, byte[] message) throws IOException {
        if (!pending.isEmpty() && (!Objects.equals(logStream, this.logStream) || pending.size() >= MAX_EVENTS
                || pendingBytes + message.length > MAX_BYTES)) {
            flush();
        }
        this.logStream = logStream;
        pending.add(new SourceRecord.LogEvent(timestamp, wellFormed(message)));
        pendingBytes += message.length;
    }

    /**
     * A log event read on its own, as {@code aws logs} output and its reshapings give it: a blank
     * message holds no entry and counts as a blank line. (An export's events go through {@link #add}
     * as they are: that path runs once per exported event.)
     */
    void addEvent(String logStream, long timestamp, String message) throws IOException {
        if (message.isBlank()) {
            sink.blankLine();
        } else {
            add(logStream, timestamp, message.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** {@link #addEvent(String, long, String)} for a message still in bytes. */
    void addEvent(String logStream, long timestamp, byte[] message) throws IOException {
        if (LineReader.isBlank(message)) {
            sink.blankLine();
        } else {
            add(logStream, timestamp, message);
        }
    }

    void flush() throws IOException {
        if (!pending.isEmpty()) {
            sink.record(SourceRecord.cloudWatch(logGroup, logStream, pending));
            pending.clear();
            pendingBytes = 0;
        }
    }

    /**
     * The message as well-formed UTF-8, malformed sequences replaced by U+FFFD. CloudWatch Logs only
     * holds UTF-8, but an export can be damaged or not an export at all; unchecked, one bad byte
     * would make the whole envelope invalid JSON, where the same line put directly is read with
     * replacement characters.
     */
    static byte[] wellFormed(byte[] message) {
        return Utf8.isValid(message, 0, message.length) ? message : new String(message, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    }
}
