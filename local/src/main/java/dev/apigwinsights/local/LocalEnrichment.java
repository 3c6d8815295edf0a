package dev.apigwinsights.local;

import dev.apigwinsights.enrich.Enricher;
import dev.apigwinsights.enrich.Enrichers;
import java.time.Clock;
import java.util.Map;

/**
 * The CLI's choice of enricher: the {@code --usage-plans} option (a usage-plans file, {@code aws}
 * for the live account through the default credentials chain, or {@code none}), else the
 * {@code USAGE_PLANS} environment variable, exactly as in Lambda.
 */
final class LocalEnrichment {
    private LocalEnrichment() {
    }

    static Enricher enricher(String option, Map<String, String> env, Clock clock) {
        return option != null ? Enrichers.fromSetting(option, env, clock) : Enrichers.fromEnvironment(env, clock);
    }
}
