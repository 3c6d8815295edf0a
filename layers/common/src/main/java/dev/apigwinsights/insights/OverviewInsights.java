package dev.apigwinsights.insights;

import static dev.apigwinsights.insights.Defs.IS_2XX;
import static dev.apigwinsights.insights.Defs.IS_4XX;
import static dev.apigwinsights.insights.Defs.IS_5XX;
import static dev.apigwinsights.insights.Defs.REQUESTS;
import static dev.apigwinsights.insights.Defs.insight;

import dev.apigwinsights.insights.InsightQuery.Aggregate;
import java.time.Duration;
import java.util.List;

/** Overview: traffic, status classes, change over time, busiest routes. */
final class OverviewInsights {

    private OverviewInsights() {
    }

    static List<Insight> all() {
        return List.of(
                insight("overview_kpis", Sheet.OVERVIEW, ChartKind.KPI, "Traffic at a glance",
                        "How many requests did the API serve, how many failed (4xx, 5xx), how much data went out and how fast?")
                        .query(Aggregate.by()
                                .measure(REQUESTS,
                                        Measure.countIf("requests_2xx", IS_2XX),
                                        Measure.countIf("requests_4xx", IS_4XX),
                                        Measure.countIf("requests_5xx", IS_5XX),
                                        Measure.rate("error_4xx_rate_pct", IS_4XX),
                                        Measure.rate("error_5xx_rate_pct", IS_5XX),
                                        Measure.sum("response_bytes", Columns.RESPONSE_LENGTH, Unit.BYTES),
                                        Defs.avgMs(Columns.RESPONSE_LATENCY_MS),
                                        Defs.p95(Columns.RESPONSE_LATENCY_MS)))
                        .build(),
                insight("requests_by_status_class", Sheet.OVERVIEW, ChartKind.PIE, "Requests by status class",
                        "How do requests split between 2xx, 3xx, 4xx and 5xx responses?")
                        .query(Aggregate.by(Dimension.of("status_class", Columns.STATUS_CLASS))
                                .measure(REQUESTS)
                                .orderBy(Order.desc("requests")))
                        .build(),
                insight("requests_over_time", Sheet.OVERVIEW, ChartKind.LINE, "Requests over time",
                        "How does traffic change over the period?")
                        .query(Aggregate.by(Defs.time())
                                .measure(REQUESTS, Defs.ERRORS))
                        .build(),
                insight("requests_over_time_by_status_class", Sheet.OVERVIEW, ChartKind.STACKED_BAR,
                        "Requests over time by status class", "When did errors happen, compared with successful traffic?")
                        .query(Aggregate.by(Dimension.time(TimeGrain.AUTO), Dimension.series("status_class", Columns.STATUS_CLASS))
                                .measure(REQUESTS))
                        .build(),
                insight("top_routes", Sheet.OVERVIEW, ChartKind.BAR, "Top routes",
                        "Which routes get the most requests?")
                        .query(Aggregate.by(Dimension.of("route", Columns.ROUTE))
                                .measure(REQUESTS)
                                .where(Condition.notNull(Columns.ROUTE))
                                .orderBy(Order.desc("requests"))
                                .limit(10))
                        .build(),
                insight("status_class_by_api", Sheet.OVERVIEW, ChartKind.PIVOT, "Status classes per API",
                        "For each API, how many requests ended in each status class?")
                        .query(Aggregate.by(Dimension.of("api_id", Columns.API_ID), Dimension.series("status_class", Columns.STATUS_CLASS))
                                .measure(REQUESTS))
                        .build(),
                insight("requests_by_weekday_hour", Sheet.OVERVIEW, ChartKind.HEATMAP, "Traffic by weekday and hour",
                        "At which hours of which weekdays (UTC) is the API busiest?")
                        .query(Aggregate.by(Dimension.of("weekday", new Expr.DayOfWeek()),
                                        Dimension.series("hour_of_day", new Expr.HourOfDay()))
                                .measure(REQUESTS))
                        .build(),
                insight("requests_by_stage", Sheet.OVERVIEW, ChartKind.BAR, "Requests by stage",
                        "How much traffic does each stage get?")
                        .query(Aggregate.by(Dimension.of("stage", Columns.STAGE))
                                .measure(REQUESTS, Defs.ERROR_RATE)
                                .orderBy(Order.desc("requests")))
                        .build(),
                insight("requests_by_api_type", Sheet.OVERVIEW, ChartKind.PIE, "Requests by API type",
                        "How does traffic split between REST, HTTP and WebSocket APIs?")
                        .query(Aggregate.by(Dimension.of("api_type", Columns.API_TYPE))
                                .measure(REQUESTS)
                                .orderBy(Order.desc("requests")))
                        .build(),
                insight("top_domains", Sheet.OVERVIEW, ChartKind.BAR, "Top domains",
                        "Which domain names do clients call most?")
                        .query(Aggregate.by(Dimension.of("domain_name", Columns.DOMAIN_NAME))
                                .measure(REQUESTS)
                                .where(Condition.notNull(Columns.DOMAIN_NAME))
                                .orderBy(Order.desc("requests"))
                                .limit(10))
                        .build(),
                insight("requests_by_method", Sheet.OVERVIEW, ChartKind.PIE, "Requests by HTTP method",
                        "Which HTTP methods do clients use?")
                        .query(Aggregate.by(Dimension.of("http_method", Columns.HTTP_METHOD))
                                .measure(REQUESTS)
                                .where(Condition.notNull(Columns.HTTP_METHOD))
                                .orderBy(Order.desc("requests")))
                        .build(),
                insight("requests_by_protocol", Sheet.OVERVIEW, ChartKind.PIE, "Requests by protocol",
                        "Which protocols (HTTP/1.1, HTTP/2) do clients speak?")
                        .query(Aggregate.by(Dimension.of("protocol", Columns.PROTOCOL))
                                .measure(REQUESTS)
                                .where(Condition.notNull(Columns.PROTOCOL))
                                .orderBy(Order.desc("requests")))
                        .build(),
                insight("requests_by_status", Sheet.OVERVIEW, ChartKind.BAR, "Requests by status code",
                        "Which exact status codes did the API return, and how often?")
                        .query(Aggregate.by(Dimension.of("status", Columns.STATUS))
                                .measure(REQUESTS)
                                .where(Condition.notNull(Columns.STATUS))
                                .orderBy(Order.desc("requests")))
                        .build(),
                insight("requests_over_time_by_api", Sheet.OVERVIEW, ChartKind.LINE, "Requests over time by API",
                        "How does each API's traffic change over the period?")
                        .query(Aggregate.by(Defs.time(), Dimension.series("api_id", Columns.API_ID))
                                .measure(REQUESTS))
                        .build(),
                insight("requests_over_time_by_stage", Sheet.OVERVIEW, ChartKind.LINE, "Requests over time by stage",
                        "How does each stage's traffic change over the period?")
                        .query(Aggregate.by(Defs.time(), Dimension.series("stage", Columns.STAGE))
                                .measure(REQUESTS))
                        .build(),
                insight("requests_over_time_by_method", Sheet.OVERVIEW, ChartKind.STACKED_BAR, "Requests over time by method",
                        "How does the mix of HTTP methods change over the period?")
                        .query(Aggregate.by(Defs.time(), Dimension.series("http_method", Columns.HTTP_METHOD))
                                .measure(REQUESTS))
                        .build(),
                insight("data_volume_over_time", Sheet.OVERVIEW, ChartKind.LINE, "Data sent over time",
                        "How many response bytes did the API send over the period?")
                        .query(Aggregate.by(Defs.time())
                                .measure(Measure.sum("response_bytes", Columns.RESPONSE_LENGTH, Unit.BYTES), REQUESTS))
                        .build(),
                insight("requests_change_vs_previous", Sheet.OVERVIEW, ChartKind.KPI, "Change vs previous period",
                        "How do requests, the 5xx rate and p95 latency compare with the previous period and the same period last week?")
                        .query(Comparisons.query())
                        .build());
    }

    /**
     * Period comparison: one scan over the union of the current range, the same-length range
     * before it and the same range a week earlier, each period selected with {@code FILTER}
     * (periods may overlap, so a row can count in several). Without a range: the last 24 hours.
     */
    static final class Comparisons {

        private static final String[] PERIODS = {"", "previous_", "last_week_"};

        private Comparisons() {
        }

        static InsightQuery.ExplicitSql query() {
            List<ResultColumn> columns = new java.util.ArrayList<>();
            for (String p : PERIODS) {
                columns.add(ResultColumn.of(p + "requests", ValueType.BIGINT, Unit.COUNT, ColumnRole.MEASURE));
            }
            columns.add(ResultColumn.of("requests_change_pct", ValueType.DOUBLE, Unit.PERCENT, ColumnRole.MEASURE));
            columns.add(ResultColumn.of("requests_change_vs_last_week_pct", ValueType.DOUBLE, Unit.PERCENT, ColumnRole.MEASURE));
            for (String p : PERIODS) {
                columns.add(ResultColumn.of(p + "error_5xx_rate_pct", ValueType.DOUBLE, Unit.PERCENT, ColumnRole.MEASURE));
            }
            for (String p : PERIODS) {
                columns.add(ResultColumn.of(p + "p95_ms", ValueType.DOUBLE, Unit.MILLISECONDS, ColumnRole.MEASURE));
            }
            return new InsightQuery.ExplicitSql(Comparisons::sql, columns);
        }

        /** Binds the period's bounds again at each use: placeholders are bound in the order they appear. */
        private static String in(SqlContext ctx, String period, TimeRange r) {
            return "request_time >= " + ctx.timestamp(period + "from_time", r.from())
                    + " AND request_time < " + ctx.timestamp(period + "to_time", r.to());
        }

        private static String sql(SqlContext ctx) {
            TimeRange current = ctx.rangeOr(Duration.ofDays(1));
            TimeRange[] periods = {current, current.previous(), current.minus(Duration.ofDays(7))};
            StringBuilder inner = new StringBuilder("SELECT ");
            for (int i = 0; i < 3; i++) {
                String p = PERIODS[i];
                inner.append("count(*) FILTER (WHERE ").append(in(ctx, p, periods[i])).append(") AS ").append(p).append("requests,\n       ");
                inner.append("count(*) FILTER (WHERE ").append(in(ctx, p, periods[i])).append(" AND status_class = '5xx') AS ")
                        .append(p).append("errors_5xx,\n       ");
                inner.append(ctx.percentile("response_latency_ms", 0.95)).append(" FILTER (WHERE ").append(in(ctx, p, periods[i]))
                        .append(") AS ").append(p).append("p95_ms");
                inner.append(i < 2 ? ",\n       " : "\n");
            }
            TimeRange scanned = periods[0].span(periods[1]).span(periods[2]);
            inner.append("FROM ").append(ctx.table()).append("\nWHERE ").append(ctx.where("scan_", scanned));
            return "SELECT requests, previous_requests, last_week_requests,\n"
                    + "       100 * CAST(requests - previous_requests AS double) / nullif(previous_requests, 0) AS requests_change_pct,\n"
                    + "       100 * CAST(requests - last_week_requests AS double) / nullif(last_week_requests, 0) AS requests_change_vs_last_week_pct,\n"
                    + "       100 * CAST(errors_5xx AS double) / nullif(requests, 0) AS error_5xx_rate_pct,\n"
                    + "       100 * CAST(previous_errors_5xx AS double) / nullif(previous_requests, 0) AS previous_error_5xx_rate_pct,\n"
                    + "       100 * CAST(last_week_errors_5xx AS double) / nullif(last_week_requests, 0) AS last_week_error_5xx_rate_pct,\n"
                    + "       p95_ms, previous_p95_ms, last_week_p95_ms\n"
                    + "FROM (" + inner + ") periods";
        }
    }
}
