package dev.apigwinsights.local.replay;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.apigwinsights.eventkit.FirehoseEventBuilder;
import dev.apigwinsights.local.util.CloudWatchPayloads.Envelope;
import dev.apigwinsights.local.util.CloudWatchPayloads.LogEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

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

    /** The pieces of one envelope; {@code oversizedEvents} could not fit a piece on their own. */
    record Pieces(List<byte[]> pieces, int oversizedEvents, int eventsWithoutMessage) {
    }

    private CloudWatchEnvelopeSplitter() {
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
