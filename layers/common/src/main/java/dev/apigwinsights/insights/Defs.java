package dev.apigwinsights.insights;

import static dev.apigwinsights.insights.Condition.eq;

/** Shorthands the catalog's sheets are written with. */
final class Defs {

    static final Condition IS_2XX = eq(Columns.STATUS_CLASS, "2xx");
    static final Condition IS_3XX = eq(Columns.STATUS_CLASS, "3xx");
    static final Condition IS_4XX = eq(Columns.STATUS_CLASS, "4xx");
    static final Condition IS_5XX = eq(Columns.STATUS_CLASS, "5xx");
    /** A request that failed in any way (it has an error category). */
    static final Condition IS_ERROR = Condition.notNull(Columns.ERROR_CATEGORY);

    static final Measure REQUESTS = Measure.count("requests");
    static final Measure ERRORS = Measure.countIf("errors", IS_ERROR);
    static final Measure ERROR_RATE = Measure.rate("error_rate_pct", IS_ERROR);
    static final Measure ERRORS_5XX = Measure.countIf("errors_5xx", IS_5XX);
    static final Measure FIRST_SEEN = Measure.min("first_seen", Columns.REQUEST_TIME, Unit.NONE);
    static final Measure LAST_SEEN = Measure.max("last_seen", Columns.REQUEST_TIME, Unit.NONE);

    private Defs() {
    }

    static Insight.Builder insight(String id, Sheet sheet, ChartKind chart, String title, String question) {
        return Insight.builder(id).sheet(sheet).chart(chart).title(title).question(question);
    }

    /** The columns that identify a single request in row lists: time, id, API, route, status. */
    static java.util.List<Dimension> requestColumns(Dimension... more) {
        java.util.List<Dimension> columns = new java.util.ArrayList<>(java.util.List.of(
                Dimension.detail("request_time", Columns.REQUEST_TIME),
                Dimension.detail("request_id", Columns.REQUEST_ID),
                Dimension.detail("api_id", Columns.API_ID),
                Dimension.detail("route", Columns.ROUTE),
                Dimension.detail("status", Columns.STATUS)));
        columns.addAll(java.util.List.of(more));
        return columns;
    }

    /** The time dimension with the grain chosen from the range (callers may override it). */
    static Dimension time() {
        return Dimension.time(TimeGrain.AUTO);
    }

    static Measure percentile(String name, Expr value, double quantile) {
        return Measure.percentile(name, value, quantile, Unit.MILLISECONDS);
    }

    static Measure p50(Expr value) {
        return Measure.percentile("p50_ms", value, 0.50, Unit.MILLISECONDS);
    }

    static Measure p95(Expr value) {
        return Measure.percentile("p95_ms", value, 0.95, Unit.MILLISECONDS);
    }

    static Measure p99(Expr value) {
        return Measure.percentile("p99_ms", value, 0.99, Unit.MILLISECONDS);
    }

    static Measure avgMs(Expr value) {
        return Measure.avg("avg_ms", value, Unit.MILLISECONDS);
    }
}
