package dev.apigwinsights.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.apigwinsights.enrich.Enricher;
import dev.apigwinsights.enrich.Enrichers;
import dev.apigwinsights.parse.RawAccessLog;
import dev.apigwinsights.schema.CanonicalField;
import dev.apigwinsights.schema.CanonicalRecord;
import dev.apigwinsights.schema.ContextVariable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Cost of usage-plan enrichment per record at steady state (warm snapshot, no refresh due).
 *
 * <ul>
 *   <li>{@code enrichKnownKey}, {@code enrichNoKey}: {@code enrich()} alone on a pre-built record,
 *       for a key found in its plan ({@code OK}) and for a record without a key ({@code NO_KEY}).</li>
 *   <li>{@code transformProxy} and {@code transformProxyAndEnrich}: a stand-in for the transformer's
 *       per-record work (stream-parse a 30-key JSON access-log line, map it to the canonical record,
 *       write the record as JSON), without and with enrichment, to relate the two. Until the
 *       transformer has its own benchmark this is the reference for the "under 10%" budget; with it,
 *       compare {@code enrichKnownKey} to the transformer's ns/record instead.</li>
 * </ul>
 *
 * The snapshot is a synthetic account of {@code plans} plans and {@code apiKeys} keys written as a
 * usage-plans file and loaded through {@link Enrichers#fromSetting}, the production entry point.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar EnricherBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class EnricherBenchmark {
    private static final String API_ID = "a1b2c3d4e5";

    @Param({"20"})
    int plans;

    @Param({"2000"})
    int apiKeys;

    private Path file;
    private Enricher enricher;
    private CanonicalRecord withKey;
    private CanonicalRecord withoutKey;
    private byte[] logLine;

    private final JsonFactory json = new JsonFactory();
    private final RawAccessLog raw = new RawAccessLog();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(4096);

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = Files.createTempFile("usage-plans-bench", ".json");
        Files.writeString(file, syntheticAccount(plans, apiKeys), StandardCharsets.UTF_8);
        // A TTL longer than the run: this measures the steady state, not refreshes.
        enricher = Enrichers.fromSetting(file.toString(), Map.of("USAGE_PLAN_CACHE_TTL_SECONDS", "86400"),
                Clock.systemUTC());

        String keyId = keyId(apiKeys / 2);
        withKey = new CanonicalRecord().set(CanonicalField.API_ID, API_ID).set(CanonicalField.STAGE, "prod")
                .set(CanonicalField.API_KEY_ID, keyId).set(CanonicalField.RESOURCE_PATH, "/pets/{petId}")
                .set(CanonicalField.HTTP_METHOD, "GET");
        withoutKey = new CanonicalRecord().set(CanonicalField.API_ID, "h7t8p9q0r1").set(CanonicalField.STAGE, "$default");
        logLine = accessLogLine(keyId).getBytes(StandardCharsets.UTF_8);

        enricher.enrich(withKey);
        if (!"OK".equals(withKey.getString(CanonicalField.ENRICHMENT_STATUS))) {
            throw new IllegalStateException("benchmark snapshot does not resolve its own key: " + withKey);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public CanonicalRecord enrichKnownKey() {
        enricher.enrich(withKey);
        return withKey;
    }

    @Benchmark
    public CanonicalRecord enrichNoKey() {
        enricher.enrich(withoutKey);
        return withoutKey;
    }

    @Benchmark
    public int transformProxy() throws IOException {
        CanonicalRecord r = parse(logLine);
        return write(r);
    }

    @Benchmark
    public int transformProxyAndEnrich() throws IOException {
        CanonicalRecord r = parse(logLine);
        enricher.enrich(r);
        return write(r);
    }

    private CanonicalRecord parse(byte[] line) throws IOException {
        raw.clear();
        try (JsonParser p = json.createParser(line)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                String value = p.getValueAsString();
                ContextVariable v = ContextVariable.byPath(key).orElse(null);
                if (v != null) {
                    raw.put(v, value);
                } else {
                    raw.putExtra(key, value);
                }
            }
        }
        CanonicalRecord r = new CanonicalRecord();
        for (int i = 0; i < CanonicalField.count(); i++) {
            CanonicalField f = CanonicalField.ofOrdinal(i);
            for (ContextVariable source : f.sources()) {
                String v = raw.get(source);
                if (v != null && !v.isEmpty() && !"-".equals(v)) {
                    switch (f.type()) {
                        case INT, BIGINT -> r.setLong(f, Long.parseLong(v));
                        case DOUBLE -> r.setDouble(f, Double.parseDouble(v));
                        case STRING, TIMESTAMP -> r.set(f, v);
                        default -> { }
                    }
                    break;
                }
            }
        }
        for (int i = 0; i < raw.extraCount(); i++) {
            r.putExtra(raw.extraKey(i), raw.extraValue(i));
        }
        return r;
    }

    private int write(CanonicalRecord r) throws IOException {
        out.reset();
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            for (int i = 0; i < CanonicalField.count(); i++) {
                CanonicalField f = CanonicalField.ofOrdinal(i);
                Object v = r.get(f);
                if (v instanceof String s) {
                    g.writeStringField(f.column(), s);
                } else if (v instanceof Long l) {
                    g.writeNumberField(f.column(), l);
                } else if (v instanceof Double d) {
                    g.writeNumberField(f.column(), d);
                }
            }
            g.writeEndObject();
        }
        return out.size();
    }

    private static String keyId(int i) {
        return String.format("k%09d", i);
    }

    /** {@code plans} plans on the prod stage, keys spread round-robin over them. */
    static String syntheticAccount(int plans, int apiKeys) {
        StringBuilder sb = new StringBuilder("{\"usagePlans\":[");
        for (int p = 0; p < plans; p++) {
            sb.append(p == 0 ? "" : ",").append("{\"id\":\"plan").append(p).append("\",\"name\":\"Plan ").append(p)
                    .append("\",\"apiStages\":[{\"apiId\":\"").append(API_ID).append("\",\"stage\":\"prod\"},{\"apiId\":\"")
                    .append(API_ID).append("\",\"stage\":\"beta\"}],\"quota\":{\"limit\":").append(1000 * (p + 1))
                    .append(",\"offset\":0,\"period\":\"MONTH\"},\"throttle\":{\"burstLimit\":").append(10 * (p + 1))
                    .append(",\"rateLimit\":").append(5.0 * (p + 1)).append("}}");
        }
        sb.append("],\"usagePlanKeys\":{");
        for (int p = 0; p < plans; p++) {
            sb.append(p == 0 ? "" : ",").append("\"plan").append(p).append("\":[");
            boolean first = true;
            for (int k = p; k < apiKeys; k += plans) {
                sb.append(first ? "" : ",").append("{\"id\":\"").append(keyId(k)).append("\",\"type\":\"API_KEY\",\"name\":\"key-")
                        .append(k).append("\"}");
                first = false;
            }
            sb.append(']');
        }
        sb.append("},\"apiKeys\":[");
        for (int k = 0; k < apiKeys; k++) {
            sb.append(k == 0 ? "" : ",").append("{\"id\":\"").append(keyId(k)).append("\",\"name\":\"key-").append(k)
                    .append("\",\"customerId\":\"customer-").append(k).append("\",\"enabled\":true}");
        }
        return sb.append("]}").toString();
    }

    /** A REST access-log line in JSON with 30 keys, as a stage with API keys would log it. */
    static String accessLogLine(String keyId) {
        return "{\"requestId\":\"c6af9ac6-7b61-11e6-9a41-93e8deadbeef\",\"extendedRequestId\":\"XyZ12AbCdEFg=\","
                + "\"ip\":\"203.0.113.42\",\"caller\":\"-\",\"user\":\"-\",\"requestTime\":\"01/Mar/2026:12:00:00 +0000\","
                + "\"requestTimeEpoch\":\"1772366400000\",\"httpMethod\":\"GET\",\"resourcePath\":\"/pets/{petId}\","
                + "\"path\":\"/prod/pets/42\",\"status\":\"200\",\"protocol\":\"HTTP/1.1\",\"responseLength\":\"512\","
                + "\"responseLatency\":\"38\",\"integrationLatency\":\"31\",\"integrationStatus\":\"200\","
                + "\"apiId\":\"" + API_ID + "\",\"stage\":\"prod\",\"domainName\":\"api.example.com\","
                + "\"domainPrefix\":\"api\",\"accountId\":\"123456789012\",\"identity.sourceIp\":\"203.0.113.42\","
                + "\"identity.userAgent\":\"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36\","
                + "\"identity.apiKeyId\":\"" + keyId + "\",\"authorizer.latency\":\"-\",\"waf.latency\":\"-\","
                + "\"error.message\":\"-\",\"error.responseType\":\"-\",\"xrayTraceId\":\"Root=1-67891233-abcdef012345678912345678\","
                + "\"integration.requestId\":\"0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0\"}";
    }
}
