package dev.apigwinsights.quicksight;

import java.util.Objects;

/**
 * A calculated field of the definition ({@code CalculatedFields}): a QuickSight expression over a
 * data set's columns, usable like a column of that data set. Its type is declared here because
 * QuickSight infers it and the semantic checks must know it; {@code aggregated} fields (a rate
 * such as {@code 100 * countIf(...) / count(...)}) aggregate themselves, so a visual shows them as
 * a measure without an aggregation function and never groups or filters rows by them.
 */
public record CalculatedField(String dataSet, String name, String expression, ColumnType type, boolean aggregated) {

    public CalculatedField {
        Objects.requireNonNull(dataSet, "dataSet");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(type, "type");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("calculated field names are snake_case: " + name);
        }
    }
}
