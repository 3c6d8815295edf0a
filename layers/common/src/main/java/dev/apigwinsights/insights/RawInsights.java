package dev.apigwinsights.insights;

import static dev.apigwinsights.insights.Defs.insight;

import java.util.List;

/** Raw requests: individual rows, newest first, with every filter. */
final class RawInsights {

    private RawInsights() {
    }

    static List<Insight> all() {
        return List.of(
                insight("raw_requests", Sheet.RAW, ChartKind.TABLE, "Recent requests",
                        "What exactly happened on the latest requests that match the filters?")
                        .query(new InsightQuery.Rows(List.of(
                                Dimension.detail("request_time", Columns.REQUEST_TIME),
                                Dimension.detail("request_id", Columns.REQUEST_ID),
                                Dimension.detail("api_id", Columns.API_ID),
                                Dimension.detail("stage", Columns.STAGE),
                                Dimension.detail("http_method", Columns.HTTP_METHOD),
                                Dimension.detail("route", Columns.ROUTE),
                                Dimension.detail("path", Columns.PATH),
                                Dimension.detail("status", Columns.STATUS),
                                Dimension.detail("response_latency_ms", Columns.RESPONSE_LATENCY_MS).withUnit(Unit.MILLISECONDS),
                                Dimension.detail("response_length", Columns.RESPONSE_LENGTH).withUnit(Unit.BYTES),
                                Dimension.detail("source_ip", Columns.SOURCE_IP),
                                Dimension.detail("auth_method", Columns.AUTH_METHOD),
                                Dimension.detail("principal", Columns.PRINCIPAL),
                                Dimension.detail("api_key_id", Columns.API_KEY_ID),
                                Dimension.detail("usage_plan_name", Columns.USAGE_PLAN_NAME),
                                Dimension.detail("error_category", Columns.ERROR_CATEGORY),
                                Dimension.detail("error_message", Columns.ERROR_MESSAGE)),
                                null, List.of(Order.desc("request_time")), 100))
                        .build());
    }
}
