package dev.apigwinsights.local.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwinsights.local.util.LongStringJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * JSON arrays at the top level, one or several one after the other, and the output of
 * {@code aws logs get-query-results} (whose {@code results} is such an array), read one element at
 * a time:
 * <ul>
 *   <li>CloudWatch Logs Insights results, one object per log event with {@code @message} (the
 *       access-log line), {@code @timestamp} and {@code @logStream}, or the API's form of it, an
 *       array of {@code {"field", "value"}} pairs: packed into subscription envelopes per log
 *       stream, as for {@code aws logs} output;</li>
 *   <li>CloudWatch Logs events ({@code aws logs filter-log-events --query events}): their messages
 *       packed into subscription envelopes per log stream ({@link LogEventObject});</li>
 *   <li>any other object: an access-log entry in JSON (say, JSON lines gathered by {@code jq -s});</li>
 *   <li>a string: an access-log line in any format.</li>
 * </ul>
 * Anything else (a number, a nested array) is sent as its JSON text for the transformer to judge,
 * so it ends as a failure document with a reason rather than vanishing. An object is re-written
 * compactly from its parsed form: the same members in the same order, without the array's
 * indentation.
 */
final class JsonArrayFraming implements Framing {
    /** Reads elements as trees from parsers of {@link LongStringJson#FACTORY}, and writes them back compactly. */
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * CloudWatch Logs events or Logs Insights rows as JSON objects one after the other (one per line,
     * pretty-printed or back to back: {@code jq '.events[]'}, {@code jq -c '.[]'} of saved results),
     * read as elements; an object of another shape among them is an access-log entry.
     */
    static final Framing LOG_EVENT_OBJECTS = (in, context, sink) -> {
        CloudWatchGrouper grouper = new CloudWatchGrouper(sink, null);
        int objects = 0;
        try (JsonParser p = LongStringJson.FACTORY.createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                objects++;
                if (t == JsonToken.START_ARRAY) {
                    elements(p, grouper, context, sink, objects); // streamed: an array is never read whole
                } else {
                    element(p, t, grouper, context, sink);
                }
            }
        } catch (JsonProcessingException e) {
            throw JsonDocuments.malformed(e, "event " + (objects + 1));
        } finally {
            grouper.flush();
        }
    };

    @Override
    public void read(InputStream in, InputContext context, RecordSink sink) throws IOException {
        CloudWatchGrouper grouper = new CloudWatchGrouper(sink, null);
        int arrays = 0;
        try (JsonParser p = LongStringJson.FACTORY.createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_OBJECT) {
                    arrays += queryResults(p, grouper, context, sink, arrays);
                } else if (t == JsonToken.START_ARRAY) {
                    elements(p, grouper, context, sink, ++arrays);
                } else {
                    throw new IOException("document " + (arrays + 1) + " is not a JSON array");
                }
            }
        } catch (JsonProcessingException e) {
            throw JsonDocuments.malformed(e, "array " + arrays);
        } finally {
            grouper.flush();
        }
    }

    /** The elements of the array the parser has just opened, to its closing bracket. */
    private static void elements(JsonParser p, CloudWatchGrouper grouper, InputContext context, RecordSink sink, int array)
            throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new IOException("array " + array + " ends before its closing bracket");
            }
            element(p, t, grouper, context, sink);
        }
    }

    /** A {@code get-query-results} document: its {@code results} array's elements; other members are skipped. */
    private static int queryResults(JsonParser p, CloudWatchGrouper grouper, InputContext context, RecordSink sink, int arrays)
            throws IOException {
        int read = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (p.nextToken() == JsonToken.START_ARRAY && "results".equals(name)) {
                elements(p, grouper, context, sink, arrays + ++read);
            } else {
                p.skipChildren();
            }
        }
        if (read == 0) {
            throw new IOException("document " + (arrays + 1) + " is neither a JSON array nor query results");
        }
        return read;
    }

    private static void element(JsonParser p, JsonToken t, CloudWatchGrouper grouper, InputContext context, RecordSink sink)
            throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            line(p.getText(), context, sink);
            return;
        }
        JsonNode node = fieldValuePairs(JSON.readTree(p));
        if (LogEventObject.is(node)) {
            LogEventObject.add(node, grouper);
            return;
        }
        JsonNode message = node.isObject() ? node.get("@message") : null;
        if (message == null || !message.isTextual()) {
            sink.record(SourceRecord.direct(JSON.writeValueAsBytes(node), context.runStartMs()));
        } else if (message.asText().isBlank()) {
            sink.blankLine();
        } else {
            JsonNode stream = node.get("@logStream");
            JsonNode time = node.get("@timestamp");
            long ms = time == null ? context.runStartMs() : InsightsTime.epochMs(time.asText(), context.runStartMs());
            grouper.add(stream != null && stream.isTextual() ? stream.asText() : null, ms, message.asText().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * The API's form of a result row, {@code [{"field":"@message","value":"..."}, ...]}, as an object
     * of those fields; any other value as it is.
     */
    private static JsonNode fieldValuePairs(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            return node;
        }
        ObjectNode fields = JSON.createObjectNode();
        for (JsonNode pair : node) {
            JsonNode field = pair.get("field");
            if (pair.size() > 2 || field == null || !field.isTextual() || !pair.has("value")) {
                return node;
            }
            fields.set(field.asText(), pair.get("value"));
        }
        return fields;
    }

    private static void line(String text, InputContext context, RecordSink sink) throws IOException {
        if (text.isBlank()) {
            sink.blankLine();
        } else {
            sink.record(SourceRecord.direct(text.getBytes(StandardCharsets.UTF_8), context.runStartMs()));
        }
    }
}
