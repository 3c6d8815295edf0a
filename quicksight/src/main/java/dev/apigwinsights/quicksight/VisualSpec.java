package dev.apigwinsights.quicksight;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One visual, independent of QuickSight's JSON: what phase B derives from an insight of the
 * catalog (chart kind, title, question, dimensions and measures, how many categories to show).
 */
public record VisualSpec(String id, ChartKind kind, String title, String subtitle,
                         List<Dimension> dimensions, List<Measure> measures, OptionalInt limit) {

    public VisualSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subtitle, "subtitle");
        dimensions = List.copyOf(dimensions);
        measures = List.copyOf(measures);
        Objects.requireNonNull(limit, "limit");
        if (!Ids.isValid(id)) {
            throw new IllegalArgumentException("visual id '" + id + "' is not a QuickSight id");
        }
        if (measures.isEmpty()) {
            throw new IllegalArgumentException(id + ": a visual shows at least one measure");
        }
        int needed = switch (kind) {
            case KPI -> 0;
            case LINE, BAR, PIE, DONUT, TABLE -> 1;
            case STACKED_BAR, PIVOT, HEATMAP -> 2;
        };
        if (kind == ChartKind.KPI ? !dimensions.isEmpty() : dimensions.size() < needed) {
            throw new IllegalArgumentException(id + ": a " + kind + " takes " + (kind == ChartKind.KPI ? "no" : "at least " + needed)
                    + " dimension(s), got " + dimensions.size());
        }
        if (kind == ChartKind.LINE && dimensions.get(0).granularity().isEmpty()) {
            throw new IllegalArgumentException(id + ": a line's first dimension is a time bucket");
        }
    }

    public static VisualSpec of(String id, ChartKind kind, String title, String subtitle,
                                List<Dimension> dimensions, List<Measure> measures) {
        return new VisualSpec(id, kind, title, subtitle, dimensions, measures, OptionalInt.empty());
    }

    public VisualSpec top(int n) {
        return new VisualSpec(id, kind, title, subtitle, dimensions, measures, OptionalInt.of(n));
    }
}
