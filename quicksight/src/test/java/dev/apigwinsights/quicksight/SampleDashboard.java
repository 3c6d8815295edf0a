package dev.apigwinsights.quicksight;

import java.util.List;
import java.util.Map;

/**
 * A small hand-declared dashboard for the builders' and checks' unit tests: an About sheet and a
 * Traffic sheet, four filters with controls on Traffic, one narrowing a single visual, and the
 * About sheet's own look-back. Its JSON paths are stable, so tests can break it precisely.
 */
final class SampleDashboard {

    /** The identifier visuals use for the access-log data set inside the definition. */
    static final String DATA_SET = "access_logs";

    private SampleDashboard() {
    }

    static DataSetSpec dataSet() {
        return new DataSetSpec(DATA_SET, "DataSet", "access-logs", "access logs", DataSetColumns.accessLogs(),
                new DataSetSpec.AccessLogsTable());
    }

    static DashboardSpec spec() {
        Map<String, List<String>> traffic = Map.of("traffic", List.of());
        return new DashboardSpec(List.of(dataSet()), List.of(), List.of(), List.of(about(), traffic()), List.of(
                new FilterSpec("time-range", DATA_SET, DataSetColumns.REQUEST_DATE, FilterSpec.Kind.RELATIVE_TIME, "Time range",
                        traffic, List.of()),
                new FilterSpec("api", DATA_SET, "api_id", FilterSpec.Kind.VALUES, "API", traffic, List.of()),
                new FilterSpec("stage", DATA_SET, "stage", FilterSpec.Kind.VALUES, "Stage", traffic, List.of()),
                new FilterSpec("status-class", DATA_SET, "status_class", FilterSpec.Kind.VALUES, "Status class", traffic,
                        List.of("2xx", "4xx", "5xx")),
                new FilterSpec("about-window", DATA_SET, DataSetColumns.REQUEST_DATE, FilterSpec.Kind.RELATIVE_TIME, "Look back",
                        Map.of("about", List.of()), List.of()),
                new FilterSpec("request-id", DATA_SET, "request_id", FilterSpec.Kind.EXACT_TEXT, "Request id",
                        Map.of("traffic", List.of("traffic-latency-by-route")), List.of())));
    }

    static SheetSpec about() {
        return new SheetSpec("about", "About", "What this dashboard shows",
                List.of("apigw-insights test: access logs.", "Times are UTC."),
                List.of(
                        VisualSpec.of("about-newest", DATA_SET, ChartKind.KPI, "Newest request", "When did the last request arrive?",
                                List.of(), List.of(new Measure("request_time", Aggregation.max(), "Newest request", Unit.TIME))),
                        VisualSpec.of("about-requests", DATA_SET, ChartKind.KPI, "Requests, last 7 days", "How many rows?",
                                List.of(), List.of(Measure.requests()))));
    }

    static SheetSpec traffic() {
        return new SheetSpec("traffic", "Traffic", "Requests, latency and routes", List.of(), List.of(
                VisualSpec.of("traffic-requests", DATA_SET, ChartKind.KPI, "Requests",
                        "How many requests did the APIs serve?", List.of(), List.of(Measure.requests())),
                VisualSpec.of("traffic-p95", DATA_SET, ChartKind.KPI, "p95 response latency",
                        "How slow are the slowest 5% of requests?", List.of(),
                        List.of(Measure.latency("response_latency_ms", Aggregation.percentile(95), "p95"))),
                VisualSpec.of("traffic-by-hour", DATA_SET, ChartKind.LINE, "Requests per hour by status class",
                        "When do requests and errors happen?",
                        List.of(Dimension.time("request_time", TimeGranularity.HOUR, "Hour"), Dimension.of("status_class", "Status class")),
                        List.of(Measure.requests())),
                VisualSpec.of("traffic-top-routes", DATA_SET, ChartKind.BAR, "Top routes", "Which routes get the most requests?",
                        List.of(Dimension.of("resource_path", "Route")), List.of(Measure.requests())).top(10),
                VisualSpec.of("traffic-latency-by-route", DATA_SET, ChartKind.TABLE, "Latency by route",
                        "Which routes are slow, typically and at the tail?",
                        List.of(Dimension.of("resource_path", "Route")),
                        List.of(Measure.requests(),
                                Measure.latency("response_latency_ms", Aggregation.percentile(50), "p50"),
                                Measure.latency("response_latency_ms", Aggregation.percentile(95), "p95"),
                                Measure.latency("response_latency_ms", Aggregation.percentile(99), "p99"),
                                Measure.latency("integration_latency_ms", Aggregation.average(), "Avg integration"))).top(25)));
    }
}
