package dev.apigwinsights.quicksight;

import java.util.List;

/**
 * The dashboard until the insight catalog feeds it: an About sheet and one Traffic sheet from a
 * short hand-declared list of visuals. Phase B replaces {@link #traffic()} with sheets generated
 * from catalog entries through the same {@link VisualSpec}/{@link FilterSpec} types.
 */
public final class StarterDashboard {

    /** The identifier visuals use for the access-log data set inside the definition. */
    public static final String DATA_SET = "access_logs";

    private StarterDashboard() {
    }

    public static DashboardSpec spec(String version) {
        return new DashboardSpec(DATA_SET, List.of(about(version), traffic()), sharedFilters());
    }

    /** Filters every content sheet carries: time window (on the partition date), API, stage, status class. */
    static List<FilterSpec> sharedFilters() {
        return List.of(
                FilterSpec.relativeTime("time-range", DataSetColumns.REQUEST_DATE, "Time range"),
                FilterSpec.values("api", "api_id", "API"),
                FilterSpec.values("stage", "stage", "Stage"),
                FilterSpec.values("status-class", "status_class", "Status class"));
    }

    static SheetSpec about(String version) {
        return new SheetSpec("about", "About", "What this dashboard shows and how fresh it is",
                List.of(
                        "apigw-insights " + version + ": Amazon API Gateway access logs, one row per request or "
                                + "WebSocket event, queried from the stack's Glue table access_logs through Athena.",
                        "Data freshness: 'Newest request' is the latest request time in the last 7 days of data. Rows "
                                + "reach the table a few minutes after the request (the Firehose buffers); with SPICE, "
                                + "after the next refresh.",
                        "How to read the numbers: requests count rows; latencies are in milliseconds as API Gateway "
                                + "logs them (response latency includes the integration's); p50/p95/p99 are percentiles "
                                + "over the requests in the filters' range, so a p95 of 200 ms means 5% of requests took "
                                + "longer. Status classes come from the status code (4xx is never matched by text).",
                        "Times are UTC. The time range control filters on the day partitions, so Athena reads only "
                                + "the days you select."),
                List.of(
                        VisualSpec.of("about-newest", ChartKind.KPI, "Newest request",
                                "When did the last logged request arrive?",
                                List.of(), List.of(new Measure("request_time", Aggregation.max(), "Newest request", Unit.TIME))),
                        VisualSpec.of("about-requests", ChartKind.KPI, "Requests, last 7 days",
                                "How many rows does the table hold for the last week?",
                                List.of(), List.of(Measure.requests()))),
                List.of(FilterSpec.relativeTime("about-window", DataSetColumns.REQUEST_DATE, "Look back")),
                false);
    }

    static SheetSpec traffic() {
        return SheetSpec.content("traffic", "Traffic", "Requests, latency and routes in the selected range",
                List.of(
                        VisualSpec.of("traffic-requests", ChartKind.KPI, "Requests",
                                "How many requests did the APIs serve?", List.of(), List.of(Measure.requests())),
                        VisualSpec.of("traffic-p95", ChartKind.KPI, "p95 response latency",
                                "How slow are the slowest 5% of requests?", List.of(),
                                List.of(Measure.latency("response_latency_ms", Aggregation.percentile(95), "p95"))),
                        VisualSpec.of("traffic-by-hour", ChartKind.LINE, "Requests per hour by status class",
                                "When do requests and errors happen?",
                                List.of(Dimension.time("request_time", TimeGranularity.HOUR, "Hour"),
                                        Dimension.of("status_class", "Status class")),
                                List.of(Measure.requests())),
                        VisualSpec.of("traffic-top-routes", ChartKind.BAR, "Top routes",
                                "Which routes get the most requests?",
                                List.of(Dimension.of("resource_path", "Route")), List.of(Measure.requests())).top(10),
                        VisualSpec.of("traffic-latency-by-route", ChartKind.TABLE, "Latency by route",
                                "Which routes are slow, typically and at the tail?",
                                List.of(Dimension.of("resource_path", "Route")),
                                List.of(Measure.requests(),
                                        Measure.latency("response_latency_ms", Aggregation.percentile(50), "p50"),
                                        Measure.latency("response_latency_ms", Aggregation.percentile(95), "p95"),
                                        Measure.latency("response_latency_ms", Aggregation.percentile(99), "p99"),
                                        Measure.latency("integration_latency_ms", Aggregation.average(), "Avg integration")))
                                .top(25)),
                List.of(FilterSpec.exactText("request-id", "request_id", "Request id").onlyVisuals("traffic-latency-by-route")));
    }
}
