package dev.apigwinsights.transformer;

import dev.apigwinsights.enrich.Enricher;
import dev.apigwinsights.firehose.FirehoseBatchTransformer;
import dev.apigwinsights.pipeline.PipelineConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;

/**
 * Everything the handler needs, built once per execution environment from its environment
 * variables: {@code LOG_FORMAT} and {@code GEOIP_DATABASE} (see {@link PipelineConfig}),
 * {@code USAGE_PLANS} ({@code aws} for live enrichment, a file path, or {@code none}),
 * {@code USAGE_PLAN_CACHE_TTL_SECONDS}, {@code METRICS_NAMESPACE}. Priming loads the user-agent
 * parser, runs the country database's lookups and replays the bundled events.
 */
record Wiring(FirehoseBatchTransformer transformer, FirehoseBatchTransformer primingTransformer,
              Enricher enricher, EmfMetrics metrics) {
    static final java.util.List<String> PRIMING_EVENTS =
            java.util.List.of("/priming/firehose-direct-rest.json", "/priming/firehose-cloudwatch-http.json");

    static Wiring fromEnvironment(Map<String, String> env, Clock clock) {
        Enricher enricher = Enrichment.fromEnvironment(env, clock);
        FirehoseBatchTransformer transformer = new FirehoseBatchTransformer(PipelineConfig.fromEnvironment(env, enricher));
        // Priming must not call AWS APIs from inside the snapshot: same parsing, no enrichment.
        FirehoseBatchTransformer priming = new FirehoseBatchTransformer(PipelineConfig.fromEnvironment(env, Enricher.NONE));
        return new Wiring(transformer, priming, enricher, EmfMetrics.fromEnvironment(env, clock, System.out));
    }

    void prime() throws IOException {
        PipelineConfig.preload();
        for (int i = 0; i < 50; i++) {
            for (String event : PRIMING_EVENTS) {
                try (InputStream in = Wiring.class.getResourceAsStream(event)) {
                    if (in == null) {
                        throw new IOException("priming event missing from the artifact: " + event);
                    }
                    primingTransformer.transform(in, new ByteArrayOutputStream());
                }
            }
        }
    }

    void afterRestore() {
        Enrichment.afterRestore(enricher);
    }

}
