package dev.apigwinsights.quicksight;

import dev.apigwinsights.schema.CanonicalField;

import java.util.Optional;

/** QuickSight's column types (a data set's {@code InputColumns[].Type}) and how Glue types map to them. */
public enum ColumnType {
    STRING, INTEGER, DECIMAL, DATETIME;

    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL;
    }

    /**
     * The QuickSight type of a canonical column; empty for a map, which QuickSight cannot type
     * (its values stay reachable in Athena and local mode).
     */
    public static Optional<ColumnType> of(CanonicalField.Type type) {
        return switch (type) {
            case STRING -> Optional.of(STRING);
            case INT, BIGINT -> Optional.of(INTEGER);
            case DOUBLE -> Optional.of(DECIMAL);
            case TIMESTAMP -> Optional.of(DATETIME);
            case MAP -> Optional.empty();
        };
    }
}
