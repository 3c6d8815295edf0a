package dev.apigwinsights.eventkit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Builds Firehose transformation events exactly as Firehose sends them: for direct put (one
 * access-log line per record, as API Gateway writes to Firehose) and for CloudWatch Logs
 * subscriptions (gzip JSON envelopes holding many log events). Drives the fixtures in
 * {@code events/}, the tests, the benchmark and the CLI's {@code make-event}. Output is
 * deterministic: record ids count up and gzip headers carry no timestamp.
 */
public final class FirehoseEventBuilder {
    private static final JsonFactory FACTORY = new JsonFactory();

    private record Rec(String id, long arrivalMs, String base64) {
    }

    private final String deliveryStreamArn;
    private final List<Rec> records = new ArrayList<>();
    private long arrivalMs;
    private long nextId = 1;

    public FirehoseEventBuilder(String deliveryStreamArn, long arrivalMs) {
        this.deliveryStreamArn = deliveryStreamArn;
        this.arrivalMs = arrivalMs;
    }

    /** One record holding one access-log line, as API Gateway puts it to Firehose. */
    public FirehoseEventBuilder direct(String line) {
        return raw(line.getBytes(StandardCharsets.UTF_8));
    }

    /** One record with arbitrary bytes (for malformed-input fixtures). */
    public FirehoseEventBuilder raw(byte[] data) {
        return rawBase64(Base64.getEncoder().encodeToString(data));
    }

    /** One record whose data field is given verbatim (it need not be valid base64). */
    public FirehoseEventBuilder rawBase64(String data) {
        records.add(new Rec(nextRecordId(), arrivalMs++, data));
        return this;
    }

    /** One CloudWatch Logs subscription record holding {@code messages} as log events. */
    public FirehoseEventBuilder cloudWatch(String logGroup, String logStream, List<String> messages, long firstEventMs) {
        return raw(gzip(envelope("DATA_MESSAGE", logGroup, logStream, messages, firstEventMs)));
    }

    /**
     * One CloudWatch Logs subscription record as the stack's CloudWatch Logs stream hands it over:
     * Firehose's decompression is on, so the envelope arrives as plain JSON, re-serialised as the
     * Firehose guide shows it ("Extract message after decompression of CloudWatch Logs", Fig 1):
     * owner first, messageType fifth, pretty-printed.
     */
    public FirehoseEventBuilder cloudWatchDecompressed(String logGroup, String logStream, List<String> messages, long firstEventMs) {
        return raw(decompressedEnvelope(logGroup, logStream, messages, firstEventMs));
    }

    /** A data message's envelope as {@link #cloudWatchDecompressed} puts it in a record. */
    public static byte[] decompressedEnvelope(String logGroup, String logStream, List<String> messages, long firstEventMs) {
        return envelope("DATA_MESSAGE", logGroup, logStream, messages, firstEventMs, true);
    }

    /** The control message CloudWatch Logs sends when a subscription is created. */
    public FirehoseEventBuilder cloudWatchControl() {
        return raw(gzip(envelope("CONTROL_MESSAGE", "testLogGroup", "testLogStream",
                List.of("CWL CONTROL MESSAGE: Checking health of destination Firehose."), arrivalMs)));
    }

    public int size() {
        return records.size();
    }

    public String toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("invocationId", "00540a87-5050-496a-84e4-e7d92bbaf5e2");
            g.writeStringField("deliveryStreamArn", deliveryStreamArn);
            g.writeStringField("region", regionOf(deliveryStreamArn));
            g.writeArrayFieldStart("records");
            for (Rec r : records) {
                g.writeStartObject();
                g.writeStringField("recordId", r.id());
                g.writeNumberField("approximateArrivalTimestamp", r.arrivalMs());
                g.writeStringField("data", r.base64());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8) + "\n";
    }

    private String nextRecordId() {
        // Shaped like Firehose's own ids: a long decimal sequence number.
        return String.format("4954698668313554428650745793632162567570019247115678%04d", nextId++);
    }

    private static String regionOf(String arn) {
        String[] parts = arn.split(":");
        return parts.length > 3 ? parts[3] : "us-east-1";
    }

    /** A subscription envelope as CloudWatch Logs writes it (uncompressed JSON), with events 250 ms apart. */
    public static byte[] envelope(String type, String logGroup, String logStream, List<String> messages, long firstEventMs) {
        return envelope(type, logGroup, logStream, messages, firstEventMs, false);
    }

    /** {@code asFirehoseShowsIt}: owner first, messageType fifth, pretty-printed, as Firehose's decompression hands it on. */
    private static byte[] envelope(String type, String logGroup, String logStream, List<String> messages, long firstEventMs,
            boolean asFirehoseShowsIt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            if (asFirehoseShowsIt) {
                g.useDefaultPrettyPrinter();
            }
            g.writeStartObject();
            if (!asFirehoseShowsIt) {
                g.writeStringField("messageType", type);
            }
            g.writeStringField("owner", "123456789012");
            g.writeStringField("logGroup", logGroup);
            g.writeStringField("logStream", logStream);
            g.writeArrayFieldStart("subscriptionFilters");
            g.writeString("apigw-insights");
            g.writeEndArray();
            if (asFirehoseShowsIt) {
                g.writeStringField("messageType", type);
            }
            writeLogEvents(g, messages, firstEventMs);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeLogEvents(JsonGenerator g, List<String> messages, long firstEventMs) throws IOException {
        g.writeArrayFieldStart("logEvents");
        long t = firstEventMs;
        int n = 0;
        for (String m : messages) {
            g.writeStartObject();
            g.writeStringField("id", String.format("3195310660696698337880902507980421114328961542429EXAMPLE%04d", n++));
            g.writeNumberField("timestamp", t);
            t += 250;
            g.writeStringField("message", m);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /**
     * A gzip CloudWatch envelope of {@code count} log events that all hold {@code message} (a JSON
     * string literal's content, already escaped), built as bytes so that a million events cost no
     * more than their JSON: for tests and benchmarks of very large records.
     */
    public static byte[] gzipEnvelopeOfIdenticalEvents(int count, String message) {
        byte[] head = ("{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"123456789012\",\"logGroup\":\"g\",\"logStream\":\"s\","
                + "\"logEvents\":[").getBytes(StandardCharsets.UTF_8);
        byte[] one = ("{\"timestamp\":1706770070000,\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream json = new ByteArrayOutputStream(head.length + count * (one.length + 1) + 2);
        json.writeBytes(head);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                json.write(',');
            }
            json.writeBytes(one);
        }
        json.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        return gzip(json.toByteArray());
    }

    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
