package dev.apigwinsights.quicksight;

import java.util.Objects;

/** A number a visual shows: an aggregation over a column, with a label and a unit. */
public record Measure(String column, Aggregation aggregation, String label, Unit unit) {

    public Measure {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(aggregation, "aggregation");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(unit, "unit");
    }

    /** Number of requests: COUNT of the request id (never null in the canonical table). */
    public static Measure requests() {
        return new Measure("request_id", Aggregation.count(), "Requests", Unit.COUNT);
    }

    public static Measure latency(String column, Aggregation aggregation, String label) {
        return new Measure(column, aggregation, label, Unit.MILLISECONDS);
    }
}
