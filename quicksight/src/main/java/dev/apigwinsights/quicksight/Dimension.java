package dev.apigwinsights.quicksight;

import java.util.Objects;
import java.util.Optional;

/** What a visual groups by: a column, bucketed in time when it is a timestamp. */
public record Dimension(String column, Optional<TimeGranularity> granularity, String label) {

    public Dimension {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(label, "label");
    }

    public static Dimension of(String column, String label) {
        return new Dimension(column, Optional.empty(), label);
    }

    public static Dimension time(String column, TimeGranularity granularity, String label) {
        return new Dimension(column, Optional.of(granularity), label);
    }
}
