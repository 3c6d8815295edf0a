package dev.apigwinsights.reports.layout;

import dev.apigwinsights.reports.layout.Block.Chart;
import dev.apigwinsights.reports.layout.Block.KpiStrip;
import dev.apigwinsights.reports.layout.Block.Table;
import dev.apigwinsights.reports.layout.Kpi.Better;
import dev.apigwinsights.reports.layout.Kpi.Change;
import java.util.List;

/**
 * The two standard reports: the API owner's traffic report (daily, weekly or monthly) and the
 * per-customer usage statement. Every figure is a catalog insight named here by id.
 */
public final class ReportLayouts {

    private ReportLayouts() {
    }

    private static final Kpi REQUESTS = new Kpi("Requests", "overview_kpis", "requests", Better.NEITHER, Change.RELATIVE);
    private static final Kpi RATE_4XX = new Kpi("4xx rate", "overview_kpis", "error_4xx_rate_pct", Better.LOWER, Change.POINTS);
    private static final Kpi RATE_5XX = new Kpi("5xx rate", "overview_kpis", "error_5xx_rate_pct", Better.LOWER, Change.POINTS);
    private static final Kpi P95 = new Kpi("p95 latency", "overview_kpis", "p95_ms", Better.LOWER, Change.RELATIVE);
    private static final Kpi DATA_OUT = new Kpi("Data sent", "overview_kpis", "response_bytes", Better.NEITHER, Change.RELATIVE);
    private static final Kpi AVAILABILITY = new Kpi("Availability", "slo_status", "availability_pct", Better.HIGHER, Change.POINTS,
            "availability_target_pct");

    /** The API owner's report: overview, traffic, errors, latency, customers, clients, anomalies. */
    public static ReportLayout summary() {
        return new ReportLayout("summary", "API traffic report", false, List.of(
                Section.of("overview", "At a glance",
                        "Traffic, failures, speed and availability of the period, against the period before.",
                        new KpiStrip(List.of(REQUESTS, RATE_4XX, RATE_5XX, P95, DATA_OUT, AVAILABILITY)),
                        Chart.of("requests_over_time_by_status_class", Grain.COARSE)),
                Section.of("traffic", "Traffic",
                        "When the API was called, on which routes and stages.",
                        Chart.of("requests_over_time", Grain.FINE),
                        new Chart("top_routes", Grain.COARSE, List.of("requests"), 10),
                        Table.top("requests_by_stage", 10)),
                Section.of("errors", "Errors",
                        "What failed, of which kind, where, and with which messages.",
                        Chart.of("errors_over_time_by_category", Grain.COARSE),
                        Table.of("errors_by_category"),
                        Table.top("top_error_signatures", 15),
                        Table.top("top_failing_routes", 10)),
                Section.of("latency", "Latency",
                        "How fast the API answered, overall and route by route.",
                        new KpiStrip(List.of(
                                new Kpi("Median", "latency_kpis", "p50_ms", Better.LOWER, Change.RELATIVE),
                                new Kpi("p95", "latency_kpis", "p95_ms", Better.LOWER, Change.RELATIVE),
                                new Kpi("p99", "latency_kpis", "p99_ms", Better.LOWER, Change.RELATIVE),
                                new Kpi("Backend p95", "latency_kpis", "p95_integration_ms", Better.LOWER, Change.RELATIVE),
                                new Kpi("Gateway overhead", "latency_kpis", "avg_gateway_overhead_ms", Better.LOWER, Change.RELATIVE))),
                        Chart.of("latency_over_time", Grain.FINE),
                        Table.top("latency_percentiles_by_route", 20)),
                Section.of("customers", "Customers & quotas",
                        "Who used the API under which plan, how much of their quota they used, and who was limited.",
                        new Chart("requests_by_usage_plan", Grain.COARSE, List.of(), 10),
                        Table.top("requests_by_customer", 20),
                        Table.top("quota_and_throttle_hits", 20),
                        Table.top("quota_usage_by_key", 25),
                        new Table("estimated_bill_by_customer", List.of(), 0, true)),
                Section.of("clients", "Clients & authentication",
                        "Who calls the API, with what, and which callers failed to authenticate.",
                        Chart.of("auth_method_mix"),
                        Table.top("top_user_agents", 10),
                        Table.top("top_client_ips", 10),
                        Table.top("auth_failures_by_type", 10)),
                Section.of("anomalies", "Anomalies & reliability",
                        "Hours that broke the weekly pattern, and how the API stands against its objectives.",
                        new KpiStrip(List.of(AVAILABILITY,
                                new Kpi("Within latency threshold", "slo_status", "within_latency_pct", Better.HIGHER, Change.POINTS,
                                        "latency_target_pct"),
                                new Kpi("Error budget left", "error_budget", "budget_remaining_pct", Better.HIGHER, Change.POINTS))),
                        Chart.of("availability_over_time", Grain.COARSE),
                        Table.of("hourly_anomalies"))));
    }

    /** One customer's statement: usage, quota use per quota period, estimated bill, errors and latency. */
    public static ReportLayout statement() {
        return new ReportLayout("statement", "Usage statement", true, List.of(
                Section.of("summary", "Summary",
                        "Your traffic in the period, against the period before.",
                        new KpiStrip(List.of(REQUESTS, RATE_4XX, RATE_5XX, P95, DATA_OUT)),
                        Chart.of("requests_over_time", Grain.COARSE)),
                Section.of("usage", "Usage and quota",
                        "Requests per API key, quota use in each quota period of your plan, and the estimated bill.",
                        Table.of("requests_by_api_key"),
                        Table.of("quota_usage_by_key"),
                        Table.of("quota_and_throttle_hits"),
                        new Table("estimated_bill_by_customer", List.of(), 0, true)),
                Section.of("quality", "Errors and latency",
                        "What failed for you, and how fast the API answered you.",
                        Table.of("errors_by_category"),
                        Table.top("top_error_signatures", 10),
                        Table.top("latency_percentiles_by_route", 15))));
    }
}
