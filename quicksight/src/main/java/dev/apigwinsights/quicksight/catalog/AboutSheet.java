package dev.apigwinsights.quicksight.catalog;

import dev.apigwinsights.insights.Insight;
import dev.apigwinsights.quicksight.Aggregation;
import dev.apigwinsights.quicksight.ChartKind;
import dev.apigwinsights.quicksight.DataSetColumns;
import dev.apigwinsights.quicksight.FilterSpec;
import dev.apigwinsights.quicksight.Measure;
import dev.apigwinsights.quicksight.SheetSpec;
import dev.apigwinsights.quicksight.Unit;
import dev.apigwinsights.quicksight.VisualSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The last sheet: which version generated the dashboard, how fresh the data is, how to read the
 * numbers, what the controls match, which panels are custom SQL over fixed windows, and which
 * insights of the catalog are not here and why (see the local dashboard or report for those).
 */
final class AboutSheet {

    static final String ID = "about";
    static final String WINDOW_FILTER = "about-window";

    private final String version;
    private final String dataSet;

    AboutSheet(String version, String dataSet) {
        this.version = version;
        this.dataSet = dataSet;
    }

    SheetSpec sheet(List<CatalogDashboard.Control> controls, List<CatalogDashboard.LeftOut> filtersLeftOut,
                    List<CatalogDashboard.LeftOut> leftOut, Map<String, NowRelativeSql.Rendered> customSql, List<Insight> shown) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("apigw-insights " + version + ": Amazon API Gateway access logs, one row per request or WebSocket event, "
                + "queried from the stack's Glue table access_logs through Athena. Every sheet is generated from the insight "
                + "catalog, the same definitions the local dashboard, the reports and `query --insight` answer with.");
        paragraphs.add("Data freshness: 'Newest request' is the latest request time in the last 7 days of data. Rows reach the "
                + "table a few minutes after the request (the Firehose buffers); with SPICE, after the next refresh.");
        paragraphs.add("How to read the numbers: requests count rows; latencies are in milliseconds as API Gateway logs them "
                + "(response latency includes the integration's); p50/p95/p99 are percentiles over the requests in the range, "
                + "so a p95 of 200 ms means 5% of requests took longer (QuickSight computes them; the reports' and the local "
                + "dashboard's can differ slightly, most in small groups). Rates are percentages of the group's requests. Status "
                + "classes come from the status code (4xx is never matched by text). Times are UTC; weekdays run from 1 (Monday) to 7.");
        StringJoiner names = new StringJoiner(", ");
        List<String> notes = new ArrayList<>();
        for (CatalogDashboard.Control control : controls) {
            names.add(control.filter().label());
            if (control.note() != null) {
                notes.add(control.filter().label() + " matches " + control.note());
            }
        }
        paragraphs.add("Controls: Time range (whole days, on the day partitions, so Athena reads only the days you select), "
                + names + ". Each narrows every visual whose insight accepts it." + (notes.isEmpty() ? "" : " In QuickSight a "
                + "control filters one column: " + String.join("; ", notes) + " (the CLI and the local dashboard match any of them).")
                + (filtersLeftOut.isEmpty() ? "" : " Not offered here: " + describe(filtersLeftOut) + "."));
        if (!customSql.isEmpty()) {
            StringJoiner panels = new StringJoiner("; ");
            for (Insight insight : shown) {
                NowRelativeSql.Rendered sql = customSql.get(insight.id());
                if (sql != null) {
                    panels.add(insight.title() + " (" + (sql.usesDashboardWindow() ? "the last " + ExplicitSqlVisuals.describe(
                            InsightVisuals.DEFAULT_WINDOW) : "reads the last " + ExplicitSqlVisuals.describe(sql.reach())) + ")");
                }
            }
            paragraphs.add("Custom SQL panels run the catalog's own Athena SQL over a window that ends when you view them; the "
                    + "time range and filter controls do not apply to them, the SLO parameters (availability target, latency "
                    + "threshold and target) do: " + panels + ".");
        }
        if (!leftOut.isEmpty()) {
            paragraphs.add("Not on this dashboard (see the local dashboard, `query --insight ID` or the reports): "
                    + describe(leftOut) + ".");
        }
        List<VisualSpec> visuals = List.of(
                VisualSpec.of("about-newest", dataSet, ChartKind.KPI, "Newest request",
                        "When did the last logged request arrive?", List.of(),
                        List.of(new Measure("request_time", Aggregation.max(), "Newest request", Unit.TIME))),
                VisualSpec.of("about-requests", dataSet, ChartKind.KPI, "Requests, last 7 days",
                        "How many rows does the table hold for the last week?", List.of(), List.of(Measure.requests())));
        return new SheetSpec(ID, "About", "What this dashboard shows, how fresh it is and how to read it", paragraphs, visuals);
    }

    /** The About sheet's own look-back, independent of the content sheets' time range. */
    FilterSpec window() {
        return new FilterSpec(WINDOW_FILTER, dataSet, DataSetColumns.REQUEST_DATE, FilterSpec.Kind.RELATIVE_TIME, "Look back",
                Map.of(ID, List.of()), List.of());
    }

    private static String describe(List<CatalogDashboard.LeftOut> items) {
        StringJoiner out = new StringJoiner("; ");
        items.forEach(i -> out.add(i.title() + " (" + i.id() + "): " + i.reason()));
        return out.toString();
    }
}
