package dev.apigwinsights.transformer;

import dev.apigwinsights.enrich.Enricher;
import dev.apigwinsights.enrich.Enrichers;
import dev.apigwinsights.enrich.Refreshable;
import java.time.Clock;
import java.util.Map;

/** Chooses the enricher from {@code USAGE_PLANS}; the single place that knows the enrichment module. */
final class Enrichment {
    private Enrichment() {
    }

    static Enricher fromEnvironment(Map<String, String> env, Clock clock) {
        return Enrichers.fromEnvironment(env, clock);
    }

    /** After a SnapStart restore the usage-plan snapshot must be refreshed before it is served. */
    static void afterRestore(Enricher enricher) {
        if (enricher instanceof Refreshable refreshable) {
            refreshable.invalidateAfterRestore();
        }
    }
}
