package dev.apigwinsights.firehose;

import dev.apigwinsights.parse.JsonWhitespace;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.apigwinsights.parse.AccessLogParseException;
import dev.apigwinsights.pipeline.AccessLogPipeline;
import dev.apigwinsights.pipeline.AccessLogPipeline.Origin;
import dev.apigwinsights.pipeline.LogEntries;
import dev.apigwinsights.schema.ByteArrayBuilder;
import dev.apigwinsights.schema.CanonicalField;
import dev.apigwinsights.schema.CanonicalRecord;
import dev.apigwinsights.schema.RequestTimes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Firehose data-transformation contract, over streams: reads
 * {@code {invocationId, deliveryStreamArn, region, records:[{recordId, approximateArrivalTimestamp, data}]}}
 * and writes {@code {"records":[{recordId, result, data, metadata:{partitionKeys}}]}}.
 *
 * <p>Guarantees: every input record gets exactly one result, in input order, whatever its
 * content; a record that cannot be decoded or parsed is {@code ProcessingFailed} alone (its
 * original data echoed, so Firehose's processing-failed output holds it for replay); CloudWatch
 * control messages and empty records are {@code Dropped}. The response never exceeds the budget
 * (6,000,000 bytes by default, under Lambda's 6 MB response limit): before each record, room is
 * reserved to fail every remaining record with its data echoed, and a record whose transformed
 * output would not fit is failed with reason {@code response size budget exceeded} instead.
 * A CloudWatch record whose entries partly fail is failed whole: Firehose results are per record,
 * and failing it keeps every entry recoverable rather than silently dropping some.
 */
public final class FirehoseBatchTransformer {
    private static final Logger LOG = LoggerFactory.getLogger(FirehoseBatchTransformer.class);
    /** Lambda's synchronous response limit is 6 MB; stay safely under it. */
    public static final long DEFAULT_RESPONSE_BUDGET = 6_000_000L;
    /** JSON around one result besides its id and data, counted generously. */
    private static final int RESULT_OVERHEAD = 160;
    private static final int LOGGED_FAILURES_PER_BATCH = 10;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();
    private static final String NO_REQUEST_TIME = "no request time in the record and no arrival time to fall back on";
    private static final String DIRECT = "DIRECT";
    private static final String CLOUDWATCH = "CLOUDWATCH";

    private final AccessLogPipeline pipeline;
    private final long responseBudget;

    public FirehoseBatchTransformer(AccessLogPipeline pipeline) {
        this(pipeline, DEFAULT_RESPONSE_BUDGET);
    }

    public FirehoseBatchTransformer(AccessLogPipeline pipeline, long responseBudget) {
        this.pipeline = pipeline;
        this.responseBudget = responseBudget;
    }

    /**
     * One input record. {@code bytes} is the decoded data (decoded in place from the event bytes,
     * no intermediate String); when the data is not valid base64, {@code bytes} is null and
     * {@code invalidData} keeps the text for the echo.
     */
    private record InputRecord(String recordId, byte[] bytes, String invalidData, boolean hasData, long arrivalMs) {
        long base64Length() {
            return bytes != null ? 4L * ((bytes.length + 2) / 3) : invalidData == null ? 0 : invalidData.length();
        }
    }

    /** What the invocation says about where its records come from. */
    private record EventContext(String region, String accountId) {
        static EventContext of(String region, String deliveryStreamArn) {
            String account = null;
            if (deliveryStreamArn != null) {
                String[] parts = deliveryStreamArn.split(":", 6);
                account = parts.length > 4 && parts[4].matches("\\d{12}") ? parts[4] : null;
            }
            boolean regionOk = region != null && region.matches("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
            return new EventContext(regionOk ? region : null, account);
        }
    }

    private record Event(List<InputRecord> records, EventContext context) {
    }

    /** The outcome of one record before it is written. */
    private record Outcome(FirehoseResult result, ByteArrayBuilder data, long partitionTimeMs,
                           int entries, String reason) {
    }

    /**
     * @throws IOException when the input is not a Firehose transformation event at all (the
     *         invocation fails and Firehose retries it), or the output cannot be written
     */
    public BatchSummary transform(InputStream in, OutputStream out) throws IOException {
        Event event = readEvent(in);
        List<InputRecord> records = event.records();
        EventContext context = event.context();
        boolean echoOnFailure = totalFailureCost(records, true) + 32 <= responseBudget;
        long reserve = totalFailureCost(records, echoOnFailure);
        CountingOutputStream counting = new CountingOutputStream(out);
        int ok = 0;
        int dropped = 0;
        int failed = 0;
        int logEvents = 0;
        int entriesOk = 0;
        int overBudget = 0;
        long written = 32;
        List<BatchSummary.RecordFailure> failures = new ArrayList<>();
        try (JsonGenerator g = FACTORY.createGenerator(counting, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeArrayFieldStart("records");
            for (InputRecord r : records) {
                reserve -= failureCost(r, echoOnFailure);
                Outcome o = process(r, context);
                logEvents += o.entries();
                if (o.result() == FirehoseResult.Ok) {
                    if (written + okCost(r, o.data()) + reserve > responseBudget) {
                        o = new Outcome(FirehoseResult.ProcessingFailed, null, 0, o.entries(),
                                "response size budget exceeded: lower the Firehose processor buffer size");
                        overBudget++;
                    }
                }
                if (o.result() != FirehoseResult.Ok && failures.size() < BatchSummary.MAX_FAILURES_KEPT) {
                    failures.add(new BatchSummary.RecordFailure(r.recordId(), o.result(), o.reason()));
                }
                switch (o.result()) {
                    case Ok -> {
                        ok++;
                        entriesOk += o.entries();
                        writeOk(g, r, o);
                        written += okCost(r, o.data());
                    }
                    case Dropped -> {
                        dropped++;
                        writeEmpty(g, r, FirehoseResult.Dropped);
                        written += resultCost(r);
                    }
                    case ProcessingFailed -> {
                        if (failed < LOGGED_FAILURES_PER_BATCH) {
                            LOG.warn("record {} ProcessingFailed: {}", r.recordId(), o.reason());
                        }
                        failed++;
                        if (echoOnFailure) {
                            writeEcho(g, r);
                        } else {
                            writeEmpty(g, r, FirehoseResult.ProcessingFailed);
                        }
                        written += failureCost(r, echoOnFailure);
                    }
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        if (failed > LOGGED_FAILURES_PER_BATCH) {
            LOG.warn("{} more records ProcessingFailed in this batch (first {} logged)",
                    failed - LOGGED_FAILURES_PER_BATCH, LOGGED_FAILURES_PER_BATCH);
        }
        return new BatchSummary(records.size(), ok, dropped, failed, logEvents, entriesOk, overBudget, counting.count(),
                List.copyOf(failures));
    }

    /** Upper bound of a result's bytes without its data: overhead plus the id, every char escaped. */
    private static long resultCost(InputRecord r) {
        return RESULT_OVERHEAD + 6L * r.recordId().length();
    }

    private static long okCost(InputRecord r, ByteArrayBuilder data) {
        return resultCost(r) + base64Length(data.length());
    }

    /** A ProcessingFailed result: with the original data echoed, or with empty data. */
    private static long failureCost(InputRecord r, boolean echo) {
        return resultCost(r) + (echo ? r.base64Length() : 0);
    }

    private static long totalFailureCost(List<InputRecord> records, boolean echo) {
        long total = 0;
        for (InputRecord r : records) {
            total += failureCost(r, echo);
        }
        return total;
    }

    private static long base64Length(int bytes) {
        return 4L * ((bytes + 2) / 3);
    }

    private Outcome process(InputRecord r, EventContext context) {
        if (!r.hasData()) {
            return failed(0, "record has no data field");
        }
        byte[] bytes = r.bytes();
        if (bytes == null) {
            return failed(0, "data is not valid base64");
        }
        try {
            if (CloudWatchEnvelope.isGzip(bytes)) {
                return processEnvelope(CloudWatchEnvelope.parse(CloudWatchEnvelope.gunzip(bytes)), context);
            }
            if (CloudWatchEnvelope.looksLikeEnvelope(bytes)) {
                return processEnvelope(CloudWatchEnvelope.parse(bytes), context);
            }
            Origin origin = new Origin(DIRECT, null, null, r.arrivalMs(), context.region(), context.accountId());
            Outcome single = transformSingleLine(bytes, origin);
            if (single != null) {
                return single;
            }
            String payload = new String(bytes, StandardCharsets.UTF_8);
            List<String> entries = LogEntries.split(payload);
            if (entries.isEmpty()) {
                return new Outcome(FirehoseResult.Dropped, null, 0, 0, "empty record");
            }
            return transformEntries(entries, List.of(), origin);
        } catch (MalformedRecordException e) {
            return failed(0, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // A bug must cost one record, never the batch; the class name says where to look.
            return failed(0, "internal error " + e.getClass().getName());
        }
    }

    /**
     * The common case, one line per direct-put record, parsed from the decoded bytes without
     * building a String. Returns null when the payload is not a single line.
     */
    private Outcome transformSingleLine(byte[] bytes, Origin origin) {
        int end = bytes.length;
        int start = JsonWhitespace.skip(bytes, hasUtf8Bom(bytes) ? 3 : 0, end);
        while (end > start && JsonWhitespace.is(bytes[end - 1])) {
            end--;
        }
        if (start == end) {
            return null;
        }
        boolean json = bytes[start] == '{';
        if (!json) {
            for (int i = start; i < end; i++) {
                if (bytes[i] == '\n') {
                    return null;
                }
            }
        }
        ByteArrayBuilder buf = new ByteArrayBuilder(end - start + 512);
        try {
            CanonicalRecord record = pipeline.transform(bytes, start, end - start, origin, buf);
            Long t = record.getLong(CanonicalField.REQUEST_TIME_EPOCH_MS);
            if (t == null) {
                return failed(1, NO_REQUEST_TIME);
            }
            return new Outcome(FirehoseResult.Ok, buf, t, 1, null);
        } catch (AccessLogParseException e) {
            // A JSON payload may be several JSON lines, which one parse cannot read: the general
            // path splits it and gives the final verdict.
            return json ? null : failed(1, e.getMessage());
        }
    }

    private static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    private Outcome processEnvelope(CloudWatchEnvelope envelope, EventContext context) {
        if (envelope.isControlMessage()) {
            return new Outcome(FirehoseResult.Dropped, null, 0, 0, "CloudWatch control message");
        }
        List<String> entries = new ArrayList<>(envelope.logEvents().size());
        List<Long> times = new ArrayList<>(envelope.logEvents().size());
        for (CloudWatchEnvelope.LogEvent e : envelope.logEvents()) {
            // One log event is one access-log entry, even when a value inside it holds a newline.
            String entry = LogEntries.stripBom(e.message()).strip();
            if (!entry.isEmpty()) {
                entries.add(entry);
                times.add(e.timestamp());
            }
        }
        if (entries.isEmpty()) {
            return new Outcome(FirehoseResult.Dropped, null, 0, 0, "CloudWatch message without log events");
        }
        String owner = envelope.owner() != null && envelope.owner().matches("\\d{12}") ? envelope.owner() : context.accountId();
        Origin origin = new Origin(CLOUDWATCH, envelope.logGroup(), envelope.logStream(), 0, context.region(), owner);
        return transformEntries(entries, times, origin);
    }

    private Outcome transformEntries(List<String> entries, List<Long> eventTimes, Origin origin) {
        ByteArrayBuilder buf = new ByteArrayBuilder(entries.size() == 1 ? 2048 : entries.size() * 1024);
        long minTime = Long.MAX_VALUE;
        for (int i = 0; i < entries.size(); i++) {
            Origin o = eventTimes.isEmpty() ? origin
                    : origin.withFallbackTime(eventTimes.get(i));
            try {
                CanonicalRecord record = pipeline.transform(entries.get(i), o, buf);
                Long t = record.getLong(CanonicalField.REQUEST_TIME_EPOCH_MS);
                if (t != null && t < minTime) {
                    minTime = t;
                }
            } catch (AccessLogParseException e) {
                String where = entries.size() == 1 ? "" : "entry " + (i + 1) + " of " + entries.size() + ": ";
                return failed(entries.size(), where + e.getMessage());
            }
        }
        if (minTime == Long.MAX_VALUE) {
            return failed(entries.size(), NO_REQUEST_TIME);
        }
        return new Outcome(FirehoseResult.Ok, buf, minTime, entries.size(), null);
    }

    private static Outcome failed(int entries, String reason) {
        return new Outcome(FirehoseResult.ProcessingFailed, null, 0, entries, reason);
    }

    /**
     * Decodes a record's base64 straight from the event bytes, without first building a String of
     * it (the largest allocation and copy of a batch). Returns null when the value is not plain
     * base64 between quotes; the caller then takes the general path.
     */
    private static byte[] decodeInPlace(JsonParser p, byte[] input) {
        long start = p.currentTokenLocation().getByteOffset();
        if (start < 0 || start >= input.length || input[(int) start] != '"') {
            return null;
        }
        int from = (int) start + 1;
        int to = from;
        while (to < input.length && input[to] != '"') {
            if (input[to] == '\\') {
                return null;
            }
            to++;
        }
        if (to >= input.length) {
            return null;
        }
        try {
            java.nio.ByteBuffer decoded = Base64.getDecoder().decode(java.nio.ByteBuffer.wrap(input, from, to - from));
            return decoded.hasArray() && decoded.arrayOffset() == 0 && decoded.remaining() == decoded.array().length
                    ? decoded.array() : java.util.Arrays.copyOfRange(decoded.array(), decoded.arrayOffset(),
                    decoded.arrayOffset() + decoded.remaining());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] decodeBase64(String data) {
        try {
            return Base64.getDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            // Tolerate line-wrapped base64 only; the MIME decoder would silently skip any garbage.
            try {
                return Base64.getDecoder().decode(data.replace("\r", "").replace("\n", ""));
            } catch (IllegalArgumentException e2) {
                return null;
            }
        }
    }

    private static void writeOk(JsonGenerator g, InputRecord r, Outcome o) throws IOException {
        int[] ymd = RequestTimes.civil(o.partitionTimeMs());
        g.writeStartObject();
        g.writeStringField("recordId", r.recordId());
        g.writeStringField("result", FirehoseResult.Ok.name());
        g.writeFieldName("data");
        writeBase64(g, o.data().array(), o.data().length());
        g.writeObjectFieldStart("metadata");
        g.writeObjectFieldStart("partitionKeys");
        g.writeStringField("year", pad(ymd[0], 4));
        g.writeStringField("month", pad(ymd[1], 2));
        g.writeStringField("day", pad(ymd[2], 2));
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The JDK encoder is vectorised on common CPUs; base64 needs no escaping, so it goes out raw. */
    private static void writeBase64(JsonGenerator g, byte[] data, int length) throws IOException {
        byte[] src = length == data.length ? data : java.util.Arrays.copyOf(data, length);
        byte[] encoded = Base64.getEncoder().encode(src);
        g.writeRawUTF8String(encoded, 0, encoded.length);
    }

    private static void writeEcho(JsonGenerator g, InputRecord r) throws IOException {
        g.writeStartObject();
        g.writeStringField("recordId", r.recordId());
        g.writeStringField("result", FirehoseResult.ProcessingFailed.name());
        g.writeFieldName("data");
        if (r.bytes() != null) {
            writeBase64(g, r.bytes(), r.bytes().length);
        } else {
            g.writeString(r.invalidData() == null ? "" : r.invalidData());
        }
        g.writeEndObject();
    }

    private static void writeEmpty(JsonGenerator g, InputRecord r, FirehoseResult result) throws IOException {
        g.writeStartObject();
        g.writeStringField("recordId", r.recordId());
        g.writeStringField("result", result.name());
        g.writeStringField("data", "");
        g.writeEndObject();
    }

    private static String pad(int v, int width) {
        String s = Integer.toString(v);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    private static Event readEvent(InputStream in) throws IOException {
        byte[] input = in.readAllBytes();
        List<InputRecord> records = null;
        String region = null;
        String streamArn = null;
        try (JsonParser p = FACTORY.createParser(input)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a Firehose transformation event: expected a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if ("region".equals(name) && t == JsonToken.VALUE_STRING) {
                    region = p.getText();
                } else if ("deliveryStreamArn".equals(name) && t == JsonToken.VALUE_STRING) {
                    streamArn = p.getText();
                } else if ("records".equals(name) && t == JsonToken.START_ARRAY) {
                    records = new ArrayList<>();
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        records.add(readRecord(p, input));
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("not a Firehose transformation event: malformed JSON", e);
        }
        if (records == null) {
            throw new IOException("not a Firehose transformation event: no records array");
        }
        return new Event(records, EventContext.of(region, streamArn));
    }

    private static InputRecord readRecord(JsonParser p, byte[] input) throws IOException {
        String id = "";
        byte[] bytes = null;
        String invalid = null;
        boolean hasData = false;
        long arrival = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "recordId" -> id = t == JsonToken.VALUE_STRING ? p.getText() : id;
                case "data" -> {
                    if (t == JsonToken.VALUE_STRING) {
                        hasData = true;
                        bytes = decodeInPlace(p, input);
                        if (bytes == null) {
                            String text = p.getText();
                            bytes = decodeBase64(text);
                            invalid = bytes == null ? text : null;
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                case "approximateArrivalTimestamp" -> arrival = t.isNumeric() ? (long) p.getDoubleValue() : 0;
                default -> p.skipChildren();
            }
        }
        return new InputRecord(id, bytes, invalid, hasData, arrival);
    }

    /** Counts what is written, for the summary's response size. */
    private static final class CountingOutputStream extends OutputStream {
        private final OutputStream out;
        private long count;

        CountingOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush(); // the caller owns the stream
        }

        long count() {
            return count;
        }
    }
}
