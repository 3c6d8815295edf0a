package dev.apigwinsights.firehose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigwinsights.enrich.Enricher;
import dev.apigwinsights.eventkit.FirehoseEventBuilder;
import dev.apigwinsights.pipeline.PipelineConfig;
import dev.apigwinsights.eventkit.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FirehoseBatchTransformerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final FirehoseBatchTransformer transformer =
            new FirehoseBatchTransformer(PipelineConfig.pipeline(null, Enricher.NONE, Clock.systemUTC()));

    private record Run(JsonNode response, BatchSummary summary, int responseBytes) {
        JsonNode record(int i) {
            return response.get("records").get(i);
        }

        List<String> lines(int i) {
            String data = new String(Base64.getDecoder().decode(record(i).get("data").asText()), StandardCharsets.UTF_8);
            return data.isEmpty() ? List.of() : List.of(data.split("\n"));
        }

        JsonNode line(int record, int line) throws IOException {
            return MAPPER.readTree(lines(record).get(line));
        }
    }

    private Run run(FirehoseBatchTransformer t, byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BatchSummary s = t.transform(new ByteArrayInputStream(event), out);
        return new Run(MAPPER.readTree(out.toByteArray()), s, out.size());
    }

    private Run run(String fixture) throws IOException {
        return run(transformer, Fixtures.bytes(fixture));
    }

    private static List<String> inputIds(byte[] event) throws IOException {
        List<String> ids = new ArrayList<>();
        MAPPER.readTree(event).get("records").forEach(r -> ids.add(r.get("recordId").asText()));
        return ids;
    }

    private static List<String> outputIds(Run run) {
        List<String> ids = new ArrayList<>();
        run.response().get("records").forEach(r -> ids.add(r.get("recordId").asText()));
        return ids;
    }

    @Test
    void transformsEveryRestRecordAndEchoesRecordIdsInOrder() throws IOException {
        Run run = run("firehose-direct-rest.json");
        assertThat(outputIds(run)).isEqualTo(inputIds(Fixtures.bytes("firehose-direct-rest.json")));
        assertThat(run.summary().ok()).isEqualTo(run.summary().recordsIn()).isEqualTo(14);
        JsonNode first = run.line(0, 0);
        assertThat(first.get("api_id").asText()).isEqualTo("a1b2c3d4e5");
        assertThat(first.get("status").asInt()).isEqualTo(200);
        assertThat(first.get("api_key_id").asText()).isEqualTo("k1acme0001");
        assertThat(first.get("source_kind").asText()).isEqualTo("DIRECT");
        assertThat(first.get("request_time").asText()).isEqualTo("2024-02-01T06:47:01.000Z");
        assertThat(run.record(0).get("result").asText()).isEqualTo("Ok");
    }

    @Test
    void partitionsByRequestTimeInUtcNotByArrival() throws IOException {
        Run run = run("firehose-direct-rest.json");
        // console-format line logged at 23:59:50 -08:00 on 29 Feb 2024: that is 1 March in UTC
        JsonNode keys = run.record(12).get("metadata").get("partitionKeys");
        assertThat(keys.get("year").asText()).isEqualTo("2024");
        assertThat(keys.get("month").asText()).isEqualTo("03");
        assertThat(keys.get("day").asText()).isEqualTo("01");
        assertThat(run.line(12, 0).get("request_time").asText()).isEqualTo("2024-03-01T07:59:50.000Z");
        JsonNode sumoKeys = run.record(8).get("metadata").get("partitionKeys");
        assertThat(sumoKeys.get("month").asText() + sumoKeys.get("day").asText()).isEqualTo("0201");
    }

    @Test
    void joinsEveryLogEventOfACloudWatchRecordAndDropsControlMessages() throws IOException {
        Run run = run("firehose-cloudwatch-http.json");
        assertThat(run.summary().recordsIn()).isEqualTo(3);
        assertThat(run.record(0).get("result").asText()).isEqualTo("Ok");
        assertThat(run.lines(0)).hasSize(6);
        assertThat(run.lines(1)).hasSize(6);
        JsonNode line = run.line(1, 5);
        assertThat(line.get("source_kind").asText()).isEqualTo("CLOUDWATCH");
        assertThat(line.get("log_group").asText()).isEqualTo("/aws/apigateway/http-api-access-logs");
        assertThat(line.get("route_key").asText()).isIn("ANY /", "GET /getStuff");
        assertThat(run.record(2).get("result").asText()).isEqualTo("Dropped");
        assertThat(run.summary().logEvents()).isEqualTo(12);
    }

    @Test
    void readsWebSocketEvents() throws IOException {
        Run run = run("firehose-direct-websocket.json");
        assertThat(run.summary().ok()).isEqualTo(5);
        JsonNode message = run.line(1, 0);
        assertThat(message.get("event_type").asText()).isEqualTo("MESSAGE");
        assertThat(message.get("connection_id").asText()).isEqualTo("L0SM9cOFvHcCIhw=");
        assertThat(message.get("connected_at").asLong()).isEqualTo(1717300000000L);
        assertThat(message.has("user_agent")).isFalse();
    }

    @Test
    void failsBadRecordsAloneWithAReasonAndTheirOriginalData() throws IOException {
        byte[] event = Fixtures.bytes("firehose-garbage.json");
        Run run = run(transformer, event);
        JsonNode input = MAPPER.readTree(event).get("records");
        assertThat(outputIds(run)).isEqualTo(inputIds(event));
        for (int i = 0; i < 4; i++) {
            assertThat(run.record(i).get("result").asText()).as("record %d", i).isEqualTo("ProcessingFailed");
            assertThat(run.record(i).get("data").asText()).isEqualTo(input.get(i).get("data").asText());
        }
        assertThat(run.record(4).get("result").asText()).as("empty record").isEqualTo("Dropped");
        assertThat(run.summary().failures()).extracting(BatchSummary.RecordFailure::reason)
                .anyMatch(r -> r.contains("base64"))
                .anyMatch(r -> r.contains("gzip"))
                .allMatch(r -> !r.contains("this is not an access log"));
    }

    @Test
    void repairsBrokenJsonAndFailsOnlyTheUnrepairableRecords() throws IOException {
        Run run = run("firehose-broken-json.json");
        assertThat(run.summary().ok()).isEqualTo(3);
        assertThat(run.summary().processingFailed()).isEqualTo(2);
        assertThat(run.line(1, 0).get("integration_error").asText()).startsWith("{\"errorMessage\":\"boom\"");
    }

    @Test
    void recognisesConsolePresetLinesWithoutBeingToldTheFormat() throws IOException {
        Run run = run("firehose-clf.json");
        assertThat(run.summary().ok()).isEqualTo(3);
        assertThat(run.line(0, 0).get("resource_path").asText()).isEqualTo("/pets");
        assertThat(run.line(1, 0).get("caller").asText()).isEqualTo("arn:aws:iam::123456789012:user/alice");
        assertThat(run.line(2, 0).get("route_key").asText()).isEqualTo("GET /pets/{petId}");
        assertThat(run.line(2, 0).get("api_type").asText()).isEqualTo("HTTP");
    }

    @Test
    void recognisesTheServerlessFrameworksDefaultFormatWithoutBeingToldIt() throws IOException {
        FirehoseEventBuilder b = new FirehoseEventBuilder("arn:aws:firehose:us-east-1:123456789012:deliverystream/s", 1L);
        b.direct("requestId: 5e1f, ip: 203.0.113.5, caller: -, user: -, requestTime: 01/Feb/2024:06:47:49 +0000, httpMethod: GET,"
                + " resourcePath: /pets/{id}, status: 404, protocol: HTTP/1.1, responseLength: 12");
        Run run = run(transformer, b.toJson().getBytes(StandardCharsets.UTF_8));
        assertThat(run.record(0).get("result").asText()).isEqualTo("Ok");
        JsonNode line = run.line(0, 0);
        assertThat(line.get("request_id").asText()).isEqualTo("5e1f");
        assertThat(line.get("status").asInt()).isEqualTo(404);
        assertThat(line.get("resource_path").asText()).isEqualTo("/pets/{id}");
        assertThat(line.get("request_time").asText()).isEqualTo("2024-02-01T06:47:49.000Z");
        assertThat(line.get("api_type").asText()).isEqualTo("REST");
    }

    @Test
    void parsesACustomLayoutWithTheStagesOwnFormatString() throws IOException {
        String format = "$context.requestId|$context.requestTimeEpoch|$context.httpMethod $context.path|$context.status"
                + "|$context.identity.userAgent|$context.integrationErrorMessage|$context.identity.apiKey";
        FirehoseBatchTransformer custom = new FirehoseBatchTransformer(
                PipelineConfig.pipeline(format, Enricher.NONE, Clock.systemUTC()));
        FirehoseEventBuilder b = new FirehoseEventBuilder("arn:aws:firehose:us-east-1:123456789012:deliverystream/s", 1L);
        b.direct("r-1|1706770069673|GET /a b|200|Agent | with pipes|-|SECRET-KEY-VALUE");
        b.direct("not|the|format");
        Run run = run(custom, b.toJson().getBytes(StandardCharsets.UTF_8));
        assertThat(run.record(0).get("result").asText()).isEqualTo("Ok");
        JsonNode line = run.line(0, 0);
        assertThat(line.get("path").asText()).isEqualTo("/a b");
        assertThat(line.get("status").asInt()).isEqualTo(200);
        assertThat(line.get("request_time").asText()).isEqualTo("2024-02-01T06:47:49.673Z");
        assertThat(line.toString()).doesNotContain("SECRET-KEY-VALUE");
        assertThat(run.record(1).get("result").asText()).isEqualTo("ProcessingFailed");
    }

    @Test
    void refusesAnUnusableFormatStringAtStartupRatherThanFailingEveryRecord() {
        assertThatThrownBy(() -> PipelineConfig.pipeline("no variables here", Enricher.NONE, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fallsBackToTheStreamsRegionAndAccountWhenTheFormatLogsNeither() throws IOException {
        Run direct = run("firehose-direct-rest.json");
        JsonNode console = direct.line(12, 0); // console default format: no domainName, no accountId
        assertThat(console.get("region").asText()).isEqualTo("us-east-1");
        assertThat(console.get("account_id").asText()).isEqualTo("123456789012");
        JsonNode sumo = direct.line(8, 0); // its own domain name says eu-north-1: the log wins
        assertThat(sumo.get("region").asText()).isEqualTo("eu-north-1");

        Run cloudwatch = run("firehose-cloudwatch-http.json");
        assertThat(cloudwatch.line(0, 0).get("region").asText()).isEqualTo("us-east-1");
        assertThat(cloudwatch.line(0, 0).get("account_id").asText()).isEqualTo("123456789012");
    }

    @Test
    void failsJsonThatHoldsNoAccessLogFieldAndSaysWhatToDo() throws IOException {
        FirehoseEventBuilder b = new FirehoseEventBuilder("arn:aws:firehose:us-east-1:123456789012:deliverystream/s", 1L);
        b.direct("{\"level\":\"INFO\",\"msg\":\"application started\"}");
        b.direct("{\"requestId\":\"-\",\"status\":\"-\"}");
        // an application's own JSON log (Lambda Powertools): its message alone would be a row counted as a request
        b.direct("{\"level\":\"INFO\",\"location\":\"handler:12\",\"message\":\"processing order 42\","
                + "\"timestamp\":\"2024-03-04 12:00:00,123+0000\",\"service\":\"orders\",\"xray_trace_id\":\"1-abc\"}");
        b.direct("{\"requestTime\":\"04/Mar/2024:12:00:00 +0000\",\"errorMessage\":\"boom\"}");
        b.direct("{\"requestId\":\"r-1\",\"requestTime\":\"04/Mar/2024:12:00:00 +0000\",\"errorMessage\":\"boom\"}");
        Run run = run(transformer, b.toJson().getBytes(StandardCharsets.UTF_8));
        assertThat(run.summary().processingFailed()).isEqualTo(4);
        assertThat(run.summary().failures()).allSatisfy(f -> assertThat(f.reason()).contains("set LOG_FORMAT"));
        assertThat(run.summary().ok()).as("a request id is enough").isEqualTo(1);
        assertThat(run.line(4, 0).get("error_message").asText()).isEqualTo("boom");
    }

    @Test
    void keepsRowsWhenEnrichmentOrDerivationThrows() throws IOException {
        Enricher broken = record -> {
            throw new IllegalStateException("boom");
        };
        FirehoseBatchTransformer t = new FirehoseBatchTransformer(new dev.apigwinsights.pipeline.AccessLogPipeline(
                PipelineConfig.parserFor(null), record -> {
                    throw new IllegalArgumentException("derive bug");
                }, broken, Clock.systemUTC()));
        Run run = run(t, Fixtures.bytes("firehose-direct-rest.json"));
        assertThat(run.summary().ok()).isEqualTo(14);
        assertThat(run.line(0, 0).get("enrichment_status").asText()).isEqualTo("UNAVAILABLE");
        assertThat(run.line(0, 0).get("request_id").asText()).isNotEmpty();
    }

    @Test
    void readsAPayloadThatStartsWithAByteOrderMark() throws IOException {
        FirehoseEventBuilder b = new FirehoseEventBuilder("arn:aws:firehose:us-east-1:123456789012:deliverystream/s", 1L);
        b.direct("\uFEFF" + Fixtures.lines("rest-sumo.jsonl").get(0));
        b.direct("\uFEFF" + Fixtures.lines("rest-clf.log").get(1) + "\n" + Fixtures.lines("rest-clf.log").get(2));
        Run run = run(transformer, b.toJson().getBytes(StandardCharsets.UTF_8));
        assertThat(run.summary().ok()).isEqualTo(2);
        assertThat(run.lines(1)).hasSize(2);
    }

    @Test
    void keepsACloudWatchEventWholeEvenWhenAValueHoldsANewline() throws IOException {
        String json = "{\"requestId\":\"r-nl\",\"requestTime\":\"04/Mar/2024:12:00:00 +0000\",\"errorMessage\":\"two\nlines\"}";
        FirehoseEventBuilder b = new FirehoseEventBuilder("arn:aws:firehose:us-east-1:123456789012:deliverystream/s", 1L);
        b.cloudWatch("/g", "s", List.of(json), 1_700_000_000_000L);
        Run run = run(transformer, b.toJson().getBytes(StandardCharsets.UTF_8));
        assertThat(run.lines(0)).hasSize(1);
        assertThat(run.line(0, 0).get("error_message").asText()).isEqualTo("two\nlines");
    }

    @Test
    void failsAWholeCloudWatchRecordWhenOneOfItsEventsCannotBeParsed() throws IOException {
        FirehoseEventBuilder b = new FirehoseEventBuilder("arn:aws:firehose:us-east-1:123456789012:deliverystream/s", 1L);
        List<String> events = new ArrayList<>(Fixtures.lines("http-dynatrace.jsonl").subList(0, 3));
        events.add("{\"requestId\":\"x\",\"status\":\"200");
        b.cloudWatch("/g", "s", events, 1_700_000_000_000L);
        Run run = run(transformer, b.toJson().getBytes(StandardCharsets.UTF_8));
        assertThat(run.record(0).get("result").asText()).isEqualTo("ProcessingFailed");
        assertThat(run.summary().failures().get(0).reason()).startsWith("log event 4:");
    }

    @Test
    void neverAnswersMoreThanTheResponseLimitEvenWhenCloudWatchDataInflates() throws IOException {
        // ~3 MB of gzip that inflates ~20x: the worst case the 3 MB processor buffer allows.
        FirehoseEventBuilder b = new FirehoseEventBuilder("arn:aws:firehose:us-east-1:123456789012:deliverystream/s", 1L);
        List<String> lines = Fixtures.lines("rest-reference-sample.jsonl");
        int inputBytes = 0;
        int n = 0;
        while (inputBytes < 3_000_000) {
            List<String> events = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                events.add(lines.get((n + i) % lines.size()).replace("c0ffee00", String.format("%08x", n * 1000 + i)));
            }
            n++;
            b.cloudWatch("/aws/apigateway/big", "s", events, 1_700_000_000_000L);
            inputBytes = b.toJson().length();
        }
        byte[] event = b.toJson().getBytes(StandardCharsets.UTF_8);
        Run run = run(transformer, event);
        assertThat(run.responseBytes()).isLessThanOrEqualTo((int) FirehoseBatchTransformer.DEFAULT_RESPONSE_BUDGET);
        assertThat(outputIds(run)).isEqualTo(inputIds(event));
        assertThat(run.summary().ok()).isPositive();
        assertThat(run.summary().overBudget()).isPositive();
        assertThat(run.summary().failures()).extracting(BatchSummary.RecordFailure::reason)
                .contains("response size budget exceeded: re-send it with apigw-insights replay (it splits large records)");
    }

    @Test
    void aThreeMegabyteDirectBatchFitsWhole() throws IOException {
        FirehoseEventBuilder b = new FirehoseEventBuilder("arn:aws:firehose:us-east-1:123456789012:deliverystream/s", 1L);
        List<String> lines = Fixtures.lines("rest-reference-sample.jsonl");
        int raw = 0;
        for (int i = 0; raw < 3_000_000; i++) {
            String line = lines.get(i % lines.size());
            b.direct(line);
            raw += line.length();
        }
        Run run = run(transformer, b.toJson().getBytes(StandardCharsets.UTF_8));
        assertThat(run.summary().ok()).isEqualTo(b.size());
        assertThat(run.responseBytes()).isLessThan(6_000_000);
    }

    @Test
    void everyMutatedRecordGetsExactlyOneResultAndNothingThrows() throws IOException {
        SplittableRandom random = new SplittableRandom(20261121);
        List<byte[]> seeds = new ArrayList<>();
        for (String f : List.of("firehose-direct-rest.json", "firehose-cloudwatch-http.json", "firehose-direct-websocket.json",
                "firehose-broken-json.json", "firehose-clf.json", "firehose-pretty-json.json")) {
            MAPPER.readTree(Fixtures.bytes(f)).get("records")
                    .forEach(r -> seeds.add(Base64.getDecoder().decode(r.get("data").asText())));
        }
        FirehoseEventBuilder b = new FirehoseEventBuilder("arn:aws:firehose:us-east-1:123456789012:deliverystream/s", 1L);
        for (int i = 0; i < 3000; i++) {
            byte[] data = seeds.get(random.nextInt(seeds.size())).clone();
            switch (random.nextInt(6)) {
                case 0 -> {
                    if (data.length > 0) {
                        data[random.nextInt(data.length)] = (byte) random.nextInt(256);
                    }
                }
                case 1 -> data = java.util.Arrays.copyOf(data, random.nextInt(data.length + 1));
                case 2 -> {
                    if (data.length > 0) {
                        data[random.nextInt(data.length)] = '"';
                    }
                }
                case 3 -> {
                    for (int k = 0; k < 8 && data.length > 0; k++) {
                        String structural = "{}[],:\"\\-\n";
                        data[random.nextInt(data.length)] = (byte) structural.charAt(random.nextInt(structural.length()));
                    }
                }
                case 4 -> data = FirehoseEventBuilder.gzip(data);
                default -> { }
            }
            b.raw(data);
        }
        byte[] event = b.toJson().getBytes(StandardCharsets.UTF_8);
        Run run = run(transformer, event);
        assertThat(outputIds(run)).isEqualTo(inputIds(event));
        run.response().get("records").forEach(r -> {
            assertThat(r.get("result").asText()).isIn("Ok", "Dropped", "ProcessingFailed");
            assertThat(r.has("data")).isTrue();
            if (r.get("result").asText().equals("Ok")) {
                assertThat(r.get("metadata").get("partitionKeys").get("year").asText()).matches("\\d{4}");
            }
        });
        BatchSummary s = run.summary();
        assertThat(s.ok() + s.dropped() + s.processingFailed()).isEqualTo(3000);
        assertThat(s.ok()).isGreaterThan(500);
        assertThat(s.processingFailed()).isGreaterThan(100);
    }

    @Test
    void refusesAnInputThatIsNotAFirehoseEvent() {
        assertThatThrownBy(() -> run(transformer, "{\"foo\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class).hasMessageContaining("no records array");
        assertThatThrownBy(() -> run(transformer, "not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void inflatingBeyondTheCapFailsOnlyThatRecord() throws IOException {
        byte[] bomb = FirehoseEventBuilder.gzip(new byte[(int) CloudWatchEnvelopeReader.MAX_INFLATED_BYTES + 1024]);
        FirehoseEventBuilder b = new FirehoseEventBuilder("arn:aws:firehose:us-east-1:123456789012:deliverystream/s", 1L);
        b.raw(bomb).direct(Fixtures.lines("rest-sumo.jsonl").get(0));
        Run run = run(transformer, b.toJson().getBytes(StandardCharsets.UTF_8));
        assertThat(run.record(0).get("result").asText()).isEqualTo("ProcessingFailed");
        assertThat(run.record(1).get("result").asText()).isEqualTo("Ok");
    }
}
