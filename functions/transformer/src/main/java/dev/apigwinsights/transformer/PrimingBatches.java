package dev.apigwinsights.transformer;

import dev.apigwinsights.util.ByteArrayBuilder;
import dev.apigwinsights.util.JsonStrings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * The batches SnapStart priming runs before the snapshot: the access-log lines bundled in the
 * artifact (every JSON shape of the fixtures, broken JSON, the console's CLF preset), repeated to
 * about the size Firehose sends, in each framing the stack delivers: one line per direct-put record
 * (REST), and {@value #EVENTS_PER_ENVELOPE} log events per CloudWatch Logs envelope, decompressed
 * (the stack's CloudWatch Logs stream, in the key order the Firehose guide shows) and gzip. Batches
 * of the real size also run the paths small fixtures never reach (buffers that grow, a response
 * buffer that fills), so they are compiled before the snapshot too.
 */
final class PrimingBatches {
    static final int EVENTS_PER_ENVELOPE = 100;
    /** Bytes of lines per batch: the stack's default processor buffer is 1 MB. */
    static final int BATCH_BYTES = 1 << 20;
    /** A time the request-time window accepts for rows without one (arrival, event times). */
    private static final long ARRIVAL_MS = 1_706_770_070_000L;
    private static final String STREAM = "arn:aws:firehose:us-east-1:123456789012:deliverystream/amazon-apigateway-priming";

    private PrimingBatches() {
    }

    /** The three batches, as Firehose transformation events. */
    static List<byte[]> of(List<String> lines) {
        List<String> batch = repeated(lines, BATCH_BYTES);
        return List.of(direct(batch), cloudWatch(batch, false), cloudWatch(batch, true));
    }

    /**
     * The lines over and over, each copy with its own client addresses and every fiftieth with a user
     * agent of its own: real batches bring addresses and user agents the caches have not seen, and
     * priming on cache hits only would compile the lookups as if a miss never happened (the first
     * real batch would then throw that compiled code away and wait for it again).
     */
    private static List<String> repeated(List<String> lines, int bytes) {
        List<String> out = new java.util.ArrayList<>();
        int size = 0;
        for (int i = 0; size < bytes; i++) {
            String line = IPV4.matcher(lines.get(i % lines.size())).replaceAll("$1." + (i >>> 8 & 0xFF) + "." + (i & 0xFF));
            if (i % 50 == 0) {
                line = line.replace("Mozilla/5.0 (", "Mozilla/5.0 (priming " + i + "; ");
            }
            out.add(line);
            size += line.length() + 1;
        }
        return out;
    }

    /** An IPv4 address: its first two numbers kept. */
    private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile("\\b(\\d{1,3}\\.\\d{1,3})\\.\\d{1,3}\\.\\d{1,3}\\b");

    private static byte[] direct(List<String> lines) {
        Event event = new Event();
        for (String line : lines) {
            event.record((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return event.finish();
    }

    private static byte[] cloudWatch(List<String> lines, boolean gzip) {
        Event event = new Event();
        for (int i = 0; i < lines.size(); i += EVENTS_PER_ENVELOPE) {
            byte[] envelope = envelope(lines.subList(i, Math.min(lines.size(), i + EVENTS_PER_ENVELOPE)), !gzip);
            event.record(gzip ? gzip(envelope) : envelope);
        }
        return event.finish();
    }

    /** As CloudWatch Logs writes it, or, {@code decompressed}, as Firehose hands it over after decompressing it. */
    private static byte[] envelope(List<String> messages, boolean decompressed) {
        ByteArrayBuilder b = new ByteArrayBuilder(64 * 1024);
        String nl = decompressed ? "\n  " : "";
        if (decompressed) {
            b.appendAscii("{\n  \"owner\" : \"123456789012\"," + nl + "\"logGroup\" : \"/aws/apigateway/priming\"," + nl
                    + "\"logStream\" : \"priming\"," + nl + "\"subscriptionFilters\" : [ \"apigw-insights\" ]," + nl
                    + "\"messageType\" : \"DATA_MESSAGE\"," + nl + "\"logEvents\" : [ ");
        } else {
            b.appendAscii("{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"123456789012\",\"logGroup\":\"/aws/apigateway/priming\","
                    + "\"logStream\":\"priming\",\"subscriptionFilters\":[\"apigw-insights\"],\"logEvents\":[");
        }
        for (int i = 0; i < messages.size(); i++) {
            b.appendAscii((i == 0 ? "" : ",") + "{\"id\":\"" + (37_000_000_000L + i) + "\",\"timestamp\":" + (ARRIVAL_MS + i)
                    + ",\"message\":");
            JsonStrings.write(messages.get(i), b);
            b.append((byte) '}');
        }
        b.appendAscii(decompressed ? " ]\n}" : "]}");
        return b.toByteArray();
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A transformation event, written as Firehose writes one. */
    private static final class Event {
        private final ByteArrayBuilder json = new ByteArrayBuilder(2 * BATCH_BYTES);
        private int records;

        Event() {
            json.appendAscii("{\"invocationId\":\"priming\",\"deliveryStreamArn\":\"" + STREAM + "\",\"region\":\"us-east-1\",\"records\":[");
        }

        void record(byte[] data) {
            json.appendAscii((records == 0 ? "" : ",") + "{\"recordId\":\"" + (49_546_986_683_135_544L + records)
                    + "\",\"approximateArrivalTimestamp\":" + (ARRIVAL_MS + records) + ",\"data\":\""
                    + Base64.getEncoder().encodeToString(data) + "\"}");
            records++;
        }

        byte[] finish() {
            json.appendAscii("]}");
            return json.toByteArray();
        }
    }
}
