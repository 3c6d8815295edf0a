package dev.apigwinsights.firehose;

import dev.apigwinsights.parse.JsonWhitespace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A CloudWatch Logs subscription payload: {@code {messageType, owner, logGroup, logStream,
 * subscriptionFilters, logEvents:[{id, timestamp, message}]}}, gzip-compressed when it reaches
 * Firehose from a subscription filter (plain when Firehose decompression is on).
 */
public record CloudWatchEnvelope(String messageType, String owner, String logGroup, String logStream, List<LogEvent> logEvents) {

    public record LogEvent(String id, long timestamp, String message) {
    }

    /** Bounds what one record may inflate to, so a gzip bomb fails one record, not the function. */
    public static final int MAX_INFLATED_BYTES = 32 * 1024 * 1024;

    private static final JsonFactory FACTORY = new JsonFactory();

    public boolean isControlMessage() {
        return "CONTROL_MESSAGE".equals(messageType);
    }

    public static boolean isGzip(byte[] data) {
        return data.length >= 2 && (data[0] & 0xFF) == 0x1F && (data[1] & 0xFF) == 0x8B;
    }

    /** True for an uncompressed envelope (Firehose's own decompression without extraction). */
    public static boolean looksLikeEnvelope(byte[] data) {
        int i = JsonWhitespace.skip(data, 0, data.length);
        byte[] prefix = "{\"messageType\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (data.length - i < prefix.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (data[i + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    public static byte[] gunzip(byte[] data) throws MalformedRecordException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data), 8192)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, data.length * 8));
            byte[] buf = new byte[16384];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > MAX_INFLATED_BYTES) {
                    throw new MalformedRecordException("gzip payload inflates beyond " + MAX_INFLATED_BYTES + " bytes");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new MalformedRecordException("corrupt gzip data (" + e.getClass().getSimpleName() + ")");
        }
    }

    public static CloudWatchEnvelope parse(byte[] json) throws MalformedRecordException {
        String messageType = null;
        String owner = null;
        String logGroup = null;
        String logStream = null;
        List<LogEvent> events = new ArrayList<>();
        boolean sawEvents = false;
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedRecordException("CloudWatch payload is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "messageType" -> messageType = text(p, t);
                    case "owner" -> owner = text(p, t);
                    case "logGroup" -> logGroup = text(p, t);
                    case "logStream" -> logStream = text(p, t);
                    case "logEvents" -> {
                        sawEvents = true;
                        if (t != JsonToken.START_ARRAY) {
                            throw new MalformedRecordException("logEvents is not an array");
                        }
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            events.add(readEvent(p));
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new MalformedRecordException("CloudWatch payload is not valid JSON");
        }
        if (messageType == null) {
            throw new MalformedRecordException("CloudWatch payload has no messageType");
        }
        if (!"CONTROL_MESSAGE".equals(messageType) && !sawEvents) {
            throw new MalformedRecordException("CloudWatch DATA_MESSAGE has no logEvents");
        }
        return new CloudWatchEnvelope(messageType, owner, logGroup, logStream, events);
    }

    private static LogEvent readEvent(JsonParser p) throws IOException, MalformedRecordException {
        String id = null;
        long timestamp = 0;
        String message = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "id" -> id = text(p, t);
                case "timestamp" -> timestamp = t.isNumeric() ? p.getLongValue() : 0;
                case "message" -> message = text(p, t);
                default -> p.skipChildren();
            }
        }
        if (message == null) {
            throw new MalformedRecordException("a log event has no message");
        }
        return new LogEvent(id, timestamp, message);
    }

    private static String text(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        return t == JsonToken.VALUE_NULL ? null : p.getText();
    }
}
