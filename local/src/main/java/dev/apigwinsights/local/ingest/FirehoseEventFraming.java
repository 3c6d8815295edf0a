package dev.apigwinsights.local.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Firehose transformation events (what the processor Lambda receives, e.g. {@code events/*.json}
 * or a captured batch): each record's decoded data is re-sent as it was, with its arrival time.
 * Streamed record by record; several events back to back are fine.
 */
final class FirehoseEventFraming implements Framing {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build()).build();

    @Override
    public void read(InputStream in, InputContext context, RecordSink sink) throws IOException {
        int events = 0;
        try (JsonParser p = JSON.createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_OBJECT) {
                    throw new IOException("event " + (events + 1) + " is not a JSON object");
                }
                events++;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    if ("records".equals(name) && v == JsonToken.START_ARRAY) {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            readRecord(p, context, sink);
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            }
        } catch (JsonProcessingException e) {
            throw new IOException("malformed JSON at line " + e.getLocation().getLineNr() + " (event " + events + ")");
        }
    }

    private static void readRecord(JsonParser p, InputContext context, RecordSink sink) throws IOException {
        String data = null;
        long arrival = context.runStartMs();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if ("data".equals(name) && v == JsonToken.VALUE_STRING) {
                data = p.getText();
            } else if ("approximateArrivalTimestamp".equals(name) && v.isNumeric()) {
                arrival = (long) p.getDoubleValue();
            } else {
                p.skipChildren();
            }
        }
        if (data == null) {
            sink.blankLine();
            return;
        }
        sink.record(SourceRecord.opaque(decode(data), arrival));
    }

    /** Base64 as Firehose sends it; anything else is passed on as text, for the transformer to judge. */
    private static byte[] decode(String data) {
        try {
            return Base64.getDecoder().decode(data.replace("\r", "").replace("\n", ""));
        } catch (IllegalArgumentException e) {
            return data.getBytes(StandardCharsets.UTF_8);
        }
    }
}
