package dev.apigwinsights.insights;

import java.util.ArrayList;
import java.util.List;

/**
 * The standard catalog: every insight, sheet by sheet. To add one, see docs/insights.md ("Add an
 * insight"): define it in its sheet's class, give it an oracle test, regenerate the docs and the
 * template's named queries.
 */
public final class InsightCatalog {

    private static final List<Insight> ALL = build();

    private InsightCatalog() {
    }

    public static List<Insight> all() {
        return ALL;
    }

    private static List<Insight> build() {
        List<Insight> all = new ArrayList<>();
        all.addAll(OverviewInsights.all());
        all.addAll(LatencyInsights.all());
        all.addAll(ErrorInsights.all());
        all.addAll(CustomerInsights.all());
        all.addAll(ClientInsights.all());
        all.addAll(GeographyInsights.all());
        all.addAll(WebSocketInsights.all());
        all.addAll(ReliabilityInsights.all());
        all.addAll(RawInsights.all());
        return List.copyOf(all);
    }
}
