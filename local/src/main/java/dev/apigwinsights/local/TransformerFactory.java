package dev.apigwinsights.local;

import dev.apigwinsights.enrich.Enricher;
import dev.apigwinsights.firehose.FirehoseBatchTransformer;
import dev.apigwinsights.pipeline.PipelineConfig;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The one place local mode builds the Firehose transformer (invoke, ingest, demo), from the same
 * settings the Lambda reads: {@code LOG_FORMAT} and {@code USAGE_PLANS} in the environment, or the
 * CLI options that override them. When the transformer gets a single factory shared with the
 * Lambda, this class is what switches to it.
 */
public final class TransformerFactory {
    private TransformerFactory() {
    }

    /**
     * @param usagePlans the {@code --usage-plans} option (a file, {@code aws} or {@code none}); null
     *                   falls back to {@code USAGE_PLANS} in {@code env}
     * @param logFormat  the {@code --log-format} option; null falls back to {@code LOG_FORMAT}
     * @throws IllegalArgumentException for an unusable log format or usage-plans setting
     * @throws java.io.UncheckedIOException when a usage-plans file cannot be read
     */
    public static FirehoseBatchTransformer create(String usagePlans, String logFormat, Map<String, String> env, Clock clock) {
        Map<String, String> settings = new HashMap<>(env);
        if (logFormat != null) {
            settings.put(PipelineConfig.LOG_FORMAT, logFormat);
        }
        Enricher enricher = LocalEnrichment.enricher(usagePlans, settings, clock);
        return new FirehoseBatchTransformer(PipelineConfig.fromEnvironment(settings, enricher));
    }
}
