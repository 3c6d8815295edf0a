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

    private Defs() {
    }

    static Insight.Builder insight(String id, Sheet sheet, ChartKind chart, String title, String question) {
        return Insight.builder(id).sheet(sheet).chart(chart).title(title).question(question);
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
