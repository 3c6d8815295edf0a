package dev.apigwinsights.quicksight;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One visual, independent of QuickSight's JSON: what the catalog mapping derives from an insight
 * (data set, chart kind, title, question, dimensions and measures, sort order, how many categories
 * or rows to show).
 */
public record VisualSpec(String id, String dataSet, ChartKind kind, String title, String subtitle,
                         List<Dimension> dimensions, List<Measure> measures, List<Sort> sorts, OptionalInt limit) {

    /** Sort by the {@code index}-th dimension or measure. */
    public record Sort(Target target, int index, boolean descending) {
        public enum Target { DIMENSION, MEASURE }

        public static Sort byMeasure(int index, boolean descending) {
            return new Sort(Target.MEASURE, index, descending);
        }

        public static Sort byDimension(int index, boolean descending) {
            return new Sort(Target.DIMENSION, index, descending);
        }
    }

    public VisualSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dataSet, "dataSet");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subtitle, "subtitle");
        dimensions = List.copyOf(dimensions);
        measures = List.copyOf(measures);
        sorts = List.copyOf(sorts);
        Objects.requireNonNull(limit, "limit");
        if (!Ids.isValid(id)) {
            throw new IllegalArgumentException("visual id '" + id + "' is not a QuickSight id");
        }
        String problem = shapeProblem(kind, dimensions, measures);
        if (problem != null) {
            throw new IllegalArgumentException(id + ": a " + kind + " " + problem + ", got " + dimensions.size()
                    + " dimension(s) and " + measures.size() + " measure(s)");
        }
        if (kind == ChartKind.LINE && dimensions.get(0).granularity().isEmpty()) {
            throw new IllegalArgumentException(id + ": a line's first dimension is a time bucket");
        }
        for (Sort sort : sorts) {
            int size = sort.target() == Sort.Target.DIMENSION ? dimensions.size() : measures.size();
            if (sort.index() < 0 || sort.index() >= size) {
                throw new IllegalArgumentException(id + ": sorts by " + sort.target() + " " + sort.index() + ", which it does not have");
            }
        }
    }

    /** Why {@code kind} cannot show these fields, or null when it can. */
    private static String shapeProblem(ChartKind kind, List<Dimension> dimensions, List<Measure> measures) {
        int d = dimensions.size();
        int m = measures.size();
        return switch (kind) {
            case KPI -> d == 0 && m >= 1 ? null : "takes no dimension and a measure";
            case LINE -> (d == 1 && m >= 1) || (d == 2 && m == 1) ? null
                    : "takes a time bucket and measures, or a time bucket, a series and one measure";
            case BAR -> d == 1 && m >= 1 ? null : "takes one dimension and measures";
            case COMBO -> d == 1 && m >= 2 ? null : "takes one dimension and two or more measures";
            case STACKED_BAR, PIVOT, HEATMAP -> d == 2 && m == 1 ? null : "takes two dimensions and one measure";
            case PIE, DONUT, HISTOGRAM, FILLED_MAP -> d == 1 && m == 1 ? null : "takes one dimension and one measure";
            case TABLE -> m >= 1 ? null : "takes measures (and dimensions to group by)";
            case ROWS -> d >= 1 && m == 0 ? null : "takes columns (as dimensions) and no measure";
        };
    }

    public static VisualSpec of(String id, String dataSet, ChartKind kind, String title, String subtitle,
                                List<Dimension> dimensions, List<Measure> measures) {
        return new VisualSpec(id, dataSet, kind, title, subtitle, dimensions, measures, List.of(), OptionalInt.empty());
    }

    /** The same visual showing at most {@code n} categories (bars, slices) or rows per page (tables). */
    public VisualSpec top(int n) {
        return new VisualSpec(id, dataSet, kind, title, subtitle, dimensions, measures, sorts, OptionalInt.of(n));
    }

    /** The same visual sorted by these fields, first one first. */
    public VisualSpec sortedBy(Sort... order) {
        return new VisualSpec(id, dataSet, kind, title, subtitle, dimensions, measures, List.of(order), limit);
    }
}
