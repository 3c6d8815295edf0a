package dev.apigwinsights.benchmarks;

import dev.apigwinsights.enrich.Enricher;
import dev.apigwinsights.enrich.Enrichers;
import dev.apigwinsights.enrich.EnrichmentStatus;
import dev.apigwinsights.schema.CanonicalField;
import dev.apigwinsights.schema.CanonicalRecord;
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
 *   <li>The transformer's time with and without enrichment is {@code TransformerBenchmark}'s
 *       {@code enrichment} parameter: the "under 10%" budget is measured there.</li>
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

        enricher.enrich(withKey);
        if (!EnrichmentStatus.OK.name().equals(withKey.getString(CanonicalField.ENRICHMENT_STATUS))) {
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

}
