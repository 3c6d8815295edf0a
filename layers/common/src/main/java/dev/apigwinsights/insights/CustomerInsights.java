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
                insight("requests_by_customer", Sheet.CUSTOMERS, ChartKind.TABLE, "Customers",
                        "How much does each customer (the API key's customerId) call, how often does it fail and how fast is it served?")
                        .query(Aggregate.by(Dimension.of("customer_id", Columns.CUSTOMER_ID))
                                .measure(REQUESTS, Measure.distinct("api_keys", Columns.API_KEY_ID), Defs.ERROR_RATE,
                                        Defs.p95(Columns.RESPONSE_LATENCY_MS), Defs.LAST_SEEN)
                                .where(Condition.notNull(Columns.CUSTOMER_ID))
                                .orderBy(Order.desc("requests")))
                        .build(),
                insight("requests_by_api_key", Sheet.CUSTOMERS, ChartKind.TABLE, "API keys",
                        "How many requests did each API key make, for which customer and under which plan?")
                        .query(Aggregate.by(Dimension.of("api_key_id", Columns.API_KEY_ID),
                                        Dimension.detail("api_key_name", Columns.API_KEY_NAME),
                                        Dimension.detail("customer_id", Columns.CUSTOMER_ID),
                                        Dimension.detail("usage_plan_name", Columns.USAGE_PLAN_NAME))
                                .measure(REQUESTS, Defs.ERROR_RATE, Defs.LAST_SEEN)
                                .where(Condition.notNull(Columns.API_KEY_ID))
                                .orderBy(Order.desc("requests"))
                                .limit(50))
                        .build(),
                insight("requests_over_time_by_usage_plan", Sheet.CUSTOMERS, ChartKind.STACKED_BAR, "Requests over time by usage plan",
                        "How does each usage plan's traffic change over the period?")
                        .query(Aggregate.by(Defs.time(), Dimension.series("usage_plan_name", Columns.USAGE_PLAN_NAME))
                                .measure(REQUESTS)
                                .where(Condition.notNull(Columns.USAGE_PLAN_NAME)))
                        .build(),
                insight("requests_over_time_by_customer", Sheet.CUSTOMERS, ChartKind.LINE, "Requests over time by customer",
                        "How does each customer's traffic change over the period?")
                        .query(Aggregate.by(Defs.time(), Dimension.series("customer_id", Columns.CUSTOMER_ID))
                                .measure(REQUESTS)
                                .where(Condition.notNull(Columns.CUSTOMER_ID)))
                        .build(),
                insight("quota_usage_by_key", Sheet.CUSTOMERS, ChartKind.TABLE, "Quota use per key and period",
                        "How much of its plan's quota did each API key use, per quota period (DAY, WEEK or MONTH, honouring the "
                                + "plan's offset), counting requests not rejected for quota or throttling?")
                        .query(quotaUsage())
                        .build(),
                insight("quota_and_throttle_hits", Sheet.CUSTOMERS, ChartKind.TABLE, "Keys that hit their quota or throttling",
                        "Which API keys were rejected for exceeding their quota (QUOTA_EXCEEDED) or their rate (THROTTLED), how often, "
                                + "and when first and last?")
                        .query(Aggregate.by(Dimension.of("api_key_id", Columns.API_KEY_ID),
                                        Dimension.detail("customer_id", Columns.CUSTOMER_ID),
                                        Dimension.detail("usage_plan_name", Columns.USAGE_PLAN_NAME),
                                        Dimension.detail("error_category", Columns.ERROR_CATEGORY))
                                .measure(REQUESTS, Defs.FIRST_SEEN, Defs.LAST_SEEN)
                                .where(Condition.in(Columns.ERROR_CATEGORY, "QUOTA", "THROTTLE"))
                                .orderBy(Order.desc("requests")))
                        .build(),
                insight("unknown_api_keys", Sheet.CUSTOMERS, ChartKind.TABLE, "Unknown API keys",
                        "Which API key ids called the API without being in a usage plan for that stage (deleted, misconfigured or new keys)?")
                        .query(Aggregate.by(Dimension.of("api_key_id", Columns.API_KEY_ID))
                                .measure(REQUESTS, Measure.distinct("client_ips", Columns.SOURCE_IP), Defs.FIRST_SEEN, Defs.LAST_SEEN)
                                .where(Condition.and(Condition.notNull(Columns.API_KEY_ID),
                                        Condition.eq(Columns.ENRICHMENT_STATUS, "UNKNOWN_KEY")))
                                .orderBy(Order.desc("requests")))
                        .build(),
                insight("new_vs_returning_consumers", Sheet.CUSTOMERS, ChartKind.STACKED_BAR, "New and returning API keys",
                        "How many API keys called for the first time (not seen in the 30 days before) and how many came back, per period?")
                        .query(newVsReturning())
                        .build(),
                insight("estimated_bill_by_customer", Sheet.CUSTOMERS, ChartKind.TABLE, "Estimated bill per customer",
                        "What would each customer pay for the period at the configured price per request of its plan "
                                + "(no price configured: no bill)?")
                        .query(estimatedBill())
                        .build());
    }

    /** How far back a key's earlier requests make it "returning". */
    static final Duration RETURNING_LOOKBACK = Duration.ofDays(30);

    /**
     * Keys active per time bucket, split by whether the bucket holds the key's first request in the
     * range and the {@link #RETURNING_LOOKBACK} before it.
     */
    static InsightQuery.ExplicitSql newVsReturning() {
        List<ResultColumn> columns = List.of(
                new ResultColumn("bucket_start", ValueType.TIMESTAMP, Unit.NONE, ColumnRole.TIME, "Time"),
                ResultColumn.of("consumer_kind", ValueType.STRING, Unit.NONE, ColumnRole.SERIES),
                ResultColumn.of("api_keys", ValueType.BIGINT, Unit.COUNT, ColumnRole.MEASURE));
        return new InsightQuery.ExplicitSql(ctx -> {
            String grain = ctx.grain(TimeGrain.AUTO).sqlUnit();
            TimeRange range = ctx.range().orElse(null);
            TimeRange scanned = range == null ? null : new TimeRange(range.from().minus(RETURNING_LOOKBACK), range.to());
            String sql = "WITH seen AS (\n"
                    + "  SELECT api_key_id, request_time\n"
                    + "  FROM " + ctx.table() + "\n"
                    + "  WHERE api_key_id IS NOT NULL AND " + ctx.where("scan_", scanned) + "\n"
                    + "), firsts AS (\n"
                    + "  SELECT api_key_id, date_trunc('" + grain + "', min(request_time)) AS first_bucket FROM seen GROUP BY api_key_id\n"
                    + "), active AS (\n"
                    + "  SELECT DISTINCT api_key_id, date_trunc('" + grain + "', request_time) AS bucket_start FROM seen\n";
            if (range != null) {
                sql += "  WHERE request_time >= " + ctx.timestamp("from_time", range.from()) + "\n";
            }
            return sql + ")\n"
                    + "SELECT a.bucket_start, CASE WHEN f.first_bucket = a.bucket_start THEN 'new' ELSE 'returning' END AS consumer_kind,\n"
                    + "       count(*) AS api_keys\n"
                    + "FROM active a JOIN firsts f ON a.api_key_id = f.api_key_id\n"
                    + "GROUP BY 1, 2\n"
                    + "ORDER BY bucket_start ASC, consumer_kind ASC";
        }, columns);
    }

    /**
     * Requests per customer and plan times the plan's price ({@link InsightParams#pricePerRequestByPlan},
     * bound as a VALUES list). Requests rejected for quota or throttling are not billed; a plan
     * without a price has a null bill.
     */
    static InsightQuery.ExplicitSql estimatedBill() {
        List<ResultColumn> columns = List.of(
                ResultColumn.of("customer_id", ValueType.STRING, Unit.NONE, ColumnRole.DIMENSION),
                ResultColumn.of("usage_plan_name", ValueType.STRING, Unit.NONE, ColumnRole.DETAIL),
                ResultColumn.of("requests", ValueType.BIGINT, Unit.COUNT, ColumnRole.MEASURE),
                ResultColumn.of("price_per_request", ValueType.DOUBLE, Unit.CURRENCY, ColumnRole.DETAIL),
                ResultColumn.of("estimated_bill", ValueType.DOUBLE, Unit.CURRENCY, ColumnRole.MEASURE));
        return new InsightQuery.ExplicitSql(ctx -> {
            StringBuilder sql = new StringBuilder("WITH billed AS (\n"
                    + "  SELECT customer_id, usage_plan_name, count(*) AS requests\n"
                    + "  FROM " + ctx.table() + "\n"
                    + "  WHERE api_key_id IS NOT NULL AND coalesce(error_category, '') NOT IN ('QUOTA', 'THROTTLE') AND " + ctx.where() + "\n"
                    + "  GROUP BY 1, 2\n"
                    + "), prices AS (\n");
            var prices = ctx.params().pricePerRequestByPlan();
            if (prices.isEmpty()) {
                sql.append("  SELECT CAST(NULL AS varchar) AS plan_name, CAST(NULL AS double) AS price WHERE FALSE\n");
            } else {
                java.util.StringJoiner rows = new java.util.StringJoiner(",\n         ", "  SELECT plan_name, price FROM (VALUES ", ")");
                prices.forEach((plan, price) -> rows.add("(CAST(" + ctx.bind("price_plan", plan) + " AS varchar), CAST("
                        + ctx.bind("price_per_request", price) + " AS double))"));
                sql.append(rows).append(" AS p(plan_name, price)\n");
            }
            return sql.append(")\n"
                    + "SELECT b.customer_id, b.usage_plan_name, b.requests, p.price AS price_per_request, b.requests * p.price AS estimated_bill\n"
                    + "FROM billed b LEFT JOIN prices p ON b.usage_plan_name = p.plan_name\n"
                    + "ORDER BY estimated_bill DESC NULLS LAST, requests DESC, customer_id ASC NULLS LAST, usage_plan_name ASC NULLS LAST")
                    .toString();
        }, columns);
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
