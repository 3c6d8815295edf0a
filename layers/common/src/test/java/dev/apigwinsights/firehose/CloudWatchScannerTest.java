package dev.apigwinsights.firehose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigwinsights.enrich.Enricher;
import dev.apigwinsights.eventkit.FirehoseEventBuilder;
import dev.apigwinsights.eventkit.Fixtures;
import dev.apigwinsights.geo.ClientCountries;
import dev.apigwinsights.parse.AccessLogParseException;
import dev.apigwinsights.parse.AccessLogParser;
import dev.apigwinsights.parse.RawAccessLog;
import dev.apigwinsights.pipeline.AccessLogPipeline;
import dev.apigwinsights.pipeline.PipelineConfig;
import dev.apigwinsights.schema.RequestTimeWindow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The byte path for CloudWatch Logs payloads ({@link CloudWatchEnvelopeScanner}) must read every
 * payload exactly as the general path ({@link CloudWatchEnvelopeReader}, Jackson) does, or give up
 * and let it decide: same outcome and reason, same rows byte for byte, same count of log events, same
 * partition time. Checked on the fixtures, on envelopes of every fixture's lines, across every window
 * boundary, and on thousands of mutated envelopes, plain and gzip, with budgets that stop a record
 * part of the way.
 */
class CloudWatchScannerTest {
    /** What each path handed the line parsers, in order: the entries exactly as text. */
    private static final List<String> ENTRIES = new ArrayList<>();
    private static final AccessLogPipeline PIPELINE = new AccessLogPipeline(recording(PipelineConfig.parserFor(null)),
            PipelineConfig.derivations(ClientCountries.DISABLED), Enricher.NONE, TransformerRun.CLOCK);
    private static final FirehoseEvent.Origin BATCH = FirehoseEvent.Origin.of("us-east-1", TransformerRun.STREAM);
    private static final long ARRIVAL = 1_706_770_070_000L;
    private static final long NO_LIMIT = Long.MAX_VALUE / 4;

    /** What reading one payload gave: the outcome (or failure and its reason), the rows, the entries, the partition time. */
    private record Read(String outcome, String rows, int entries, long partitionTime, List<String> parsed) {
    }

    private static AccessLogParser recording(AccessLogParser parser) {
        return new AccessLogParser() {
            @Override
            public void parse(String line, RawAccessLog out) throws AccessLogParseException {
                ENTRIES.add(line);
                parser.parse(line, out);
            }

            @Override
            public void parse(byte[] utf8, int offset, int length, RawAccessLog out) throws AccessLogParseException {
                ENTRIES.add(new String(utf8, offset, length, StandardCharsets.UTF_8));
                parser.parse(utf8, offset, length, out);
            }
        };
    }

    private static RecordContext context(long maxData) {
        ENTRIES.clear();
        RecordContext ctx = new RecordContext(PIPELINE, new BatchWorkBudget(NO_LIMIT, 3_600_000, TransformerRun.CLOCK),
                new RequestTimeWindow(TransformerRun.CLOCK), BATCH, new BatchBuffers());
        ctx.start(ARRIVAL, maxData);
        return ctx;
    }

    private static Read read(RecordContext ctx, RecordOutcome outcome) {
        return new Read(outcome.result() + " " + outcome.reason(), rows(ctx), ctx.entries(), ctx.partitionTimeMs(), List.copyOf(ENTRIES));
    }

    private static Read failed(RecordContext ctx, RecordFailedException e) {
        // a line parser's failure names an offset in chars on the general path and in bytes on this one
        String reason = e.getMessage().replaceAll("offset \\d+", "offset N");
        return new Read("failed " + e.kind() + " " + reason, rows(ctx), ctx.entries(), ctx.partitionTimeMs(), List.copyOf(ENTRIES));
    }

    private static String rows(RecordContext ctx) {
        return new String(ctx.data().array(), 0, ctx.data().length(), StandardCharsets.UTF_8);
    }

    /** The general path, Jackson. */
    private static Read general(byte[] payload, boolean gzip, long maxData) {
        RecordContext ctx = context(maxData);
        try {
            return read(ctx, CloudWatchEnvelopeReader.read(source(payload, gzip), ctx));
        } catch (RecordFailedException e) {
            return failed(ctx, e);
        }
    }

    /** The byte path alone, reading {@code window} bytes at a time; empty when it leaves the payload to the general path. */
    private static Optional<Read> bytePath(byte[] payload, boolean gzip, int window, long maxData) {
        RecordContext ctx = context(maxData);
        try (InputStream in = source(payload, gzip).open()) {
            CloudWatchPayload p = gzip ? CloudWatchPayload.streamed(in, new byte[window], ctx.work())
                    : CloudWatchPayload.of(payload, payload.length, window, ctx.work());
            return Optional.of(read(ctx, CloudWatchEnvelopeScanner.scan(p, ctx)));
        } catch (CloudWatchEnvelopeScanner.Unsure e) {
            return Optional.empty();
        } catch (RecordFailedException e) {
            return Optional.of(failed(ctx, e));
        } catch (CloudWatchPayload.Stopped e) {
            return Optional.of(failed(ctx, e.failure()));
        } catch (IOException e) {
            return Optional.of(failed(ctx, CloudWatchEnvelopeReader.corrupt(e)));
        }
    }

    private static CloudWatchEnvelopeReader.Source source(byte[] payload, boolean gzip) {
        return gzip ? () -> new GzipMembers(payload, payload.length) : () -> new ByteArrayInputStream(payload);
    }

    /** True when the byte path read the payload (as the general path does); false when it left it to the general path. */
    private static boolean agrees(byte[] json, boolean gzip, int window, long maxData) {
        byte[] payload = gzip ? FirehoseEventBuilder.gzip(json) : json;
        Optional<Read> fast = bytePath(payload, gzip, window, maxData);
        fast.ifPresent(r -> assertThat(r).as(new String(json, StandardCharsets.UTF_8)).isEqualTo(general(payload, gzip, maxData)));
        return fast.isPresent();
    }

    // ---- payloads --------------------------------------------------------------------------------

    /** The CloudWatch records of the shipped fixtures, gunzipped. */
    private static List<byte[]> fixtureEnvelopes() throws IOException {
        List<byte[]> envelopes = new ArrayList<>();
        for (String f : List.of("firehose-cloudwatch-http.json", "firehose-cloudwatch-websocket.json", "firehose-cloudwatch-control.json")) {
            for (JsonNode r : TransformerRun.MAPPER.readTree(Fixtures.bytes(f)).get("records")) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(r.get("data").asText())))) {
                    envelopes.add(in.readAllBytes());
                }
            }
        }
        return envelopes;
    }

    /**
     * One envelope per line fixture, every line a log event: JSON of every shape we know, CLF, broken
     * JSON, garbage; as CloudWatch Logs writes it and as the stack's decompressing stream hands it over.
     */
    private static List<byte[]> lineEnvelopes() {
        List<byte[]> envelopes = new ArrayList<>();
        for (String f : List.of("rest-reference-sample.jsonl", "rest-sumo.jsonl", "rest-elastic.jsonl", "rest-console-json.jsonl",
                "http-dynatrace.jsonl", "websocket.jsonl", "broken-json.jsonl", "broken-json-unrepairable.jsonl", "rest-clf.log",
                "garbage.txt")) {
            envelopes.add(FirehoseEventBuilder.envelope("DATA_MESSAGE", "/aws/apigateway/" + f, "s-" + f, Fixtures.lines(f), ARRIVAL));
            envelopes.add(FirehoseEventBuilder.decompressedEnvelope("/aws/apigateway/" + f, "s-" + f, Fixtures.lines(f), ARRIVAL));
        }
        return envelopes;
    }

    private static List<byte[]> allEnvelopes() throws IOException {
        List<byte[]> all = new ArrayList<>(fixtureEnvelopes());
        all.addAll(lineEnvelopes());
        return all;
    }

    // ---- tests -----------------------------------------------------------------------------------

    @Test
    void readsEveryFixtureEnvelopeItselfExactlyAsTheGeneralPath() throws IOException {
        for (byte[] envelope : allEnvelopes()) {
            for (boolean gzip : new boolean[] {false, true}) {
                assertThat(agrees(envelope, gzip, CloudWatchPayload.WINDOW, NO_LIMIT))
                        .as("read by the byte path: %s", new String(envelope, 0, 120, StandardCharsets.UTF_8)).isTrue();
            }
        }
    }

    @Test
    void readsTheSameWhereverTheWindowBoundariesFall() throws IOException {
        for (byte[] envelope : allEnvelopes()) {
            for (int window = 1; window <= 9; window++) {
                assertThat(agrees(envelope, false, window, NO_LIMIT)).isTrue();
                assertThat(agrees(envelope, true, window, NO_LIMIT)).isTrue();
            }
        }
    }

    @Test
    void stopsAtTheSameEventWhenTheOutputStopsFitting() throws IOException {
        for (byte[] envelope : lineEnvelopes()) {
            for (long maxData : new long[] {0, 1, 500, 3_000}) {
                assertThat(agrees(envelope, false, CloudWatchPayload.WINDOW, maxData)).isTrue();
            }
        }
    }

    @Test
    void readsEnvelopesBackToBackAndAnEmptyPayload() throws IOException {
        List<byte[]> envelopes = allEnvelopes();
        ByteArrayOutputStream two = new ByteArrayOutputStream();
        two.writeBytes(envelopes.get(0));
        two.writeBytes(" \n".getBytes(StandardCharsets.US_ASCII));
        two.writeBytes(envelopes.get(envelopes.size() - 1));
        two.writeBytes(envelopes.get(2));
        assertThat(agrees(two.toByteArray(), false, 7, NO_LIMIT)).isTrue();
        assertThat(agrees(" \n\t".getBytes(StandardCharsets.US_ASCII), false, 7, NO_LIMIT)).isTrue();
    }

    @Test
    void leavesWhatOnlyTheGeneralPathReadsExactlyToIt() {
        String line = "{\\\"requestId\\\":\\\"r\\\",\\\"requestTime\\\":\\\"01/Feb/2024:06:47:49 +0000\\\",\\\"status\\\":\\\"200\\\"";
        for (String odd : List.of(
                "\\\"ua\\\":\\\"\\ud800\\\"}",                 // an escaped lone surrogate
                "\\\"ua\\\":\\\"\u0001\\\"}",                  // a raw control character
                "\\\"ua\\\":\\\"\\x\\\"}")) {                  // an escape JSON does not have
            String envelope = "{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"1\",\"logGroup\":\"g\",\"logStream\":\"s\",\"logEvents\":["
                    + "{\"id\":\"1\",\"timestamp\":1706770070000,\"message\":\"" + line + "," + odd + "\"}]}";
            byte[] json = envelope.getBytes(StandardCharsets.UTF_8);
            assertThat(bytePath(json, false, CloudWatchPayload.WINDOW, NO_LIMIT)).as(envelope).isEmpty();
            RecordContext ctx = context(NO_LIMIT);
            Read whole;
            try {
                whole = read(ctx, CloudWatchEnvelopeScanner.read(CloudWatchPayload.of(json, json.length, ctx.work()), source(json, false), ctx));
            } catch (RecordFailedException e) {
                whole = failed(ctx, e);
            }
            assertThat(whole).as("read again from the start by the general path").isEqualTo(general(json, false, NO_LIMIT));
        }
    }

    @Test
    void agreesWithTheGeneralPathOnMutatedEnvelopes() throws IOException {
        SplittableRandom random = new SplittableRandom(8);
        List<byte[]> seeds = allEnvelopes();
        int readHere = 0;
        int cases = 6_000;
        for (int i = 0; i < cases; i++) {
            byte[] json = mutate(seeds.get(random.nextInt(seeds.size())), random);
            boolean gzip = random.nextInt(5) == 0;
            int window = random.nextBoolean() ? CloudWatchPayload.WINDOW : 1 + random.nextInt(64);
            long maxData = random.nextInt(4) == 0 ? random.nextInt(5_000) : NO_LIMIT;
            readHere += agrees(json, gzip, window, maxData) ? 1 : 0;
        }
        // Most mutations keep the payload within what the byte path reads; the rest are the general path's.
        assertThat(readHere).as("payloads the byte path read itself").isGreaterThan(cases / 3);
    }

    private static final String[] EDITS = {"{", "}", "[", "]", "\"", ":", ",", "\\", "\\\"", "\\\\", "\\n", "\\t", "\\/", "\\b", "\\f", "\\r", "\\u0041",
        "\\u00e9", "\\u65e5", "\\ud83d\\ude00", "\\ud83d", "\\ude00", "\\u12", "\\x", " ", "\n", "\t", "\r", "0", "1", "-", "01", "1.5",
        "1e3", "true", "fals", "null", "nul", "\u00e9", "\ud83d\ude00", "\u0001", "\u007f", "\u2003", "\ufeff", "message", "timestamp",
        "logEvents", "messageType", "\"message\":", "\"timestamp\":1706770071000,", "\"timestamp\":", "\"logEvents\":[],",
        "\"message\":null,", "\"message\":\"\",", "\"message\":{\"a\":[1,2]},", "\"owner\":99,", "\"logGroup\":[1,{}],",
        "\"messageType\":\"CONTROL_MESSAGE\",", "{\"message\":\"x\"},", "[[[[[[[[", "]]]]]]]]"};
    private static final byte[][] RAW = {{(byte) 0x80}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82}, {0}};

    /** Rewrites that keep the payload JSON, or nearly, where the two paths could most easily differ. */
    private static final String[][] REWRITES = {
        {"\"message\":", "\"message\":\"{\\\"status\\\":\\\"500\\\"}\",\"message\":"},
        {"\"message\":", "\"message\":null,\"message\":"},
        {"\"message\":", "\"message\":[\"x\"],\"message\":"},
        {",\"message\":\"", ",\"message\":\"\\ufeff \\u2003\\t"},
        {",\"message\":\"", ",\"message\":\"\ufeff\u3000"},
        {",\"message\":\"", ",\"message\":\"\u00a0"},
        {"\"}", " \\u0085\\u2028\\r\\n\"}"},
        {"\"}", "\u2003\"}"},
        {"\"timestamp\":", "\"timestamp\":1706770071000,\"timestamp\":"},
        {"\"timestamp\":", "\"timestamp\":\"1706770071000\",\"x\":"},
        {"\"timestamp\":1", "\"timestamp\":-1"},
        {"\"timestamp\":1", "\"timestamp\":12345678901234567891"},
        {"\"timestamp\":1", "\"timestamp\":0"},
        {"\"timestamp\":1", "\"timestamp\":1.5e3,\"y\":1"},
        {"\\\"", "\\u0022"},
        {"/", "\\/"},
        {"\"logGroup\":", "\"logGroup\":\"first\",\"logGroup\":"},
        {"\"owner\":", "\"owner\":null,\"owner\":"},
        {"\"messageType\":\"DATA_MESSAGE\"", "\"messageType\":true"},
        {"\"messageType\":\"DATA_MESSAGE\"", "\"messageType\":\"CONTROL_MESSAGE\""},
        {"\"logEvents\":[", "\"logEvents\":[],\"logEvents\":["},
        {"\"subscriptionFilters\":", "\"mess\\u0061ge\":{\"a\":[true,false,null,-0,{}]},\"subscriptionFilters\":"},
        {",", " ,\n\t"},
        {":", " : "},
        {"{", "{\r\n  "},
    };

    /** Up to three edits: a rewrite, a token or odd bytes inserted or written over, or a few bytes deleted. */
    private static byte[] mutate(byte[] seed, SplittableRandom random) {
        if (random.nextInt(3) == 0) {
            String[] rewrite = REWRITES[random.nextInt(REWRITES.length)];
            String text = new String(seed, StandardCharsets.UTF_8);
            int at = text.indexOf(rewrite[0], random.nextInt(Math.max(1, text.length() / 2)));
            if (at >= 0) {
                String once = text.substring(0, at) + rewrite[1] + text.substring(at + rewrite[0].length());
                String all = text.replace(rewrite[0], rewrite[1]);
                return (random.nextBoolean() ? once : all).getBytes(StandardCharsets.UTF_8);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = seed;
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(b.length + 1);
            byte[] piece = random.nextInt(8) == 0 ? RAW[random.nextInt(RAW.length)]
                    : EDITS[random.nextInt(EDITS.length)].getBytes(StandardCharsets.UTF_8);
            int removed = switch (random.nextInt(3)) {
                case 0 -> 0;
                case 1 -> Math.min(b.length - at, piece.length);
                default -> Math.min(b.length - at, 1 + random.nextInt(4));
            };
            if (removed > 0 && random.nextBoolean()) {
                piece = new byte[0];
            }
            out.reset();
            out.write(b, 0, at);
            out.writeBytes(piece);
            out.write(b, at + removed, b.length - at - removed);
            b = out.toByteArray();
        }
        return b;
    }
}
