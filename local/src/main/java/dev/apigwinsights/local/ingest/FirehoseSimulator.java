package dev.apigwinsights.local.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.apigwinsights.firehose.BatchSummary;
import dev.apigwinsights.firehose.ErrorDocument;
import dev.apigwinsights.firehose.FirehoseBatchTransformer;
import dev.apigwinsights.firehose.FirehoseResult;
import dev.apigwinsights.local.store.StoreSchema;
import dev.apigwinsights.local.util.ByteArrays;
import dev.apigwinsights.local.util.CloudWatchPayloads;
import dev.apigwinsights.local.util.LongStringJson;
import dev.apigwinsights.util.Base64Codec;
import dev.apigwinsights.util.ByteArrayBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Firehose's side of the processor contract, on one machine: sends a batch of records to the
 * transformer as a transformation event, reads the response, and does what Firehose does with
 * each result. {@code Ok} data becomes rows (partitioned by each row's own request day),
 * {@code Dropped} is counted, {@code ProcessingFailed} becomes an error document in Firehose's
 * format with the original data and the transformer's reason. Thread-safe: workers share it.
 *
 * <p>One deliberate difference from Firehose: a failed CloudWatch record that the ingest packed
 * itself is re-sent event by event, so a bad line among good ones fails alone.
 */
final class FirehoseSimulator {
    /** Neither a region nor an account: rows get no fallback region or account that are not theirs. */
    static final String STREAM_ARN = "arn:aws:firehose:local:local:deliverystream/apigw-insights-local";
    /**
     * A batch's estimated transformed size stays under this, so its response stays well under the
     * transformer's 6 MB budget (Firehose's processor buffer default, 1 MB of input, is about this).
     */
    static final int MAX_BATCH_WEIGHT = 2 * 1024 * 1024;
    /** What a response-budget failure says; such records are re-sent in a batch of their own. */
    private static final String OVER_BUDGET = "response size budget exceeded";
    /** The transformer keeps this many failure reasons per batch; batches never hold more records. */
    static final int MAX_BATCH_RECORDS = BatchSummary.MAX_FAILURES_KEPT;

    private static final JsonFactory JSON = LongStringJson.FACTORY;
    private static final byte[] REQUEST_ID_PREFIX = "{\"request_id\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REQUEST_TIME_KEY = "\"request_time\":\"".getBytes(StandardCharsets.US_ASCII);
    /** The columns the transformer writes before {@code request_time}, when present. */
    private static final byte[][] LEADING_IDS = {
        "\"request_id\":\"".getBytes(StandardCharsets.US_ASCII),
        "\"extended_request_id\":\"".getBytes(StandardCharsets.US_ASCII)};
    private static final byte[] LINE_HASH_FIELD = (",\"" + StoreSchema.LINE_HASH + "\":\"").getBytes(StandardCharsets.US_ASCII);

    private final FirehoseBatchTransformer transformer;
    private final Clock clock;
    private final ThreadLocal<Buffers> buffers = ThreadLocal.withInitial(Buffers::new);

    FirehoseSimulator(FirehoseBatchTransformer transformer, Clock clock) {
        this.transformer = transformer;
        this.clock = clock;
    }

    BatchOutcome process(List<SourceRecord> records) throws IOException {
        if (records.isEmpty()) {
            return new BatchOutcome();
        }
        Buffers buffers = this.buffers.get();
        Bytes event = event(records, buffers);
        ResponseBuffer response = buffers.response;
        response.reset();
        BatchSummary summary = transformer.transform(new ByteArrayInputStream(event.array(), 0, event.length()), response);
        byte[] responseBytes = response.bytes();
        // Ok data is base64 in the response: the rows take about three quarters of its size.
        BatchOutcome outcome = new BatchOutcome(response.size() / 4 * 3);
        Map<String, String> reasons = new HashMap<>();
        for (BatchSummary.RecordFailure f : summary.failures()) {
            reasons.put(f.recordId(), f.reason());
        }
        List<SourceRecord> retry = new ArrayList<>();
        List<ExactResponse.Result> exact = ExactResponse.read(responseBytes, response.size(), records.size());
        if (exact != null) {
            for (ExactResponse.Result r : exact) {
                ByteBuffer data = r.result() != FirehoseResult.Ok ? null : decode(responseBytes, r.dataFrom(), r.dataTo(), buffers);
                apply(r.index(), r.result(), data, r.day(), records, reasons, outcome, retry);
            }
        } else {
            readWithJackson(responseBytes, response.size(), records, reasons, outcome, retry, buffers);
        }
        if (!retry.isEmpty()) {
            outcome.append(process(retry));
        }
        return outcome;
    }

    /** Reads a response in any JSON layout, as Firehose would. */
    private void readWithJackson(byte[] responseBytes, int size, List<SourceRecord> records, Map<String, String> reasons,
                                 BatchOutcome outcome, List<SourceRecord> retry, Buffers buffers) throws IOException {
        try (JsonParser p = JSON.createParser(responseBytes, 0, size)) {
            expect(p.nextToken() == JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                JsonToken v = p.nextToken();
                if (!"records".equals(p.currentName()) || v != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    readResult(p, responseBytes, size, records, reasons, outcome, retry, buffers);
                }
            }
        }
    }

    /**
     * The transformed size a record is expected to produce: canonical lines run about twice the
     * size of a short raw line; gzip CloudWatch data inflates about ten times before that.
     */
    static int weight(SourceRecord r) {
        int n = r.data().length;
        return CloudWatchPayloads.isGzip(r.data()) ? n * 20 : n * 2;
    }

    /**
     * A worker's buffers, reused batch after batch: an event and a response are megabytes each, and
     * allocating them anew per batch costs copying as they grow, and G1 humongous regions.
     */
    private static final class Buffers {
        final Bytes event = new Bytes(64 * 1024);
        final ResponseBuffer response = new ResponseBuffer(64 * 1024);
        /** This JVM's fastest codec: the same one the transformer uses (see {@link Base64Codec}). */
        final Base64Codec base64 = new Base64Codec();
        /** One Ok record's data, decoded from the response. */
        final ByteArrayBuilder decoded = new ByteArrayBuilder(64 * 1024);
    }

    /** Decodes {@code response[from, to)} into the worker's buffer; the result wraps that buffer, valid until the next call. */
    private static ByteBuffer decode(byte[] response, int from, int to, Buffers buffers) throws IOException {
        ByteArrayBuilder out = buffers.decoded;
        out.setLength(0);
        expect(buffers.base64.decode(response, from, to, out));
        return ByteBuffer.wrap(out.array(), 0, out.length());
    }

    /** The transformation event Firehose would send for these records, in the worker's buffer. */
    private static Bytes event(List<SourceRecord> records, Buffers buffers) {
        int size = 256;
        for (SourceRecord r : records) {
            size += 80 + (r.data().length + 2) / 3 * 4;
        }
        Bytes b = buffers.event;
        b.setLength(0);
        b.ensure(size);
        b.appendAscii("{\"invocationId\":\"apigw-insights-local\",\"deliveryStreamArn\":\"" + STREAM_ARN
                + "\",\"region\":\"local\",\"records\":[");
        for (int i = 0; i < records.size(); i++) {
            SourceRecord r = records.get(i);
            b.appendAscii((i == 0 ? "" : ",") + "{\"recordId\":\"" + i + "\",\"approximateArrivalTimestamp\":" + r.arrivalMs()
                    + ",\"data\":\"");
            b.ensure(Base64Codec.encodedLength(r.data().length));
            b.setLength(b.length() + buffers.base64.encode(r.data(), 0, r.data().length, b.array(), b.length()));
            b.appendAscii("\"}");
        }
        b.appendAscii("]}");
        return b;
    }

    private void readResult(JsonParser p, byte[] response, int responseSize, List<SourceRecord> records, Map<String, String> reasons,
                            BatchOutcome outcome, List<SourceRecord> retry, Buffers buffers) throws IOException {
        String id = null;
        String result = null;
        ByteBuffer data = null;
        String partitionDay = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "recordId" -> id = p.getText();
                case "result" -> result = p.getText();
                case "data" -> data = v == JsonToken.VALUE_STRING ? decodeInPlace(p, response, responseSize, buffers) : null;
                case "metadata" -> partitionDay = partitionDay(p);
                default -> p.skipChildren();
            }
        }
        expect(id != null && result != null);
        apply(Integer.parseInt(id), result(result), data, partitionDay, records, reasons, outcome, retry);
    }

    /** Does what Firehose does with one result: rows, a Dropped count, a retry or an error document. */
    private void apply(int index, FirehoseResult result, ByteBuffer data, String partitionDay, List<SourceRecord> records,
                       Map<String, String> reasons, BatchOutcome outcome, List<SourceRecord> retry) throws IOException {
        SourceRecord record = records.get(index);
        outcome.records++;
        switch (result) {
            case Ok -> {
                outcome.ok++;
                rows(record, data, partitionDay, outcome);
            }
            case Dropped -> {
                outcome.dropped++;
                outcome.entriesDropped += Math.max(0, record.knownEntries());
            }
            case ProcessingFailed -> {
                String id = Integer.toString(index);
                String why = reasons.getOrDefault(id, "");
                if (why.startsWith(OVER_BUDGET) && records.size() > 1) {
                    outcome.records--;
                    retry.add(record); // the estimate was wrong: a smaller batch will fit it
                    return;
                }
                List<SourceRecord> parts = record.split();
                if (parts != null) {
                    outcome.records--;
                    retry.addAll(parts);
                    return;
                }
                outcome.failed++;
                outcome.entriesFailed += record.knownEntries() >= 0 ? record.knownEntries() : Math.max(1, record.entries().size());
                String reason = reasons.getOrDefault(id, "no reason given");
                outcome.reasons.merge(reason, 1, Integer::sum);
                long now = clock.millis();
                new ErrorDocument(1, record.arrivalMs(), ErrorDocument.PROCESSING_FAILED, reason, now, record.data(), null)
                        .writeLine(new BytesOutputStream(outcome.failures));
                outcome.endFailure(day(record.arrivalMs() > 0 ? record.arrivalMs() : now));
            }
        }
    }

    private static FirehoseResult result(String name) {
        for (FirehoseResult r : FirehoseResult.values()) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown Firehose result " + name);
    }

    /** Appends each canonical line of an Ok record, with its day, and a line hash where it has no request id. */
    private static void rows(SourceRecord record, ByteBuffer decoded, String partitionDay, BatchOutcome outcome) {
        byte[] data = decoded.array();
        int end = decoded.arrayOffset() + decoded.limit();
        List<String> entries = null;
        int lineCount = -1;
        int start = decoded.arrayOffset() + decoded.position();
        int index = 0;
        int newline;
        while ((newline = ByteArrays.indexOf(data, start, end, (byte) '\n')) >= 0) {
            int len = newline - start;
            String day = requestDay(data, start, len);
            if (ByteArrays.startsWith(data, start, len, REQUEST_ID_PREFIX)) {
                outcome.rows.append(data, start, len + 1);
            } else {
                if (entries == null) {
                    entries = record.entries();
                    lineCount = index + lines(data, start, end);
                }
                String entry = entries.size() == lineCount ? entries.get(index)
                        : new String(data, start, len, StandardCharsets.UTF_8);
                outcome.rows.append(data, start, len - 1);
                outcome.rows.append(LINE_HASH_FIELD);
                outcome.rows.appendAscii(EntryHash.of(entry) + "\"}\n");
            }
            outcome.endRow(day != null ? day : partitionDay);
            start = newline + 1;
            index++;
        }
    }

    /** The number of newline-terminated lines in {@code data[from, to)}. */
    private static int lines(byte[] data, int from, int to) {
        int n = 0;
        for (int i = from; (i = ByteArrays.indexOf(data, i, to, (byte) '\n')) >= 0; i++) {
            n++;
        }
        return n;
    }

    /**
     * Decodes a base64 string straight from the response bytes (the transformer writes base64
     * unescaped), without building a String of it; Jackson then only skips it. The result wraps
     * the worker's decode buffer.
     */
    private static ByteBuffer decodeInPlace(JsonParser p, byte[] response, int size, Buffers buffers) throws IOException {
        int from = (int) p.currentTokenLocation().getByteOffset() + 1;
        int to = ByteArrays.indexOf(response, from, size, (byte) '"');
        if (to < 0 || ByteArrays.indexOf(response, from, to, (byte) '\\') >= 0) {
            return ByteBuffer.wrap(Base64.getDecoder().decode(p.getText()));
        }
        return decode(response, from, to, buffers);
    }

    /** A response buffer whose bytes are read without a copy. */
    private static final class ResponseBuffer extends ByteArrayOutputStream {
        ResponseBuffer(int size) {
            super(size);
        }

        byte[] bytes() {
            return buf;
        }
    }

    /**
     * {@code yyyy-MM-dd} of the line's {@code request_time}, or null. The transformer writes columns
     * in schema order, so the time follows the request ids: those are skipped rather than searched.
     */
    static String requestDay(byte[] b, int off, int len) {
        int end = off + len;
        int i = off + 1;
        for (byte[] key : LEADING_IDS) {
            if (ByteArrays.startsWith(b, i, end - i, key)) {
                i += key.length;
                while (i < end && b[i] != '"') {
                    i += b[i] == '\\' ? 2 : 1;
                }
                i += 2; // the closing quote and the comma
            }
        }
        if (ByteArrays.startsWith(b, i, end - i, REQUEST_TIME_KEY) && i + REQUEST_TIME_KEY.length + 10 <= end) {
            return new String(b, i + REQUEST_TIME_KEY.length, 10, StandardCharsets.US_ASCII);
        }
        return null;
    }

    private static String partitionDay(JsonParser p) throws IOException {
        String year = null;
        String month = null;
        String day = null;
        int depth = 1;
        while (depth > 0) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                depth++;
            } else if (t == JsonToken.END_OBJECT) {
                depth--;
            } else if (t == JsonToken.VALUE_STRING) {
                switch (p.currentName()) {
                    case "year" -> year = p.getText();
                    case "month" -> month = p.getText();
                    case "day" -> day = p.getText();
                    default -> { }
                }
            }
        }
        return year == null || month == null || day == null ? null : year + "-" + month + "-" + day;
    }

    static String day(long epochMs) {
        return Instant.ofEpochMilli(epochMs).atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static void expect(boolean ok) throws IOException {
        if (!ok) {
            throw new IOException("the transformer's response broke the Firehose contract");
        }
    }

    /** Lets {@link ErrorDocument#writeLine} write into a {@link Bytes}. */
    private static final class BytesOutputStream extends OutputStream {
        private final Bytes bytes;

        BytesOutputStream(Bytes bytes) {
            this.bytes = bytes;
        }

        @Override
        public void write(int b) {
            bytes.append((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.append(b, off, len);
        }
    }
}
