package dev.apigwinsights.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigwinsights.eventkit.Fixtures;
import dev.apigwinsights.firehose.BatchSummary;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one wiring path the Lambda handler and the CLI share. */
class TransformerWiringTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static PrintStream sink(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    @Test
    void namesTheVariableOfAnUnusableSetting() {
        assertThatThrownBy(() -> TransformerWiring.fromEnvironment(Map.of("LOG_FORMAT", "no variables here"), CLOCK,
                sink(new ByteArrayOutputStream())))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageStartingWith("LOG_FORMAT: ");
        assertThatThrownBy(() -> TransformerWiring.fromEnvironment(Map.of("USAGE_PLANS", "/nonexistent/plans.json"), CLOCK,
                sink(new ByteArrayOutputStream())))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("USAGE_PLANS: usage-plans file not found: /nonexistent/plans.json");
        assertThatThrownBy(() -> TransformerWiring.fromEnvironment(Map.of("USAGE_PLANS", Fixtures.path("usage-plans.json").toString(),
                "USAGE_PLAN_CACHE_TTL_SECONDS", "soon"), CLOCK, sink(new ByteArrayOutputStream())))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageStartingWith("USAGE_PLANS: ");
    }

    @Test
    void handlesABatchAndPublishesItsMetrics() throws IOException {
        ByteArrayOutputStream metrics = new ByteArrayOutputStream();
        TransformerWiring wiring = TransformerWiring.fromEnvironment(Map.of("USAGE_PLANS", Fixtures.path("usage-plans.json").toString(),
                "METRICS_NAMESPACE", "Test", "AWS_LAMBDA_FUNCTION_NAME", "fn"), CLOCK, sink(metrics));
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        BatchSummary s = wiring.handle(new ByteArrayInputStream(Fixtures.bytes("firehose-direct-rest.json")), response);
        assertThat(s.ok()).isEqualTo(14);
        JsonNode emf = MAPPER.readTree(metrics.toString(StandardCharsets.UTF_8));
        assertThat(emf.get("RecordsOk").asInt()).isEqualTo(14);
        assertThat(emf.get("FunctionName").asText()).isEqualTo("fn");
        assertThat(response.toString(StandardCharsets.UTF_8)).contains("\"result\":\"Ok\"");
        assertThat(wiring.settings().describe()).contains("usage-plans.json").doesNotContain("LOG_FORMAT (");
    }

    /** Priming runs on while the JIT keeps compiling, and stops once it has been quiet for a while, or at the cap. */
    @Test
    void primesUntilTheJitIsQuietOrTheTimeIsUp() throws IOException {
        TransformerWiring wiring = TransformerWiring.fromEnvironment(Map.of("GEOIP_DATABASE", "none"), CLOCK,
                sink(new ByteArrayOutputStream()));
        List<TransformerWiring.EventSource> events = List.of(() -> new ByteArrayInputStream(Fixtures.bytes("firehose-direct-rest.json")));
        long[] compiling = {0};
        // the JIT compiles something during each of the first 30 rounds, then nothing
        TransformerWiring.PrimingReport settled = wiring.prime(events, null, new TransformerWiring.PrimingPlan(3, java.time.Duration.ofMillis(50),
                java.time.Duration.ofSeconds(60)), () -> compiling[0] < 30 ? ++compiling[0] : compiling[0]);
        assertThat(settled.rounds()).isGreaterThan(30);
        assertThat(settled.jitQuiet()).isTrue();
        assertThat(settled.took()).isGreaterThanOrEqualTo(java.time.Duration.ofMillis(50));

        TransformerWiring.PrimingReport capped = wiring.prime(events, null, new TransformerWiring.PrimingPlan(3, java.time.Duration.ofSeconds(60),
                java.time.Duration.ofMillis(200)), () -> ++compiling[0]);
        assertThat(capped.jitQuiet()).isFalse();
        assertThat(capped.took()).isBetween(java.time.Duration.ofMillis(200), java.time.Duration.ofSeconds(30));
        assertThat(capped.batches()).isEqualTo(capped.rounds());
    }

    /**
     * The transformer that serves invocations starts with empty per-instance caches; priming one
     * long-lived transformer would let the JIT compile those misses out, and the first batches after
     * every restore would deoptimise. So every round primes a fresh one, enrichment included.
     */
    @Test
    void primesAFreshTransformerEveryRoundUsagePlansIncluded() throws IOException {
        TransformerWiring wiring = TransformerWiring.fromEnvironment(Map.of("GEOIP_DATABASE", "none"), CLOCK,
                sink(new ByteArrayOutputStream()));
        byte[] plans = Fixtures.bytes("usage-plans.json");
        int[] planReads = {0};
        TransformerWiring.PrimingReport report = wiring.prime(
                List.of(() -> new ByteArrayInputStream(Fixtures.bytes("firehose-direct-rest.json"))),
                () -> {
                    planReads[0]++;
                    return new ByteArrayInputStream(plans);
                }, TransformerWiring.PrimingPlan.rounds(4), () -> 0);
        assertThat(report.rounds()).isEqualTo(4);
        assertThat(planReads[0]).isEqualTo(4);
    }

    @Test
    void primesWithoutEnrichmentAndWithoutWritingMetrics() throws IOException {
        ByteArrayOutputStream metrics = new ByteArrayOutputStream();
        TransformerWiring wiring = TransformerWiring.fromEnvironment(Map.of(), CLOCK, sink(metrics));
        wiring.prime(List.of(() -> new ByteArrayInputStream(Fixtures.bytes("firehose-cloudwatch-http.json"))), 3);
        assertThat(metrics.size()).isZero();
    }
}
