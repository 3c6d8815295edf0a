package dev.apigwinsights.insights;

import static dev.apigwinsights.insights.Defs.REQUESTS;
import static dev.apigwinsights.insights.Defs.insight;

import dev.apigwinsights.insights.InsightQuery.Aggregate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Reliability: availability (the share of requests with a known status that are not 5xx) and
 * latency (the share answered within a threshold) against targets given as parameters
 * ({@link InsightParams#availabilityTargetPct()} and friends), the 30-day error budget, 1 h and 6 h
 * burn rates, and hourly anomalies.
 */
final class ReliabilityInsights {

    static final Duration SLO_WINDOW = Duration.ofDays(30);
    /** An hour is anomalous when its robust z-score is at least this far from 0. */
    static final double ANOMALY_Z = 3.5;
    /** Anomalies are looked for in at most this much of the range (its end), so the hour series stays small. */
    static final Duration ANOMALY_MAX_RANGE = Duration.ofDays(31);
    static final int ANOMALY_ROWS = 24;

    private static final Condition HAS_STATUS = Condition.notNull(Columns.STATUS_CLASS);
    private static final Condition AVAILABLE = Condition.and(HAS_STATUS, Condition.ne(Columns.STATUS_CLASS, "5xx"));
    private static final String AVAILABILITY_SQL = "100 * CAST(count(*) FILTER (WHERE status_class IS NOT NULL AND status_class <> '5xx') AS double)"
            + " / nullif(count(*) FILTER (WHERE status_class IS NOT NULL), 0)";

    private ReliabilityInsights() {
    }

    static List<Insight> all() {
        return List.of(
                insight("slo_status", Sheet.RELIABILITY, ChartKind.KPI, "SLO status",
                        "Over the period (default: the last 30 days), does the API meet its availability target (non-5xx share) "
                                + "and its latency target (share of requests answered within the threshold)?")
                        .query(sloStatus())
                        .build(),
                insight("error_budget", Sheet.RELIABILITY, ChartKind.KPI, "Error budget (30 days)",
                        "How much of the 30-day error budget of the availability target is left at the end of the period?")
                        .query(errorBudget())
                        .build(),
                insight("burn_rates", Sheet.RELIABILITY, ChartKind.KPI, "Error-budget burn rates (1 h and 6 h)",
                        "How fast is the error budget burning over the last hour and the last six hours of the period "
                                + "(1 = exactly on budget; 14.4 over 1 h or 6 over 6 h calls for action)?")
                        .query(burnRates())
                        .build(),
                insight("availability_over_time", Sheet.RELIABILITY, ChartKind.LINE, "Availability over time",
                        "What share of requests was not a 5xx, per period?")
                        .query(Aggregate.by(Defs.time())
                                .measure(Measure.rate("availability_pct", AVAILABLE, HAS_STATUS), REQUESTS))
                        .build(),
                insight("latency_slo_over_time", Sheet.RELIABILITY, ChartKind.LINE, "Latency SLO over time",
                        "What share of requests was answered within the latency threshold, per period, against the target?")
                        .query(latencySloOverTime())
                        .build(),
                insight("availability_by_route", Sheet.RELIABILITY, ChartKind.TABLE, "Least available routes",
                        "Which routes have the lowest availability (non-5xx share)?")
                        .query(Aggregate.by(Dimension.of("route", Columns.ROUTE))
                                .measure(REQUESTS, Defs.ERRORS_5XX, Measure.rate("availability_pct", AVAILABLE, HAS_STATUS))
                                .orderBy(Order.asc("availability_pct"))
                                .limit(20))
                        .build(),
                insight("hourly_anomalies", Sheet.RELIABILITY, ChartKind.TABLE, "Hourly traffic anomalies",
                        "Which hours had unusually many or few requests compared with the same hour of the week in previous weeks "
                                + "(robust z-score of at least 3.5)?")
                        .query(hourlyAnomalies())
                        .build());
    }

    /** The share of requests with a latency that were answered within the threshold (binds the threshold). */
    private static String withinLatencySql(SqlContext ctx) {
        return "100 * CAST(" + ctx.countIf("response_latency_ms <= " + ctx.bind("latency_threshold_ms", ctx.params().latencyThresholdMs()))
                + " AS double) / nullif(" + ctx.countIf("response_latency_ms IS NOT NULL") + ", 0)";
    }

    private static ResultColumn measure(String name, ValueType type, Unit unit) {
        return ResultColumn.of(name, type, unit, ColumnRole.MEASURE);
    }

    static InsightQuery.ExplicitSql sloStatus() {
        List<ResultColumn> columns = List.of(
                measure("requests", ValueType.BIGINT, Unit.COUNT),
                measure("availability_pct", ValueType.DOUBLE, Unit.PERCENT),
                measure("availability_target_pct", ValueType.DOUBLE, Unit.PERCENT),
                measure("within_latency_pct", ValueType.DOUBLE, Unit.PERCENT),
                measure("latency_target_pct", ValueType.DOUBLE, Unit.PERCENT),
                measure("latency_threshold_ms", ValueType.BIGINT, Unit.MILLISECONDS));
        return new InsightQuery.ExplicitSql(ctx -> {
            InsightParams p = ctx.params();
            return "SELECT count(*) AS requests,\n"
                    + "       " + AVAILABILITY_SQL + " AS availability_pct,\n"
                    + "       CAST(" + ctx.bind("availability_target_pct", p.availabilityTargetPct()) + " AS double) AS availability_target_pct,\n"
                    + "       " + withinLatencySql(ctx) + " AS within_latency_pct,\n"
                    + "       CAST(" + ctx.bind("latency_target_pct", p.latencyTargetPct()) + " AS double) AS latency_target_pct,\n"
                    + "       CAST(" + ctx.bind("latency_threshold_ms", p.latencyThresholdMs()) + " AS bigint) AS latency_threshold_ms\n"
                    + "FROM " + ctx.table() + "\n"
                    + "WHERE " + ctx.where(ctx.rangeOr(SLO_WINDOW));
        }, columns);
    }

    /**
     * The budget is the errors the target allows over the 30 days ending at the period's end:
     * requests &times; (100 - target) / 100; what is left is 100 &times; (1 - 5xx / allowed), negative
     * once the budget is overspent.
     */
    static InsightQuery.ExplicitSql errorBudget() {
        List<ResultColumn> columns = List.of(
                measure("requests", ValueType.BIGINT, Unit.COUNT),
                measure("errors_5xx", ValueType.BIGINT, Unit.COUNT),
                measure("availability_pct", ValueType.DOUBLE, Unit.PERCENT),
                measure("availability_target_pct", ValueType.DOUBLE, Unit.PERCENT),
                measure("allowed_errors", ValueType.DOUBLE, Unit.COUNT),
                measure("budget_remaining_pct", ValueType.DOUBLE, Unit.PERCENT));
        return new InsightQuery.ExplicitSql(ctx -> {
            double target = ctx.params().availabilityTargetPct();
            String outer = "SELECT requests, errors_5xx, availability_pct,\n"
                    + "       CAST(" + ctx.bind("availability_target_pct", target) + " AS double) AS availability_target_pct,\n"
                    + "       allowed_errors, 100 * (1 - errors_5xx / nullif(allowed_errors, 0)) AS budget_remaining_pct\n";
            String inner = "FROM (\n"
                    + "  SELECT count(*) FILTER (WHERE status_class IS NOT NULL) AS requests,\n"
                    + "         count(*) FILTER (WHERE status_class = '5xx') AS errors_5xx,\n"
                    + "         " + AVAILABILITY_SQL + " AS availability_pct,\n"
                    + "         count(*) FILTER (WHERE status_class IS NOT NULL) * (100 - CAST(" + ctx.bind("availability_target_pct", target)
                    + " AS double)) / 100 AS allowed_errors\n"
                    + "  FROM " + ctx.table() + "\n"
                    + "  WHERE " + ctx.where(TimeRange.ending(ctx.end(), SLO_WINDOW)) + "\n"
                    + ") budget";
            return outer + inner;
        }, columns);
    }

    /**
     * Burn rate = error rate / error rate the target allows, over the last 1 h and 6 h of the period
     * (Google SRE workbook's multiwindow alerting: page at 14.4 over 1 h, 6 over 6 h).
     */
    static InsightQuery.ExplicitSql burnRates() {
        List<ResultColumn> columns = List.of(
                measure("requests_1h", ValueType.BIGINT, Unit.COUNT),
                measure("error_rate_1h_pct", ValueType.DOUBLE, Unit.PERCENT),
                measure("burn_rate_1h", ValueType.DOUBLE, Unit.RATIO),
                measure("requests_6h", ValueType.BIGINT, Unit.COUNT),
                measure("error_rate_6h_pct", ValueType.DOUBLE, Unit.PERCENT),
                measure("burn_rate_6h", ValueType.DOUBLE, Unit.RATIO),
                measure("availability_target_pct", ValueType.DOUBLE, Unit.PERCENT));
        return new InsightQuery.ExplicitSql(ctx -> {
            double target = ctx.params().availabilityTargetPct();
            Instant end = ctx.end();
            Instant lastHour = end.minus(Duration.ofHours(1));
            String outer = "SELECT requests_1h, error_rate_1h_pct,\n"
                    + "       error_rate_1h_pct / (100 - CAST(" + ctx.bind("availability_target_pct", target) + " AS double)) AS burn_rate_1h,\n"
                    + "       requests_6h, error_rate_6h_pct,\n"
                    + "       error_rate_6h_pct / (100 - CAST(" + ctx.bind("availability_target_pct", target) + " AS double)) AS burn_rate_6h,\n"
                    + "       CAST(" + ctx.bind("availability_target_pct", target) + " AS double) AS availability_target_pct\n";
            String inner = "FROM (\n"
                    + "  SELECT count(*) FILTER (WHERE status_class IS NOT NULL AND request_time >= " + ctx.timestamp("hour_from_time", lastHour) + ") AS requests_1h,\n"
                    + "         100 * CAST(count(*) FILTER (WHERE status_class = '5xx' AND request_time >= " + ctx.timestamp("hour_from_time", lastHour)
                    + ") AS double)\n"
                    + "           / nullif(count(*) FILTER (WHERE status_class IS NOT NULL AND request_time >= " + ctx.timestamp("hour_from_time", lastHour)
                    + "), 0) AS error_rate_1h_pct,\n"
                    + "         count(*) FILTER (WHERE status_class IS NOT NULL) AS requests_6h,\n"
                    + "         100 * CAST(count(*) FILTER (WHERE status_class = '5xx') AS double) / nullif(count(*) FILTER (WHERE status_class IS NOT NULL), 0)"
                    + " AS error_rate_6h_pct\n"
                    + "  FROM " + ctx.table() + "\n"
                    + "  WHERE " + ctx.where(TimeRange.ending(end, Duration.ofHours(6))) + "\n"
                    + ") windows";
            return outer + inner;
        }, columns);
    }

    static InsightQuery.ExplicitSql latencySloOverTime() {
        List<ResultColumn> columns = List.of(
                new ResultColumn("bucket_start", ValueType.TIMESTAMP, Unit.NONE, ColumnRole.TIME, "Time"),
                measure("within_latency_pct", ValueType.DOUBLE, Unit.PERCENT),
                measure("latency_target_pct", ValueType.DOUBLE, Unit.PERCENT));
        return new InsightQuery.ExplicitSql(ctx -> {
            InsightParams p = ctx.params();
            return "SELECT date_trunc('" + ctx.grain(TimeGrain.AUTO).sqlUnit() + "', request_time) AS bucket_start,\n"
                    + "       " + withinLatencySql(ctx) + " AS within_latency_pct,\n"
                    + "       CAST(" + ctx.bind("latency_target_pct", p.latencyTargetPct()) + " AS double) AS latency_target_pct\n"
                    + "FROM " + ctx.table() + "\n"
                    + "WHERE " + ctx.where() + "\n"
                    + "GROUP BY 1\n"
                    + "ORDER BY bucket_start ASC";
        }, columns);
    }

    /**
     * For each hour of the period (its last {@link #ANOMALY_MAX_RANGE}; default the last 24 hours),
     * requests are compared with the same hour of the week in the {@link InsightParams#anomalyWeeks()}
     * previous weeks (hours without requests count as 0): baseline = their median, spread = 1.4826
     * &times; their median absolute deviation (or 1.2533 &times; their mean absolute deviation when that
     * is 0), z = (requests - baseline) / spread. Hours with |z| &ge; {@link #ANOMALY_Z} are listed,
     * largest first. Whole hours are counted: the period is widened to hour boundaries.
     */
    static InsightQuery.ExplicitSql hourlyAnomalies() {
        List<ResultColumn> columns = List.of(
                new ResultColumn("hour_start", ValueType.TIMESTAMP, Unit.NONE, ColumnRole.DIMENSION, "Hour"),
                measure("requests", ValueType.BIGINT, Unit.COUNT),
                measure("baseline_requests", ValueType.DOUBLE, Unit.COUNT),
                measure("mad", ValueType.DOUBLE, Unit.COUNT),
                measure("robust_z", ValueType.DOUBLE, Unit.SCORE));
        return new InsightQuery.ExplicitSql(ctx -> {
            Dialect d = ctx.dialect();
            int weeks = ctx.params().anomalyWeeks();
            TimeRange hours = anomalyHours(ctx.rangeOr(Duration.ofDays(1)));
            Instant historyFrom = hours.from().minus(Duration.ofDays(7L * weeks));
            String sql = "WITH hourly AS (\n"
                    + "  SELECT date_trunc('hour', request_time) AS hour_start, count(*) AS requests\n"
                    + "  FROM " + ctx.table() + "\n"
                    + "  WHERE " + ctx.where("scan_", new TimeRange(historyFrom, hours.to())) + "\n"
                    + "  GROUP BY 1\n"
                    + "), filled AS (\n"
                    + "  SELECT h.hour_start, coalesce(c.requests, 0) AS requests\n"
                    + "  FROM " + d.hourSeries(ctx.timestamp("history_from_time", historyFrom),
                            ctx.timestamp("last_hour_time", hours.to().minus(Duration.ofHours(1))), "h") + "\n"
                    + "  LEFT JOIN hourly c ON c.hour_start = h.hour_start\n"
                    + "), history AS (\n"
                    + "  SELECT cur.hour_start, cur.requests, past.requests AS past_requests\n"
                    + "  FROM filled cur JOIN filled past\n"
                    + "    ON past.hour_start < cur.hour_start AND date_diff('hour', past.hour_start, cur.hour_start) % 168 = 0\n"
                    + "   AND date_diff('hour', past.hour_start, cur.hour_start) <= " + ctx.bind("anomaly_hours_back", 168L * weeks) + "\n"
                    + "  WHERE cur.hour_start >= " + ctx.timestamp("from_time", hours.from()) + "\n"
                    + "), baseline AS (\n"
                    + "  SELECT hour_start, requests, " + d.percentile("past_requests", 0.5) + " AS baseline_requests\n"
                    + "  FROM history GROUP BY 1, 2\n"
                    + "), spread AS (\n"
                    + "  SELECT b.hour_start, b.requests, b.baseline_requests,\n"
                    + "         " + d.percentile("abs(h.past_requests - b.baseline_requests)", 0.5) + " AS mad,\n"
                    + "         avg(abs(h.past_requests - b.baseline_requests)) AS mean_abs_dev\n"
                    + "  FROM baseline b JOIN history h ON h.hour_start = b.hour_start\n"
                    + "  GROUP BY 1, 2, 3\n"
                    + "), scored AS (\n"
                    + "  SELECT hour_start, requests, baseline_requests, mad,\n"
                    + "         (requests - baseline_requests) / CASE WHEN mad > 0 THEN 1.4826E0 * mad\n"
                    + "                                               WHEN mean_abs_dev > 0 THEN 1.253314E0 * mean_abs_dev END AS robust_z\n"
                    + "  FROM spread\n"
                    + ")\n"
                    + "SELECT hour_start, requests, baseline_requests, mad, robust_z\n"
                    + "FROM scored\n"
                    + "WHERE abs(robust_z) >= " + SqlLiterals.literal(ANOMALY_Z) + "\n"
                    + "ORDER BY abs(robust_z) DESC, hour_start ASC\n"
                    + "LIMIT " + ctx.params().limit().orElse(ANOMALY_ROWS);
            return sql;
        }, columns);
    }

    /**
     * The whole hours anomalies are computed for: the range's last {@link #ANOMALY_MAX_RANGE}, from
     * the hour it starts in to the last hour that ends by its end. An hour the range cuts short at
     * its end is left out: when the range ends now, that hour is still filling up and would read as
     * a drop. A range inside one hour scores that hour.
     */
    static TimeRange anomalyHours(TimeRange range) {
        Instant from = range.from();
        if (range.length().compareTo(ANOMALY_MAX_RANGE) > 0) {
            from = range.to().minus(ANOMALY_MAX_RANGE);
        }
        Instant first = from.truncatedTo(ChronoUnit.HOURS);
        Instant end = range.to().truncatedTo(ChronoUnit.HOURS);
        return new TimeRange(first, end.isAfter(first) ? end : first.plus(Duration.ofHours(1)));
    }
}
