package dev.apigwinsights.insights;

import static dev.apigwinsights.insights.Defs.REQUESTS;
import static dev.apigwinsights.insights.Defs.insight;

import dev.apigwinsights.insights.InsightQuery.Aggregate;
import java.util.List;

/** Latency: averages and percentiles of response, integration, authorizer and WAF latency. */
final class LatencyInsights {

    /** Histogram bin edges, ms: finer where most requests fall, one open bin past 10 s. */
    static final List<Long> LATENCY_BINS = List.of(0L, 25L, 50L, 100L, 200L, 300L, 500L, 750L, 1000L, 2000L, 5000L, 10000L);

    private LatencyInsights() {
    }

    static List<Insight> all() {
        return List.of(
                insight("latency_percentiles_by_route", Sheet.LATENCY, ChartKind.TABLE, "Latency percentiles by route",
                        "For each route, what are the median, p95 and p99 response latencies?")
                        .query(Aggregate.by(Dimension.of("route", Columns.ROUTE))
                                .measure(REQUESTS,
                                        Defs.p50(Columns.RESPONSE_LATENCY_MS),
                                        Defs.p95(Columns.RESPONSE_LATENCY_MS),
                                        Defs.p99(Columns.RESPONSE_LATENCY_MS))
                                .orderBy(Order.desc("requests"))
                                .limit(50))
                        .build(),
                insight("latency_histogram", Sheet.LATENCY, ChartKind.HISTOGRAM, "Response latency distribution",
                        "How are response latencies distributed (how many requests took 0-25 ms, 25-50 ms, ...)?")
                        .query(Aggregate.by(Dimension.of("latency_bin_ms", new Expr.Bins(Columns.RESPONSE_LATENCY_MS, LATENCY_BINS))
                                        .withUnit(Unit.MILLISECONDS))
                                .measure(REQUESTS)
                                .where(Condition.notNull(Columns.RESPONSE_LATENCY_MS))
                                .orderBy(Order.asc("latency_bin_ms")))
                        .build());
    }
}
