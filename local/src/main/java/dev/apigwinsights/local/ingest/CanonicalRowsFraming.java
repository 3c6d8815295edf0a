package dev.apigwinsights.local.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.apigwinsights.local.store.StoreSchema;
import dev.apigwinsights.schema.CanonicalField;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Objects the stack's Firehose delivered to S3 in JSON mode: canonical rows, one per line, already
 * transformed and enriched, so they are stored as they are. A line that is not a well-typed
 * canonical row (edited by hand, cut short) is not trusted as one: it goes through the transformer
 * like any log line, which reads canonical column names too, and fails there with a reason if it
 * is not a log entry at all.
 */
final class CanonicalRowsFraming implements Framing {
    /** Duplicate names are refused: which of them a reader takes is not something the store should depend on. */
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

    @Override
    public void read(InputStream in, InputContext context, RecordSink sink) throws IOException {
        LineReader.forEach(in, sink, (line, lines) -> {
            Row row = check(line);
            if (row == null) {
                sink.record(SourceRecord.direct(line, context.runStartMs()));
                return;
            }
            String text = new String(line, StandardCharsets.UTF_8).strip();
            if (!row.hasRequestId()) {
                text = text.substring(0, text.length() - 1) + ",\"" + StoreSchema.LINE_HASH + "\":\"" + EntryHash.of(text) + "\"}";
            }
            sink.canonicalRow((text + "\n").getBytes(StandardCharsets.UTF_8), row.day());
        });
    }

    /** What the store needs from a valid row. */
    record Row(String day, boolean hasRequestId) {
    }

    /** The row's day and key presence when every canonical column in it has its column's JSON type; else null. */
    static Row check(byte[] line) {
        String day = null;
        boolean requestId = false;
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (name.equals(StoreSchema.LINE_HASH)) {
                    // The ingest's own member, which the store reads a row's key from: not a delivered row.
                    return null;
                }
                JsonToken v = p.nextToken();
                Optional<CanonicalField> field = CanonicalField.byColumn(name);
                if (field.isEmpty() || v == JsonToken.VALUE_NULL) {
                    p.skipChildren();
                    continue;
                }
                if (!typed(field.get(), v, p)) {
                    return null;
                }
                if (field.get() == CanonicalField.REQUEST_TIME) {
                    day = p.getText().substring(0, 10);
                } else if (field.get() == CanonicalField.REQUEST_ID) {
                    requestId = true;
                }
            }
            if (p.nextToken() != null) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        return day == null ? null : new Row(day, requestId);
    }

    private static boolean typed(CanonicalField f, JsonToken v, JsonParser p) throws IOException {
        switch (f.type()) {
            case STRING:
                return v == JsonToken.VALUE_STRING;
            case TIMESTAMP:
                return v == JsonToken.VALUE_STRING && ISO_TIME.matcher(p.getText()).matches();
            case INT:
            case BIGINT:
                return v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
            case DOUBLE:
                return v.isNumeric();
            case MAP:
                if (v != JsonToken.START_OBJECT) {
                    return false;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    if (p.nextToken() != JsonToken.VALUE_STRING) {
                        return false;
                    }
                }
                return true;
            default:
                return false;
        }
    }
}
