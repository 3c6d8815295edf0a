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
                insight("latency_kpis", Sheet.LATENCY, ChartKind.KPI, "Latency at a glance",
                        "How fast does the API answer (response latency average and percentiles), and how much of it is the backend, "
                                + "the authorizer, WAF and API Gateway itself?")
                        .query(Aggregate.by()
                                .measure(Defs.avgMs(Columns.RESPONSE_LATENCY_MS),
                                        Defs.p50(Columns.RESPONSE_LATENCY_MS),
                                        Defs.p95(Columns.RESPONSE_LATENCY_MS),
                                        Defs.p99(Columns.RESPONSE_LATENCY_MS),
                                        Measure.avg("avg_integration_ms", Columns.INTEGRATION_LATENCY_MS, Unit.MILLISECONDS),
                                        Defs.percentile("p95_integration_ms", Columns.INTEGRATION_LATENCY_MS, 0.95),
                                        Defs.percentile("p95_authorizer_ms", Columns.AUTHORIZER_LATENCY_MS, 0.95),
                                        Defs.percentile("p95_waf_ms", Columns.WAF_LATENCY_MS, 0.95),
                                        Measure.avg("avg_gateway_overhead_ms", Columns.GATEWAY_OVERHEAD_MS, Unit.MILLISECONDS)))
                        .build(),
                insight("latency_over_time", Sheet.LATENCY, ChartKind.LINE, "Response latency over time",
                        "How do median, p95 and p99 response latency change over the period?")
                        .query(Aggregate.by(Defs.time())
                                .measure(Defs.p50(Columns.RESPONSE_LATENCY_MS), Defs.p95(Columns.RESPONSE_LATENCY_MS),
                                        Defs.p99(Columns.RESPONSE_LATENCY_MS)))
                        .build(),
                insight("integration_latency_over_time", Sheet.LATENCY, ChartKind.LINE, "Backend (integration) latency over time",
                        "How fast does the backend answer API Gateway over the period (average and p95)?")
                        .query(Aggregate.by(Defs.time())
                                .measure(Defs.avgMs(Columns.INTEGRATION_LATENCY_MS), Defs.p95(Columns.INTEGRATION_LATENCY_MS))
                                .where(Condition.notNull(Columns.INTEGRATION_LATENCY_MS)))
                        .build(),
                insight("integration_latency_by_route", Sheet.LATENCY, ChartKind.TABLE, "Backend latency by route",
                        "For each route, how fast is the backend (average, median, p95, p99 integration latency)?")
                        .query(Aggregate.by(Dimension.of("route", Columns.ROUTE))
                                .measure(REQUESTS, Defs.avgMs(Columns.INTEGRATION_LATENCY_MS), Defs.p50(Columns.INTEGRATION_LATENCY_MS),
                                        Defs.p95(Columns.INTEGRATION_LATENCY_MS), Defs.p99(Columns.INTEGRATION_LATENCY_MS))
                                .where(Condition.notNull(Columns.INTEGRATION_LATENCY_MS))
                                .orderBy(Order.desc("p95_ms"))
                                .limit(50))
                        .build(),
                insight("authorizer_latency_over_time", Sheet.LATENCY, ChartKind.LINE, "Authorizer latency over time",
                        "How long do authorizers (Lambda, Cognito, JWT) take over the period?")
                        .query(Aggregate.by(Defs.time())
                                .measure(Defs.avgMs(Columns.AUTHORIZER_LATENCY_MS), Defs.p95(Columns.AUTHORIZER_LATENCY_MS))
                                .where(Condition.notNull(Columns.AUTHORIZER_LATENCY_MS)))
                        .build(),
                insight("waf_latency_over_time", Sheet.LATENCY, ChartKind.LINE, "WAF latency over time",
                        "How much latency does AWS WAF add over the period (average, p95, p99)?")
                        .query(Aggregate.by(Defs.time())
                                .measure(Defs.avgMs(Columns.WAF_LATENCY_MS), Defs.p95(Columns.WAF_LATENCY_MS), Defs.p99(Columns.WAF_LATENCY_MS))
                                .where(Condition.notNull(Columns.WAF_LATENCY_MS)))
                        .build(),
                insight("gateway_overhead_by_route", Sheet.LATENCY, ChartKind.TABLE, "API Gateway overhead by route",
                        "How much time does API Gateway itself add per route (response minus integration latency)?")
                        .query(Aggregate.by(Dimension.of("route", Columns.ROUTE))
                                .measure(REQUESTS, Defs.avgMs(Columns.GATEWAY_OVERHEAD_MS), Defs.p95(Columns.GATEWAY_OVERHEAD_MS))
                                .where(Condition.and(Condition.notNull(Columns.RESPONSE_LATENCY_MS),
                                        Condition.notNull(Columns.INTEGRATION_LATENCY_MS)))
                                .orderBy(Order.desc("p95_ms"))
                                .limit(50))
                        .build(),
                insight("latency_by_route_and_status", Sheet.LATENCY, ChartKind.PIVOT, "p95 latency by route and status class",
                        "Are failing requests slower or faster than successful ones, route by route (p95 response latency)?")
                        .query(Aggregate.by(Dimension.of("route", Columns.ROUTE), Dimension.series("status_class", Columns.STATUS_CLASS))
                                .measure(Defs.p95(Columns.RESPONSE_LATENCY_MS)))
                        .build(),
                insight("latency_by_api", Sheet.LATENCY, ChartKind.BAR, "Latency by API",
                        "Which APIs are slowest (median and p95 response latency)?")
                        .query(Aggregate.by(Dimension.of("api_id", Columns.API_ID))
                                .measure(Defs.p50(Columns.RESPONSE_LATENCY_MS), Defs.p95(Columns.RESPONSE_LATENCY_MS), REQUESTS)
                                .orderBy(Order.desc("p95_ms")))
                        .build(),
                insight("slowest_requests", Sheet.LATENCY, ChartKind.TABLE, "Slowest requests",
                        "Which individual requests took longest, and where did the time go?")
                        .query(new InsightQuery.Rows(Defs.requestColumns(
                                Dimension.detail("response_latency_ms", Columns.RESPONSE_LATENCY_MS).withUnit(Unit.MILLISECONDS),
                                Dimension.detail("integration_latency_ms", Columns.INTEGRATION_LATENCY_MS).withUnit(Unit.MILLISECONDS),
                                Dimension.detail("authorizer_latency_ms", Columns.AUTHORIZER_LATENCY_MS).withUnit(Unit.MILLISECONDS),
                                Dimension.detail("source_ip", Columns.SOURCE_IP)),
                                Condition.notNull(Columns.RESPONSE_LATENCY_MS), List.of(Order.desc("response_latency_ms")), 20))
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
