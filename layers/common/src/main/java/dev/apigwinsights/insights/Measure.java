package dev.apigwinsights.insights;

import java.util.Objects;

/**
 * An aggregated number of an insight: what is aggregated ({@link #value}), how
 * ({@link #aggregation}), over which rows ({@link #when}, null: all rows of the group).
 */
public record Measure(String name, Aggregation aggregation, Expr value, Condition when, Condition over,
                      double quantile, Unit unit, String label) {

    /** The aggregations insights use; each maps to a QuickSight aggregation function and SQL in both engines. */
    public enum Aggregation {
        /** Rows (of {@code when}): {@code count(*)} / {@code count(*) FILTER (WHERE when)}. */
        COUNT,
        /** Distinct non-null values. */
        DISTINCT_COUNT,
        SUM,
        AVG,
        MIN,
        MAX,
        /** The {@link #quantile} (0-1) of the value: exact in DuckDB, approximate in Athena. */
        PERCENTILE,
        /** 100 &times; rows matching {@code when} / rows matching {@code over} (all rows when null). */
        RATE
    }

    public Measure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(aggregation, "aggregation");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(label, "label");
        boolean needsValue = aggregation != Aggregation.COUNT && aggregation != Aggregation.RATE;
        if (needsValue != (value != null)) {
            throw new IllegalArgumentException(name + ": " + aggregation + (needsValue ? " needs" : " takes no") + " value");
        }
        if (aggregation == Aggregation.RATE && when == null) {
            throw new IllegalArgumentException(name + ": a rate needs a condition");
        }
        if (aggregation == Aggregation.PERCENTILE && !(quantile > 0 && quantile < 1)) {
            throw new IllegalArgumentException(name + ": quantile must be in (0, 1)");
        }
    }

    public static Measure count(String name) {
        return new Measure(name, Aggregation.COUNT, null, null, null, 0, Unit.COUNT, ResultColumn.labelOf(name));
    }

    public static Measure countIf(String name, Condition when) {
        return new Measure(name, Aggregation.COUNT, null, when, null, 0, Unit.COUNT, ResultColumn.labelOf(name));
    }

    public static Measure distinct(String name, Expr value) {
        return new Measure(name, Aggregation.DISTINCT_COUNT, value, null, null, 0, Unit.COUNT, ResultColumn.labelOf(name));
    }

    public static Measure sum(String name, Expr value, Unit unit) {
        return new Measure(name, Aggregation.SUM, value, null, null, 0, unit, ResultColumn.labelOf(name));
    }

    public static Measure avg(String name, Expr value, Unit unit) {
        return new Measure(name, Aggregation.AVG, value, null, null, 0, unit, ResultColumn.labelOf(name));
    }

    public static Measure min(String name, Expr value, Unit unit) {
        return new Measure(name, Aggregation.MIN, value, null, null, 0, unit, ResultColumn.labelOf(name));
    }

    public static Measure max(String name, Expr value, Unit unit) {
        return new Measure(name, Aggregation.MAX, value, null, null, 0, unit, ResultColumn.labelOf(name));
    }

    public static Measure percentile(String name, Expr value, double quantile, Unit unit) {
        return new Measure(name, Aggregation.PERCENTILE, value, null, null, quantile, unit, ResultColumn.labelOf(name));
    }

    /** Percentage of the group's rows matching {@code when}. */
    public static Measure rate(String name, Condition when) {
        return new Measure(name, Aggregation.RATE, null, when, null, 0, Unit.PERCENT, ResultColumn.labelOf(name));
    }

    /** Percentage of the group's rows matching {@code over} that also match {@code when}. */
    public static Measure rate(String name, Condition when, Condition over) {
        return new Measure(name, Aggregation.RATE, null, when, over, 0, Unit.PERCENT, ResultColumn.labelOf(name));
    }

    /** This measure restricted to rows matching {@code condition} (SQL {@code FILTER (WHERE ...)}). */
    public Measure when(Condition condition) {
        if (aggregation == Aggregation.RATE || aggregation == Aggregation.COUNT) {
            throw new IllegalArgumentException(name + ": give counts and rates their condition at creation");
        }
        return new Measure(name, aggregation, value, condition, over, quantile, unit, label);
    }

    public Measure labelled(String newLabel) {
        return new Measure(name, aggregation, value, when, over, quantile, unit, newLabel);
    }

    public ValueType type() {
        switch (aggregation) {
            case COUNT:
            case DISTINCT_COUNT:
                return ValueType.BIGINT;
            case SUM:
                return value.type() == ValueType.DOUBLE ? ValueType.DOUBLE : ValueType.BIGINT;
            case MIN:
            case MAX:
                return value.type();
            default:
                return ValueType.DOUBLE;
        }
    }

    public ResultColumn column() {
        ColumnRole role = type() == ValueType.TIMESTAMP || type() == ValueType.STRING ? ColumnRole.DETAIL : ColumnRole.MEASURE;
        return new ResultColumn(name, type(), unit, role, label);
    }
}
