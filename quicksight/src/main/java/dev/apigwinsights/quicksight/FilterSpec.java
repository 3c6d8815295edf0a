package dev.apigwinsights.quicksight;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A filter on one column of one data set, the visuals it narrows, and how the owner sets it.
 *
 * @param scope            the visuals it narrows, by sheet id: an empty list means every visual of
 *                         that sheet (QuickSight's {@code ALL_VISUALS}), otherwise the named ones
 * @param controlTitle     the title of its control, shown on every sheet of its scope; null for a
 *                         fixed filter without a control (an insight's own condition)
 * @param selectableValues for {@link Kind#VALUES}: the closed set the drop-down offers (empty: the
 *                         values found in the data)
 */
public record FilterSpec(String id, String dataSet, String column, Kind kind, String controlTitle,
                         Map<String, List<String>> scope, List<String> selectableValues) {

    public enum Kind {
        /** Pick any number of values from a drop-down (API, stage, route, status class...). */
        VALUES,
        /** Type one exact value (request id, client IP). */
        EXACT_TEXT,
        /** A relative window of whole days (last N days, this week...), default the last 7 days, on a date column. */
        RELATIVE_TIME,
        /** Keeps rows whose numeric column equals 1: an insight's fixed condition as a 0/1 calculated field. */
        FLAG
    }

    public FilterSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dataSet, "dataSet");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(kind, "kind");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        scope.forEach((sheet, visuals) -> copy.put(sheet, List.copyOf(visuals)));
        scope = java.util.Collections.unmodifiableMap(copy);
        selectableValues = List.copyOf(selectableValues);
        if (!Ids.isValid(id)) {
            throw new IllegalArgumentException("filter id '" + id + "' is not a QuickSight id");
        }
        if (scope.isEmpty()) {
            throw new IllegalArgumentException(id + ": a filter narrows at least one sheet");
        }
        if (kind == Kind.FLAG && controlTitle != null) {
            throw new IllegalArgumentException(id + ": a fixed condition has no control");
        }
        if (kind != Kind.FLAG && controlTitle == null) {
            throw new IllegalArgumentException(id + ": a " + kind + " filter needs a control title");
        }
    }

    /** True when the owner sets it with a control. */
    public boolean hasControl() {
        return controlTitle != null;
    }
}
