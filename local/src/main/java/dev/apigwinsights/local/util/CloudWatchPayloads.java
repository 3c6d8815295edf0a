package dev.apigwinsights.local.util;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Reading CloudWatch Logs subscription payloads on the CLI side (ingest's fallbacks, replay's
 * splitting): gzip detection and bounded inflation, and the envelope as a value. The transformer
 * has its own streaming, work-metered reader; this one serves code that needs the envelope's
 * events as objects and is never on the Lambda's path.
 */
public final class CloudWatchPayloads {
    private static final JsonFactory JSON = LongStringJson.FACTORY;

    /** A log event as read; {@code message} is null when the event had none. */
    public record LogEvent(String id, Long timestamp, String message) {
    }

    public record Envelope(String messageType, String owner, String logGroup, String logStream, List<String> subscriptionFilters,
                    List<LogEvent> logEvents) {
        public boolean isControlMessage() {
            return "CONTROL_MESSAGE".equals(messageType);
        }
    }

    private CloudWatchPayloads() {
    }

    /** Whether {@code data} starts with the gzip magic bytes. */
    public static boolean isGzip(byte[] data) {
        return data.length >= 2 && (data[0] & 0xFF) == 0x1F && (data[1] & 0xFF) == 0x8B;
    }

    /** {@code data} inflated, or empty when it is not valid gzip or would inflate past {@code maxBytes}. */
    public static Optional<byte[]> gunzip(byte[] data, long maxBytes) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(maxBytes, Math.max(1024L, data.length * 8L)));
            byte[] buf = new byte[16384];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > maxBytes) {
                    return Optional.empty();
                }
                out.write(buf, 0, n);
            }
            return Optional.of(out.toByteArray());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The envelope in {@code json}, or empty when it is not a JSON object with {@code messageType} and {@code logEvents}. */
    public static Optional<Envelope> parseEnvelope(byte[] json) {
        String messageType = null;
        String owner = null;
        String logGroup = null;
        String logStream = null;
        List<String> filters = new ArrayList<>();
        List<LogEvent> events = null;
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "messageType" -> messageType = text(p, t);
                    case "owner" -> owner = text(p, t);
                    case "logGroup" -> logGroup = text(p, t);
                    case "logStream" -> logStream = text(p, t);
                    case "subscriptionFilters" -> {
                        if (t == JsonToken.START_ARRAY) {
                            for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                                String filter = text(p, e);
                                if (filter != null) {
                                    filters.add(filter);
                                }
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    case "logEvents" -> {
                        if (t != JsonToken.START_ARRAY) {
                            return Optional.empty();
                        }
                        events = new ArrayList<>();
                        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                            if (e == JsonToken.START_OBJECT) {
                                events.add(readEvent(p));
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                return Optional.empty();
            }
        } catch (JsonProcessingException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (messageType == null || events == null) {
            return Optional.empty();
        }
        return Optional.of(new Envelope(messageType, owner, logGroup, logStream, List.copyOf(filters), events));
    }

    private static LogEvent readEvent(JsonParser p) throws IOException {
        String id = null;
        Long timestamp = null;
        String message = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "id" -> id = text(p, t);
                case "timestamp" -> timestamp = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null;
                case "message" -> message = text(p, t);
                default -> p.skipChildren();
            }
        }
        return new LogEvent(id, timestamp, message);
    }

    private static String text(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        return t == JsonToken.VALUE_STRING ? p.getText() : null;
    }

}
