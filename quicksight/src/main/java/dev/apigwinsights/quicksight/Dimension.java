package dev.apigwinsights.quicksight;

import java.util.Objects;
import java.util.Optional;

/**
 * What a visual groups by (or, in a table of rows, shows): a column, bucketed in time when it is a
 * timestamp with a granularity, with a label and an optional unit for its number format.
 */
public record Dimension(String column, Optional<TimeGranularity> granularity, String label, Optional<Unit> unit) {

    public Dimension {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(unit, "unit");
    }

    public static Dimension of(String column, String label) {
        return new Dimension(column, Optional.empty(), label, Optional.empty());
    }

    public static Dimension time(String column, TimeGranularity granularity, String label) {
        return new Dimension(column, Optional.of(granularity), label, Optional.empty());
    }

    /** The same dimension with its values formatted as {@code newUnit} (milliseconds, bytes...). */
    public Dimension withUnit(Unit newUnit) {
        return new Dimension(column, granularity, label, Optional.of(newUnit));
    }
}
