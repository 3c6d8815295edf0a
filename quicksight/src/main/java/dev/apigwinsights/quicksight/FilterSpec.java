package dev.apigwinsights.quicksight;

import java.util.List;
import java.util.Objects;

/**
 * A filter with its control: which column, how the owner picks values, and which visuals it
 * narrows. Dashboard-wide filters ({@link DashboardSpec#filters()}) apply to every content sheet
 * and get a control on each; a sheet's own filters apply to that sheet, to all its visuals or to
 * {@code visualIds} only.
 */
public record FilterSpec(String id, String column, Kind kind, String controlTitle, List<String> visualIds) {

    public enum Kind {
        /** Pick any number of values from a drop-down (API, stage, route, status class...). */
        VALUES,
        /** Type one exact value (request id, client IP). */
        EXACT_TEXT,
        /** A relative window of whole days (last N days, this week...), default the last 7 days, on a date column. */
        RELATIVE_TIME
    }

    public FilterSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(controlTitle, "controlTitle");
        visualIds = List.copyOf(visualIds);
        if (!Ids.isValid(id)) {
            throw new IllegalArgumentException("filter id '" + id + "' is not a QuickSight id");
        }
    }

    public static FilterSpec values(String id, String column, String controlTitle) {
        return new FilterSpec(id, column, Kind.VALUES, controlTitle, List.of());
    }

    public static FilterSpec exactText(String id, String column, String controlTitle) {
        return new FilterSpec(id, column, Kind.EXACT_TEXT, controlTitle, List.of());
    }

    public static FilterSpec relativeTime(String id, String column, String controlTitle) {
        return new FilterSpec(id, column, Kind.RELATIVE_TIME, controlTitle, List.of());
    }

    /** The same filter narrowing only these visuals of its sheet. */
    public FilterSpec onlyVisuals(String... ids) {
        return new FilterSpec(id, column, kind, controlTitle, List.of(ids));
    }
}
