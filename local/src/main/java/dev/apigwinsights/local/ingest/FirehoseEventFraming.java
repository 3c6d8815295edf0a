package dev.apigwinsights.local.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
    @Override
    public void read(InputStream in, InputContext context, RecordSink sink) throws IOException {
        JsonDocuments.forEachElement(in, "records", "event", p -> readRecord(p, context, sink));
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
