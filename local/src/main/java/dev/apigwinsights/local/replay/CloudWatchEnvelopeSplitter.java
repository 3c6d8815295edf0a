package dev.apigwinsights.local.replay;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.apigwinsights.firehose.FirehoseEventBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a CloudWatch Logs subscription envelope in any key order, and writes it back as one or
 * more envelopes of at most a given size, each keeping {@code messageType}, {@code owner},
 * {@code logGroup}, {@code logStream} and {@code subscriptionFilters}, and holding a run of the
 * original log events in order. Pieces are compact JSON that starts with {@code messageType}, as
 * CloudWatch Logs writes it (and as the transformer recognises an uncompressed envelope).
 */
final class CloudWatchEnvelopeSplitter {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();

    /** A log event as read; {@code message} is null when the event had none. */
    record LogEvent(String id, Long timestamp, String message) {
    }

    record Envelope(String messageType, String owner, String logGroup, String logStream, List<String> subscriptionFilters,
                    List<LogEvent> logEvents) {
        boolean isControlMessage() {
            return "CONTROL_MESSAGE".equals(messageType);
        }
    }

    /** The pieces of one envelope; {@code oversizedEvents} could not fit a piece on their own. */
    record Pieces(List<byte[]> pieces, int oversizedEvents, int eventsWithoutMessage) {
    }

    private CloudWatchEnvelopeSplitter() {
    }

    /** The envelope in {@code json}, or empty when it is not a JSON object with {@code messageType} and {@code logEvents}. */
    static Optional<Envelope> parse(byte[] json) {
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

    /**
     * {@code envelope} as envelopes of at most {@code maxBytes} each, events in order, packed greedily.
     * An event that does not fit a piece on its own is gzip-compressed alone (the transformer reads
     * gzip envelopes too) or, if that is still too large, counted in {@link Pieces#oversizedEvents}.
     */
    static Pieces split(Envelope envelope, int maxBytes) {
        byte[] head = head(envelope);
        List<byte[]> pieces = new ArrayList<>();
        ByteArrayOutputStream piece = new ByteArrayOutputStream();
        int inPiece = 0;
        int oversized = 0;
        int withoutMessage = 0;
        for (LogEvent e : envelope.logEvents()) {
            if (e.message() == null) {
                withoutMessage++;
                continue;
            }
            byte[] event = event(e);
            if (head.length + event.length + 2 > maxBytes) {
                if (inPiece > 0) {
                    pieces.add(finish(head, piece));
                    piece.reset();
                    inPiece = 0;
                }
                byte[] alone = FirehoseEventBuilder.gzip(close(head, List.of(event)));
                if (alone.length <= maxBytes) {
                    pieces.add(alone);
                } else {
                    oversized++;
                }
                continue;
            }
            if (inPiece > 0 && head.length + piece.size() + 1 + event.length + 2 > maxBytes) {
                pieces.add(finish(head, piece));
                piece.reset();
                inPiece = 0;
            }
            if (inPiece > 0) {
                piece.write(',');
            }
            piece.writeBytes(event);
            inPiece++;
        }
        if (inPiece > 0) {
            pieces.add(finish(head, piece));
        }
        return new Pieces(pieces, oversized, withoutMessage);
    }

    private static byte[] finish(byte[] head, ByteArrayOutputStream events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + events.size() + 2);
        out.writeBytes(head);
        out.writeBytes(events.toByteArray());
        out.write(']');
        out.write('}');
        return out.toByteArray();
    }

    private static byte[] close(byte[] head, List<byte[]> events) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                joined.write(',');
            }
            joined.writeBytes(events.get(i));
        }
        return finish(head, joined);
    }

    /** {@code {"messageType":..,"owner":..,"logGroup":..,"logStream":..,"subscriptionFilters":[..],"logEvents":[} */
    private static byte[] head(Envelope envelope) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("messageType", envelope.messageType());
            writeNullable(g, "owner", envelope.owner());
            writeNullable(g, "logGroup", envelope.logGroup());
            writeNullable(g, "logStream", envelope.logStream());
            g.writeArrayFieldStart("subscriptionFilters");
            for (String f : envelope.subscriptionFilters()) {
                g.writeString(f);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The closed object without its '}', continued by the opening of logEvents.
        byte[] closed = out.toByteArray();
        ByteArrayOutputStream head = new ByteArrayOutputStream(closed.length + 14);
        head.write(closed, 0, closed.length - 1);
        head.writeBytes(",\"logEvents\":[".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return head.toByteArray();
    }

    private static byte[] event(LogEvent e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(e.message().length() + 96);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            writeNullable(g, "id", e.id());
            if (e.timestamp() != null) {
                g.writeNumberField("timestamp", e.timestamp());
            }
            g.writeStringField("message", e.message());
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    private static void writeNullable(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }
}
