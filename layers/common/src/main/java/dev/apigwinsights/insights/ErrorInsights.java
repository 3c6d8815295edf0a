package dev.apigwinsights.insights;

import static dev.apigwinsights.insights.Defs.ERRORS;
import static dev.apigwinsights.insights.Defs.ERROR_RATE;
import static dev.apigwinsights.insights.Defs.FIRST_SEEN;
import static dev.apigwinsights.insights.Defs.IS_ERROR;
import static dev.apigwinsights.insights.Defs.LAST_SEEN;
import static dev.apigwinsights.insights.Defs.REQUESTS;
import static dev.apigwinsights.insights.Defs.insight;

import dev.apigwinsights.insights.InsightQuery.Aggregate;
import java.util.List;

/** Errors: what fails, how often, where and why. An error is a request with an {@code error_category}. */
final class ErrorInsights {

    /** How many signatures the signature time series shows (the caller's limit overrides it). */
    static final int TOP_SIGNATURES = 5;

    private ErrorInsights() {
    }

    static List<Insight> all() {
        return List.of(
                insight("top_error_signatures", Sheet.ERRORS, ChartKind.TABLE, "Top error signatures",
                        "Which errors happen most, grouped by message with ids, numbers and ARNs masked?")
                        .query(Aggregate.by(Dimension.of("error_signature", Columns.ERROR_SIGNATURE))
                                .measure(REQUESTS)
                                .where(Condition.notNull(Columns.ERROR_SIGNATURE))
                                .orderBy(Order.desc("requests"))
                                .limit(10))
                        .build(),
                insight("errors_by_category", Sheet.ERRORS, ChartKind.PIE, "Errors by category",
                        "What kinds of errors are they: auth, quota, throttling, validation, not found, WAF, integration, server?")
                        .query(Aggregate.by(Dimension.of("error_category", Columns.ERROR_CATEGORY))
                                .measure(REQUESTS)
                                .where(IS_ERROR)
                                .orderBy(Order.desc("requests")))
                        .build(),
                insight("errors_over_time_by_category", Sheet.ERRORS, ChartKind.STACKED_BAR, "Errors over time by category",
                        "When did errors happen, and of which kind?")
                        .query(Aggregate.by(Defs.time(), Dimension.series("error_category", Columns.ERROR_CATEGORY))
                                .measure(REQUESTS)
                                .where(IS_ERROR))
                        .build(),
                insight("errors_by_status", Sheet.ERRORS, ChartKind.BAR, "Failed requests by status code",
                        "Which 4xx and 5xx status codes did clients get, and how often?")
                        .query(Aggregate.by(Dimension.of("status", Columns.STATUS))
                                .measure(REQUESTS)
                                .where(Condition.ge(Columns.STATUS, 400L))
                                .orderBy(Order.desc("requests")))
                        .build(),
                insight("errors_over_time_by_response_type", Sheet.ERRORS, ChartKind.STACKED_BAR, "Gateway responses over time",
                        "Which gateway response types (THROTTLED, QUOTA_EXCEEDED, INTEGRATION_TIMEOUT, ...) did API Gateway send, and when?")
                        .query(Aggregate.by(Defs.time(), Dimension.series("error_response_type", Columns.ERROR_RESPONSE_TYPE))
                                .measure(REQUESTS)
                                .where(Condition.notNull(Columns.ERROR_RESPONSE_TYPE)))
                        .build(),
                insight("top_error_messages", Sheet.ERRORS, ChartKind.TABLE, "Top error messages",
                        "Which error messages did API Gateway return most, and when were they first and last seen?")
                        .query(Aggregate.by(Dimension.of("error_message", Columns.ERROR_MESSAGE))
                                .measure(REQUESTS, FIRST_SEEN, LAST_SEEN)
                                .where(Condition.and(IS_ERROR, Condition.notNull(Columns.ERROR_MESSAGE)))
                                .orderBy(Order.desc("requests"))
                                .limit(10))
                        .build(),
                insight("error_signatures_over_time", Sheet.ERRORS, ChartKind.LINE, "Top error signatures over time",
                        "How do the most frequent error signatures evolve over the period?")
                        .query(signaturesOverTime())
                        .build(),
                insight("top_failing_routes", Sheet.ERRORS, ChartKind.TABLE, "Top failing routes",
                        "Which routes fail most, and how large a share of their requests fails?")
                        .query(Aggregate.by(Dimension.of("route", Columns.ROUTE))
                                .measure(ERRORS, REQUESTS, ERROR_RATE, Defs.ERRORS_5XX)
                                .orderBy(Order.desc("errors"))
                                .limit(10))
                        .build(),
                insight("top_failing_apis", Sheet.ERRORS, ChartKind.BAR, "Top failing APIs",
                        "Which APIs fail most?")
                        .query(Aggregate.by(Dimension.of("api_id", Columns.API_ID))
                                .measure(ERRORS, ERROR_RATE)
                                .orderBy(Order.desc("errors"))
                                .limit(10))
                        .build(),
                insight("top_client_ips_by_errors", Sheet.ERRORS, ChartKind.BAR, "Client IPs with most errors",
                        "Which client IPs get the most errors (misconfigured clients, scanners, abuse)?")
                        .query(Aggregate.by(Dimension.of("source_ip", Columns.SOURCE_IP))
                                .measure(Measure.count("errors"))
                                .where(Condition.and(IS_ERROR, Condition.notNull(Columns.SOURCE_IP)))
                                .orderBy(Order.desc("errors"))
                                .limit(10))
                        .build(),
                insight("authorizer_errors", Sheet.ERRORS, ChartKind.TABLE, "Authorizer errors",
                        "Which authorizer errors happened, how often, and when?")
                        .query(Aggregate.by(Dimension.of("authorizer_error", Columns.AUTHORIZER_ERROR))
                                .measure(REQUESTS, FIRST_SEEN, LAST_SEEN)
                                .where(Condition.notNull(Columns.AUTHORIZER_ERROR))
                                .orderBy(Order.desc("requests"))
                                .limit(20))
                        .build(),
                insight("waf_blocks", Sheet.ERRORS, ChartKind.TABLE, "WAF blocks",
                        "Which clients did AWS WAF block, on which routes, and when?")
                        .query(Aggregate.by(Dimension.of("source_ip", Columns.SOURCE_IP), Dimension.detail("route", Columns.ROUTE))
                                .measure(REQUESTS, FIRST_SEEN, LAST_SEEN)
                                .where(Condition.eq(Columns.ERROR_CATEGORY, "WAF"))
                                .orderBy(Order.desc("requests"))
                                .limit(20))
                        .build(),
                insight("integration_errors", Sheet.ERRORS, ChartKind.TABLE, "Integration errors",
                        "Which backend (integration) failures happened, on which routes, and when?")
                        .query(Aggregate.by(Dimension.of("error_signature", Columns.ERROR_SIGNATURE), Dimension.detail("route", Columns.ROUTE))
                                .measure(REQUESTS, FIRST_SEEN, LAST_SEEN)
                                .where(Condition.eq(Columns.ERROR_CATEGORY, "INTEGRATION"))
                                .orderBy(Order.desc("requests"))
                                .limit(20))
                        .build(),
                insight("recent_errors", Sheet.ERRORS, ChartKind.TABLE, "Recent errors",
                        "What were the latest failed requests, with their error details?")
                        .query(new InsightQuery.Rows(Defs.requestColumns(
                                Dimension.detail("error_category", Columns.ERROR_CATEGORY),
                                Dimension.detail("error_response_type", Columns.ERROR_RESPONSE_TYPE),
                                Dimension.detail("error_signature", Columns.ERROR_SIGNATURE),
                                Dimension.detail("source_ip", Columns.SOURCE_IP),
                                Dimension.detail("api_key_id", Columns.API_KEY_ID)),
                                IS_ERROR, List.of(Order.desc("request_time")), 50))
                        .build());
    }

    /** The top signatures of the range (by requests), then their counts per time bucket. */
    static InsightQuery.ExplicitSql signaturesOverTime() {
        List<ResultColumn> columns = List.of(
                new ResultColumn("bucket_start", ValueType.TIMESTAMP, Unit.NONE, ColumnRole.TIME, "Time"),
                ResultColumn.of("error_signature", ValueType.STRING, Unit.NONE, ColumnRole.SERIES),
                ResultColumn.of("requests", ValueType.BIGINT, Unit.COUNT, ColumnRole.MEASURE));
        return new InsightQuery.ExplicitSql(ctx -> {
            String grain = ctx.grain(TimeGrain.AUTO).sqlUnit();
            int top = ctx.params().limit().orElse(TOP_SIGNATURES);
            return "WITH errors AS (\n"
                    + "  SELECT date_trunc('" + grain + "', request_time) AS bucket_start, error_signature\n"
                    + "  FROM " + ctx.table() + "\n"
                    + "  WHERE error_signature IS NOT NULL AND " + ctx.where() + "\n"
                    + "), top_signatures AS (\n"
                    + "  SELECT error_signature FROM errors GROUP BY error_signature\n"
                    + "  ORDER BY count(*) DESC, error_signature ASC LIMIT " + top + "\n"
                    + ")\n"
                    + "SELECT e.bucket_start, e.error_signature, count(*) AS requests\n"
                    + "FROM errors e JOIN top_signatures t ON e.error_signature = t.error_signature\n"
                    + "GROUP BY 1, 2\n"
                    + "ORDER BY bucket_start ASC, error_signature ASC";
        }, columns);
    }
}
