package dev.apigwinsights.local.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
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
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(LineReader.MAX_LINE).build()).build();

    @Override
    public void read(InputStream in, InputContext context, RecordSink sink) throws IOException {
        CloudWatchGrouper grouper = new CloudWatchGrouper(sink, null);
        int documents = 0;
        try (JsonParser p = JSON.createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_OBJECT) {
                    throw new IOException("document " + (documents + 1) + " is not a JSON object");
                }
                documents++;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    if ("events".equals(name) && v == JsonToken.START_ARRAY) {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            readEvent(p, grouper, context, sink);
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            }
        } catch (JsonProcessingException e) {
            // Jackson's own message would quote the input.
            throw new IOException("malformed JSON at line " + e.getLocation().getLineNr() + " (document " + documents + ")");
        } finally {
            grouper.flush();
        }
    }

    private static void readEvent(JsonParser p, CloudWatchGrouper grouper, InputContext context, RecordSink sink) throws IOException {
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
        if (message == null || message.isBlank()) {
            sink.blankLine();
        } else {
            grouper.add(stream, timestamp, message.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
