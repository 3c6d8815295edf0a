package dev.apigwinsights.quicksight;

import java.util.Objects;

/** A number a visual shows: an aggregation over a column (or calculated field), with a label and a unit. */
public record Measure(String column, Aggregation aggregation, String label, Unit unit) {

    /** Every row has a request time (it decides the row's partition), so counting it counts rows. */
    public static final String ROW_COUNT_COLUMN = "request_time";

    public Measure {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(aggregation, "aggregation");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(unit, "unit");
    }

    /** Number of requests: COUNT of the request time, set on every row (the request id may be missing). */
    public static Measure requests() {
        return new Measure(ROW_COUNT_COLUMN, Aggregation.count(), "Requests", Unit.COUNT);
    }

    public static Measure latency(String column, Aggregation aggregation, String label) {
        return new Measure(column, aggregation, label, Unit.MILLISECONDS);
    }
}
