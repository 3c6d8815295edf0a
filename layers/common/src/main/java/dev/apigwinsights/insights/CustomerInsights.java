package dev.apigwinsights.insights;

import static dev.apigwinsights.insights.Defs.REQUESTS;
import static dev.apigwinsights.insights.Defs.insight;

import dev.apigwinsights.insights.InsightQuery.Aggregate;
import java.time.Duration;
import java.util.List;

/** Customers & quotas: usage plans, API keys, quota use, estimated bills. */
final class CustomerInsights {

    /** The longest quota period: a range's first period can start this long before the range. */
    static final Duration LONGEST_PERIOD = Duration.ofDays(31);

    private CustomerInsights() {
    }

    static List<Insight> all() {
        return List.of(
                insight("requests_by_usage_plan", Sheet.CUSTOMERS, ChartKind.BAR, "Requests by usage plan",
                        "How many requests did each usage plan serve (empty: requests without a plan)?")
                        .query(Aggregate.by(Dimension.of("usage_plan_name", Columns.USAGE_PLAN_NAME))
                                .measure(REQUESTS)
                                .orderBy(Order.desc("requests")))
                        .build(),
                insight("quota_usage_by_key", Sheet.CUSTOMERS, ChartKind.TABLE, "Quota use per key and period",
                        "How much of its plan's quota did each API key use, per quota period (DAY, WEEK or MONTH, honouring the "
                                + "plan's offset), counting requests not rejected for quota or throttling?")
                        .query(quotaUsage())
                        .build());
    }

    /**
     * One row per (key, plan, quota period) with a request in the range. A period is counted whole,
     * also before the range's start (the scan reaches back {@link #LONGEST_PERIOD}), because the
     * quota counts the whole period.
     */
    static InsightQuery.ExplicitSql quotaUsage() {
        List<ResultColumn> columns = List.of(
                ResultColumn.of("api_key_id", ValueType.STRING, Unit.NONE, ColumnRole.DIMENSION),
                ResultColumn.of("usage_plan_name", ValueType.STRING, Unit.NONE, ColumnRole.DIMENSION),
                new ResultColumn("period_start", ValueType.TIMESTAMP, Unit.NONE, ColumnRole.DETAIL, "Period start"),
                ResultColumn.of("requests", ValueType.BIGINT, Unit.COUNT, ColumnRole.MEASURE),
                ResultColumn.of("quota_limit", ValueType.BIGINT, Unit.COUNT, ColumnRole.MEASURE),
                ResultColumn.of("quota_used_pct", ValueType.DOUBLE, Unit.PERCENT, ColumnRole.MEASURE));
        return new InsightQuery.ExplicitSql(ctx -> {
            TimeRange range = ctx.range().orElse(null);
            TimeRange scanned = range == null ? null : new TimeRange(range.from().minus(LONGEST_PERIOD), range.to());
            String sql = "WITH counted AS (\n"
                    + "  SELECT api_key_id, usage_plan_name, quota_limit, request_time,\n"
                    + "         " + QuotaPeriods.startSql(ctx, "coalesce(quota_offset, 0)") + " AS period_start\n"
                    + "  FROM " + ctx.table() + "\n"
                    + "  WHERE api_key_id IS NOT NULL AND quota_limit IS NOT NULL AND quota_period IN ('DAY', 'WEEK', 'MONTH')\n"
                    + "    AND coalesce(error_category, '') NOT IN ('QUOTA', 'THROTTLE')\n"
                    + "    AND " + ctx.where("scan_", scanned) + "\n"
                    + ")\n"
                    + "SELECT api_key_id, usage_plan_name, period_start, count(*) AS requests, max(quota_limit) AS quota_limit,\n"
                    + "       100 * CAST(count(*) AS double) / nullif(max(quota_limit), 0) AS quota_used_pct\n"
                    + "FROM counted\n"
                    + "GROUP BY api_key_id, usage_plan_name, period_start\n";
            if (range != null) {
                sql += "HAVING max(request_time) >= " + ctx.timestamp("from_time", range.from()) + "\n";
            }
            return sql + "ORDER BY quota_used_pct DESC NULLS LAST, api_key_id, usage_plan_name NULLS LAST, period_start";
        }, columns);
    }
}
