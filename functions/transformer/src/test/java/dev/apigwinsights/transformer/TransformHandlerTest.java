package dev.apigwinsights.transformer;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.KinesisAnalyticsInputPreprocessingResponse;
import com.amazonaws.services.lambda.runtime.events.KinesisFirehoseEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigwinsights.wiring.TransformerWiring;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Runs the handler the way the Lambda Java runtime does and checks both directions of the
 * Firehose contract with the runtime's own serialization library (aws-lambda-java-serialization):
 * the fixtures deserialize into the runtime's {@link KinesisFirehoseEvent} with the same records
 * our streaming reader sees, and our response deserializes into the runtime's
 * {@link KinesisAnalyticsInputPreprocessingResponse} (which lacks partition keys: those are
 * checked on the raw JSON).
 */
class TransformHandlerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    private static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(Path.of(System.getProperty("apigw.events.dir", "../../events"), name));
    }

    private static TransformHandler handler(Map<String, String> env, PrintStream metricsOut) {
        return new TransformHandler(TransformerWiring.fromEnvironment(env, CLOCK, metricsOut));
    }

    @ParameterizedTest
    @ValueSource(strings = {"firehose-direct-rest.json", "firehose-direct-http.json", "firehose-direct-websocket.json",
            "firehose-cloudwatch-http.json", "firehose-cloudwatch-websocket.json", "firehose-cloudwatch-control.json",
            "firehose-broken-json.json", "firehose-clf.json", "firehose-pretty-json.json", "firehose-mixed.json"})
    void answersEveryRecordInAShapeTheRuntimeDeserializes(String fixture) throws IOException {
        byte[] event = fixture(fixture);
        PojoSerializer<KinesisFirehoseEvent> in = LambdaEventSerializers.serializerFor(KinesisFirehoseEvent.class,
                getClass().getClassLoader());
        KinesisFirehoseEvent runtimeView = in.fromJson(new ByteArrayInputStream(event));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler(Map.of(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .handleRequest(new ByteArrayInputStream(event), out, null);

        PojoSerializer<KinesisAnalyticsInputPreprocessingResponse> outSer = LambdaEventSerializers.serializerFor(
                KinesisAnalyticsInputPreprocessingResponse.class, getClass().getClassLoader());
        KinesisAnalyticsInputPreprocessingResponse response = outSer.fromJson(new ByteArrayInputStream(out.toByteArray()));
        List<KinesisFirehoseEvent.Record> inputs = runtimeView.getRecords();
        assertThat(response.getRecords()).hasSameSizeAs(inputs);
        JsonNode raw = MAPPER.readTree(out.toByteArray());
        for (int i = 0; i < inputs.size(); i++) {
            KinesisAnalyticsInputPreprocessingResponse.Record r = response.getRecords().get(i);
            assertThat(r.getRecordId()).isEqualTo(inputs.get(i).getRecordId());
            assertThat(r.getResult()).isNotNull();
            assertThat(r.getData()).isNotNull();
            JsonNode rawRecord = raw.get("records").get(i);
            if (r.getResult() == KinesisAnalyticsInputPreprocessingResponse.Result.Ok) {
                assertThat(rawRecord.get("metadata").get("partitionKeys").fieldNames()).toIterable()
                        .containsExactly("year", "month", "day");
                String lines = StandardCharsets.UTF_8.decode(r.getData()).toString();
                assertThat(lines).endsWith("\n");
                for (String line : lines.split("\n")) {
                    assertThat(MAPPER.readTree(line).has("source_kind")).isTrue();
                }
            } else if (r.getResult() == KinesisAnalyticsInputPreprocessingResponse.Result.ProcessingFailed) {
                ByteBuffer original = inputs.get(i).getData();
                assertThat(r.getData()).as("failed records carry their original data").isEqualTo(original);
            }
        }
    }

    @Test
    void answersRecordsThatTheRuntimesPojoSerializerCouldNotEvenRead() throws IOException {
        byte[] event = fixture("firehose-garbage.json"); // one record's data is not base64
        PojoSerializer<KinesisFirehoseEvent> in = LambdaEventSerializers.serializerFor(KinesisFirehoseEvent.class,
                getClass().getClassLoader());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> in.fromJson(new ByteArrayInputStream(event)))
                .hasMessageContaining("base64");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler(Map.of(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .handleRequest(new ByteArrayInputStream(event), out, null);
        assertThat(MAPPER.readTree(out.toByteArray()).get("records")).hasSize(5);
    }

    @Test
    void publishesBatchCountsAsEmbeddedMetrics() throws IOException {
        ByteArrayOutputStream metrics = new ByteArrayOutputStream();
        handler(Map.of("METRICS_NAMESPACE", "ApigwInsights/test", "AWS_LAMBDA_FUNCTION_NAME", "fn"),
                new PrintStream(metrics, true, StandardCharsets.UTF_8))
                .handleRequest(new ByteArrayInputStream(fixture("firehose-garbage.json")), new ByteArrayOutputStream(), null);
        JsonNode emf = MAPPER.readTree(metrics.toString(StandardCharsets.UTF_8));
        JsonNode directive = emf.get("_aws").get("CloudWatchMetrics").get(0);
        assertThat(directive.get("Namespace").asText()).isEqualTo("ApigwInsights/test");
        assertThat(emf.get("_aws").get("Timestamp").asLong()).isEqualTo(CLOCK.millis());
        assertThat(emf.get("FunctionName").asText()).isEqualTo("fn");
        assertThat(emf.get("RecordsIn").asInt()).isEqualTo(5);
        assertThat(emf.get("RecordsProcessingFailed").asInt()).isEqualTo(4);
        assertThat(emf.get("RecordsDropped").asInt()).isEqualTo(1);
        assertThat(directive.get("Metrics")).extracting(m -> m.get("Name").asText())
                .contains("RecordsIn", "RecordsOk", "RecordsDropped", "RecordsProcessingFailed", "LogEvents",
                        "RecordsOverBudget", "RecordsOverWorkBudget", "RecordsUnanswerable");
    }

    /** Issue 7, item 15: Lambda drops stdout lines below the function's level; the metrics line is at that level. */
    @ParameterizedTest
    @ValueSource(strings = {"WARN", "ERROR", "DEBUG"})
    void emitsTheMetricsLineAtTheFunctionsOwnLogLevelSoLambdaNeverFiltersItOut(String level) throws IOException {
        ByteArrayOutputStream metrics = new ByteArrayOutputStream();
        handler(Map.of("AWS_LAMBDA_LOG_LEVEL", level), new PrintStream(metrics, true, StandardCharsets.UTF_8))
                .handleRequest(new ByteArrayInputStream(fixture("firehose-clf.json")), new ByteArrayOutputStream(), null);
        assertThat(MAPPER.readTree(metrics.toString(StandardCharsets.UTF_8)).get("level").asText()).isEqualTo(level);
        ByteArrayOutputStream unset = new ByteArrayOutputStream();
        handler(Map.of(), new PrintStream(unset, true, StandardCharsets.UTF_8))
                .handleRequest(new ByteArrayInputStream(fixture("firehose-clf.json")), new ByteArrayOutputStream(), null);
        assertThat(MAPPER.readTree(unset.toString(StandardCharsets.UTF_8)).get("level").asText()).isEqualTo("INFO");
    }

    @Test
    void primesFromTheFixturesAndLinesPackagedInTheArtifact() throws IOException {
        new TransformHandler(TransformerWiring.fromEnvironment(Map.of(), CLOCK,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)), TransformerWiring.PrimingPlan.rounds(1))
                .beforeCheckpoint(null); // throws if the priming events were not packaged
        for (String event : TransformHandler.PRIMING_EVENTS) {
            try (var in = TransformHandler.class.getResourceAsStream(event)) {
                assertThat(in).as(event).isNotNull();
            }
        }
        for (String lines : TransformHandler.PRIMING_LINES) {
            try (var in = TransformHandler.class.getResourceAsStream("/priming/lines/" + lines)) {
                assertThat(in).as(lines).isNotNull();
            }
        }
    }

    /**
     * The batches priming runs are read as the stack's would be: every direct line, every decompressed
     * and gzip CloudWatch event becomes a row, but for the few lines that are broken on purpose.
     */
    @Test
    void primingBatchesHaveTheRealSizeAndFramingsAndAreReadAsRealBatchesAre() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String name : TransformHandler.PRIMING_LINES) {
            lines.addAll(dev.apigwinsights.eventkit.Fixtures.lines(name));
        }
        TransformHandler h = handler(Map.of(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        List<byte[]> batches = PrimingBatches.of(lines);
        assertThat(batches).hasSize(3);
        int[] rows = new int[3];
        for (int i = 0; i < 3; i++) {
            assertThat(batches.get(i).length).as("about the stack's 1 MB processor buffer, base64 and JSON around it; gzip less")
                    .isBetween(i < 2 ? 1_300_000 : 50_000, 2_000_000);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            h.handleRequest(new ByteArrayInputStream(batches.get(i)), out, null);
            for (JsonNode r : MAPPER.readTree(out.toByteArray()).get("records")) {
                if (r.get("result").asText().equals("Ok")) {
                    rows[i] += new String(java.util.Base64.getDecoder().decode(r.get("data").asText()), StandardCharsets.UTF_8)
                            .split("\n").length;
                }
            }
        }
        assertThat(rows[1]).as("decompressed CloudWatch").isEqualTo(rows[2]).isGreaterThan(1_000);
        assertThat(rows[0]).as("direct put: each line its own record").isGreaterThanOrEqualTo(rows[1]);
    }

    @Test
    void rowsCarryTheClientCountryFromTheBundledDatabaseUnlessGeoipDatabaseIsNone() throws IOException {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("GEOIP_DATABASE", "none"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler(env, quiet).handleRequest(new ByteArrayInputStream(fixture("firehose-direct-http.json")), out, null);
            for (JsonNode record : MAPPER.readTree(out.toByteArray()).get("records")) {
                JsonNode row = MAPPER.readTree(java.util.Base64.getDecoder().decode(record.get("data").asText()));
                assertThat(row.path("source_ip").asText()).startsWith("14.21.74."); // China Telecom, Guangdong
                assertThat(row.path("client_country").asText(null)).isEqualTo(env.isEmpty() ? "CN" : null);
            }
        }
    }

    @Test
    void failsTheInvocationOnlyWhenTheInputIsNotAFirehoseEvent() {
        TransformHandler h = handler(Map.of(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                h.handleRequest(new ByteArrayInputStream("{\"hello\":1}".getBytes(StandardCharsets.UTF_8)),
                        new ByteArrayOutputStream(), null)).isInstanceOf(IOException.class);
    }
}
