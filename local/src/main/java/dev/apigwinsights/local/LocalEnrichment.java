package dev.apigwinsights.local;

import dev.apigwinsights.enrich.Enricher;
import java.time.Clock;
import java.util.Map;

/** The CLI's choice of enricher: the option, else {@code USAGE_PLANS}, else none. */
final class LocalEnrichment {
    private LocalEnrichment() {
    }

    static Enricher enricher(String option, Map<String, String> env, Clock clock) {
        return Enricher.NONE;
    }
}
