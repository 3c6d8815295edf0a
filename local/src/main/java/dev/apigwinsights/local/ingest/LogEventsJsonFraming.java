package dev.apigwinsights.local.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;

/**
 * The JSON output of {@code aws logs filter-log-events} and {@code aws logs get-log-events}:
 * {@code {"events":[{"logStreamName","timestamp","message",...}], ...}}, possibly several such
 * documents one after the other (pages saved to one file). Read as a stream: memory holds one
 * event at a time whatever the file's size. Events are packed into subscription envelopes per
 * log stream, as a subscription filter would deliver them.
 */
final class LogEventsJsonFraming implements Framing {
    @Override
    public void read(InputStream in, InputContext context, RecordSink sink) throws IOException {
        CloudWatchGrouper grouper = new CloudWatchGrouper(sink, null);
        try {
            JsonDocuments.forEachElement(in, "events", "document", p -> readEvent(p, grouper, context));
        } finally {
            grouper.flush();
        }
    }

    private static void readEvent(JsonParser p, CloudWatchGrouper grouper, InputContext context) throws IOException {
        String stream = null;
        String message = null;
        long timestamp = context.runStartMs();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "logStreamName" -> stream = v == JsonToken.VALUE_STRING ? p.getText() : null;
                case "message" -> message = v == JsonToken.VALUE_STRING ? p.getText() : null;
                case "timestamp" -> timestamp = v.isNumeric() ? p.getLongValue() : timestamp;
                default -> p.skipChildren();
            }
        }
        grouper.addEvent(stream, timestamp, message == null ? "" : message);
    }
}
