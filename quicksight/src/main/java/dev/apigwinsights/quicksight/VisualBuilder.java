package dev.apigwinsights.quicksight;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

import static dev.apigwinsights.quicksight.Json.arr;
import static dev.apigwinsights.quicksight.Json.obj;

/**
 * Turns a {@link VisualSpec} into a QuickSight {@code Visual}: field wells from its dimensions and
 * measures (typed by the data set's columns and the calculated fields), sorting and limits, number
 * formats from units, labels, title and subtitle. Field ids are {@code <visual>-d<i>} and
 * {@code <visual>-m<i>}, unique as long as visual ids are.
 */
final class VisualBuilder {

    /** Series a line shows when its spec sets no limit (the rest are summed as "Other"). */
    static final int DEFAULT_SERIES = 10;

    private final Fields fields;

    VisualBuilder(Fields fields) {
        this.fields = fields;
    }

    /** Field ids and wells of one visual. */
    private final class Wells {
        final VisualSpec visual;
        final List<ObjectNode> dimensions = new ArrayList<>();
        final List<ObjectNode> measures = new ArrayList<>();

        Wells(VisualSpec visual) {
            this.visual = visual;
            for (int i = 0; i < visual.dimensions().size(); i++) {
                dimensions.add(visual.kind() == ChartKind.ROWS
                        ? unaggregatedField(visual.dataSet(), dimensionId(i), visual.dimensions().get(i))
                        : dimensionField(visual.dataSet(), dimensionId(i), visual.dimensions().get(i)));
            }
            for (int i = 0; i < visual.measures().size(); i++) {
                measures.add(measureField(visual.dataSet(), measureId(i), visual.measures().get(i)));
            }
        }

        String dimensionId(int i) {
            return visual.id() + "-d" + i;
        }

        String measureId(int i) {
            return visual.id() + "-m" + i;
        }

        /** The field sorts: the spec's, else {@code fallback}. */
        List<ObjectNode> sorts(VisualSpec.Sort fallback) {
            List<VisualSpec.Sort> order = visual.sorts().isEmpty() ? List.of(fallback) : visual.sorts();
            List<ObjectNode> out = new ArrayList<>();
            for (VisualSpec.Sort sort : order) {
                String id = sort.target() == VisualSpec.Sort.Target.DIMENSION ? dimensionId(sort.index()) : measureId(sort.index());
                out.add(fieldSort(id, sort.descending()));
            }
            return out;
        }

        /** Which measures share the first measure's unit (primary axis) and which do not (secondary axis). */
        List<Integer> measuresInUnit(boolean sameAsFirst) {
            List<Integer> out = new ArrayList<>();
            if (visual.measures().isEmpty()) {
                return out;
            }
            Unit first = visual.measures().get(0).unit();
            for (int i = 0; i < visual.measures().size(); i++) {
                if ((visual.measures().get(i).unit() == first) == sameAsFirst) {
                    out.add(i);
                }
            }
            return out;
        }

        /** Custom labels of the dimensions ({@code dims}) and measures. */
        ObjectNode labels(List<Integer> dims, List<Integer> ms) {
            List<ObjectNode> options = new ArrayList<>();
            for (int i : dims) {
                options.add(axisLabel(dimensionId(i), visual.dimensions().get(i).column(), visual.dimensions().get(i).label()));
            }
            for (int i : ms) {
                options.add(axisLabel(measureId(i), visual.measures().get(i).column(), visual.measures().get(i).label()));
            }
            return obj("AxisLabelOptions", arr(options));
        }

        private ObjectNode axisLabel(String fieldId, String column, String label) {
            return obj("CustomLabel", label, "ApplyTo", obj("FieldId", fieldId, "Column", column(visual.dataSet(), column)));
        }

        /** Table and pivot headers: every field with its label. */
        ObjectNode fieldOptions() {
            List<ObjectNode> options = new ArrayList<>();
            for (int i = 0; i < visual.dimensions().size(); i++) {
                options.add(obj("FieldId", dimensionId(i), "CustomLabel", visual.dimensions().get(i).label()));
            }
            for (int i = 0; i < visual.measures().size(); i++) {
                options.add(obj("FieldId", measureId(i), "CustomLabel", visual.measures().get(i).label()));
            }
            return obj("SelectedFieldOptions", arr(options));
        }
    }

    ObjectNode build(VisualSpec visual) {
        Wells w = new Wells(visual);
        Integer limit = visual.limit().isPresent() ? visual.limit().getAsInt() : null; // none: every category, the rows paged
        List<Integer> allMeasures = w.measuresInUnit(true);
        allMeasures.addAll(w.measuresInUnit(false));
        allMeasures.sort(Integer::compare);
        return switch (visual.kind()) {
            case KPI -> visual("KPIVisual", visual, obj("FieldWells", obj("Values", arr(w.measures.get(0)))));
            case LINE -> line(w, limit);
            case BAR, HISTOGRAM -> bar(w, limit, allMeasures);
            case STACKED_BAR -> visual("BarChartVisual", visual, obj(
                    "FieldWells", obj("BarChartAggregatedFieldWells", obj(
                            "Category", arr(w.dimensions.get(0)),
                            "Values", arr(w.measures),
                            "Colors", arr(w.dimensions.get(1)))),
                    "Orientation", "VERTICAL",
                    "BarsArrangement", "STACKED",
                    "SortConfiguration", obj("CategorySort", arr(w.sorts(visual.dimensions().get(0).granularity().isPresent()
                            ? VisualSpec.Sort.byDimension(0, false) : VisualSpec.Sort.byMeasure(0, true)))),
                    "CategoryLabelOptions", w.labels(List.of(0), List.of()),
                    "ValueLabelOptions", w.labels(List.of(), allMeasures),
                    "ColorLabelOptions", w.labels(List.of(1), List.of())));
            case COMBO -> visual("ComboChartVisual", visual, obj(
                    "FieldWells", obj("ComboChartAggregatedFieldWells", obj(
                            "Category", arr(w.dimensions.get(0)),
                            "BarValues", arr(pick(w.measures, w.measuresInUnit(true))),
                            "LineValues", arr(pick(w.measures, w.measuresInUnit(false))))),
                    "BarsArrangement", "CLUSTERED",
                    "SortConfiguration", obj(
                            "CategorySort", arr(w.sorts(VisualSpec.Sort.byMeasure(0, true))),
                            "CategoryItemsLimit", itemsLimit(limit, "EXCLUDE")),
                    "CategoryLabelOptions", w.labels(List.of(0), List.of()),
                    "PrimaryYAxisLabelOptions", w.labels(List.of(), w.measuresInUnit(true)),
                    "SecondaryYAxisLabelOptions", w.labels(List.of(), w.measuresInUnit(false))));
            case PIE, DONUT -> visual("PieChartVisual", visual, obj(
                    "FieldWells", obj("PieChartAggregatedFieldWells", obj(
                            "Category", arr(w.dimensions.get(0)),
                            "Values", arr(w.measures.get(0)))),
                    "SortConfiguration", obj(
                            "CategorySort", arr(w.sorts(VisualSpec.Sort.byMeasure(0, true))),
                            "CategoryItemsLimit", itemsLimit(limit, "INCLUDE")),
                    "DonutOptions", obj("ArcOptions", obj("ArcThickness", visual.kind() == ChartKind.DONUT ? "MEDIUM" : "WHOLE")),
                    "CategoryLabelOptions", w.labels(List.of(0), List.of()),
                    "ValueLabelOptions", w.labels(List.of(), List.of(0))));
            case TABLE -> visual("TableVisual", visual, obj(
                    "FieldWells", obj("TableAggregatedFieldWells", obj(
                            "GroupBy", w.dimensions.isEmpty() ? null : arr(w.dimensions),
                            "Values", arr(w.measures))),
                    "SortConfiguration", obj(
                            "RowSort", arr(w.sorts(VisualSpec.Sort.byMeasure(0, true))),
                            "PaginationConfiguration", limit == null ? null : obj("PageSize", limit, "PageNumber", 1)),
                    "FieldOptions", w.fieldOptions()));
            case ROWS -> visual("TableVisual", visual, obj(
                    "FieldWells", obj("TableUnaggregatedFieldWells", obj("Values", arr(w.dimensions))),
                    "SortConfiguration", obj(
                            "RowSort", arr(w.sorts(VisualSpec.Sort.byDimension(0, true))),
                            "PaginationConfiguration", limit == null ? null : obj("PageSize", limit, "PageNumber", 1)),
                    "FieldOptions", w.fieldOptions()));
            case PIVOT -> visual("PivotTableVisual", visual, obj(
                    "FieldWells", obj("PivotTableAggregatedFieldWells", obj(
                            "Rows", arr(w.dimensions.get(0)),
                            "Columns", arr(w.dimensions.get(1)),
                            "Values", arr(w.measures))),
                    "FieldOptions", w.fieldOptions()));
            case HEATMAP -> visual("HeatMapVisual", visual, obj(
                    "FieldWells", obj("HeatMapAggregatedFieldWells", obj(
                            "Rows", arr(w.dimensions.get(0)),
                            "Columns", arr(w.dimensions.get(1)),
                            "Values", arr(w.measures.get(0)))),
                    "SortConfiguration", obj(
                            "HeatMapRowSort", arr(fieldSort(w.dimensionId(0), false)),
                            "HeatMapColumnSort", arr(fieldSort(w.dimensionId(1), false))),
                    "RowLabelOptions", w.labels(List.of(0), List.of()),
                    "ColumnLabelOptions", w.labels(List.of(1), List.of())));
            case FILLED_MAP -> visual("FilledMapVisual", visual, obj(
                    "FieldWells", obj("FilledMapAggregatedFieldWells", obj(
                            "Geospatial", arr(w.dimensions.get(0)),
                            "Values", arr(w.measures.get(0))))));
        };
    }

    private ObjectNode line(Wells w, Integer limit) {
        VisualSpec visual = w.visual;
        boolean series = visual.dimensions().size() > 1;
        List<ObjectNode> secondary = new ArrayList<>();
        for (int i : w.measuresInUnit(false)) {
            secondary.add(obj("FieldSeriesItem", obj("FieldId", w.measureId(i), "AxisBinding", "SECONDARY_YAXIS")));
        }
        return visual("LineChartVisual", visual, obj(
                "FieldWells", obj("LineChartAggregatedFieldWells", obj(
                        "Category", arr(w.dimensions.get(0)),
                        "Values", arr(w.measures),
                        "Colors", series ? arr(w.dimensions.get(1)) : null)),
                "SortConfiguration", obj(
                        "CategorySort", arr(fieldSort(w.dimensionId(0), false)),
                        "ColorItemsLimitConfiguration", series ? itemsLimit(limit == null ? DEFAULT_SERIES : limit, "INCLUDE") : null),
                "Series", secondary.isEmpty() ? null : arr(secondary),
                "XAxisLabelOptions", w.labels(List.of(0), List.of()),
                "PrimaryYAxisLabelOptions", w.labels(List.of(), w.measuresInUnit(true)),
                "SecondaryYAxisLabelOptions", secondary.isEmpty() ? null : w.labels(List.of(), w.measuresInUnit(false))));
    }

    /** Horizontal bars (top categories), or vertical bars in bin order for a histogram. */
    private ObjectNode bar(Wells w, Integer limit, List<Integer> allMeasures) {
        VisualSpec visual = w.visual;
        boolean histogram = visual.kind() == ChartKind.HISTOGRAM;
        return visual("BarChartVisual", visual, obj(
                "FieldWells", obj("BarChartAggregatedFieldWells", obj(
                        "Category", arr(w.dimensions.get(0)),
                        "Values", arr(w.measures))),
                "Orientation", histogram ? "VERTICAL" : "HORIZONTAL",
                "BarsArrangement", "CLUSTERED",
                "SortConfiguration", obj(
                        "CategorySort", arr(w.sorts(histogram ? VisualSpec.Sort.byDimension(0, false) : VisualSpec.Sort.byMeasure(0, true))),
                        "CategoryItemsLimit", histogram ? null : itemsLimit(limit, "EXCLUDE")),
                "CategoryLabelOptions", w.labels(List.of(0), List.of()),
                "ValueLabelOptions", w.labels(List.of(), allMeasures),
                "Legend", visual.measures().size() > 1 ? null : obj("Visibility", "HIDDEN")));
    }

    private static List<ObjectNode> pick(List<ObjectNode> fields, List<Integer> indexes) {
        return indexes.stream().map(fields::get).toList();
    }

    /** {@code {"<kind>": {VisualId, Title, Subtitle, ChartConfiguration}}}: what every visual kind shares. */
    private static ObjectNode visual(String kind, VisualSpec visual, ObjectNode chartConfiguration) {
        return obj(kind, obj(
                "VisualId", visual.id(),
                "Title", obj("FormatText", obj("PlainText", visual.title())),
                "Subtitle", visual.subtitle().isEmpty() ? null : obj("FormatText", obj("PlainText", visual.subtitle())),
                "ChartConfiguration", chartConfiguration));
    }

    private static ObjectNode fieldSort(String fieldId, boolean descending) {
        return obj("FieldSort", obj("FieldId", fieldId, "Direction", descending ? "DESC" : "ASC"));
    }

    /** Shows the first {@code limit} categories (by the sort), the others left out or summed as "Other"; none without a limit. */
    private static ObjectNode itemsLimit(Integer limit, String otherCategories) {
        return limit == null ? null : obj("ItemsLimit", limit, "OtherCategories", otherCategories);
    }

    private static ObjectNode column(String dataSet, String name) {
        return obj("DataSetIdentifier", dataSet, "ColumnName", name);
    }

    ObjectNode dimensionField(String dataSet, String fieldId, Dimension dimension) {
        if (fields.aggregated(dataSet, dimension.column())) {
            throw new IllegalArgumentException(fieldId + ": " + dimension.column() + " aggregates itself; it cannot group rows");
        }
        ColumnType type = fields.type(dataSet, dimension.column());
        if (dimension.granularity().isPresent()) {
            if (type != ColumnType.DATETIME) {
                throw new IllegalArgumentException(fieldId + ": time buckets need a DATETIME column, "
                        + dimension.column() + " is " + type);
            }
            return obj("DateDimensionField", obj("FieldId", fieldId, "Column", column(dataSet, dimension.column()),
                    "DateGranularity", dimension.granularity().get()));
        }
        if (type.isNumeric()) {
            return obj("NumericalDimensionField", obj("FieldId", fieldId, "Column", column(dataSet, dimension.column()),
                    "FormatConfiguration", dimension.unit().map(NumberFormats::of).orElse(null)));
        }
        if (type == ColumnType.DATETIME) {
            return obj("DateDimensionField", obj("FieldId", fieldId, "Column", column(dataSet, dimension.column())));
        }
        return obj("CategoricalDimensionField", obj("FieldId", fieldId, "Column", column(dataSet, dimension.column())));
    }

    /** A column of a table of rows, formatted by its type and unit. */
    ObjectNode unaggregatedField(String dataSet, String fieldId, Dimension dimension) {
        ColumnType type = fields.type(dataSet, dimension.column());
        ObjectNode format = switch (type) {
            case DATETIME -> obj("DateTimeFormatConfiguration", obj("DateTimeFormat", DATE_TIME_FORMAT));
            case INTEGER, DECIMAL -> obj("NumberFormatConfiguration",
                    NumberFormats.of(dimension.unit().orElse(type == ColumnType.INTEGER ? Unit.COUNT : Unit.DECIMAL)));
            case STRING -> null;
        };
        return obj("FieldId", fieldId, "Column", column(dataSet, dimension.column()), "FormatConfiguration", format);
    }

    /** How timestamps read in tables: UTC, to the millisecond. */
    static final String DATE_TIME_FORMAT = "YYYY-MM-DD HH:mm:ss.SSS";

    ObjectNode measureField(String dataSet, String fieldId, Measure measure) {
        ColumnType type = fields.type(dataSet, measure.column());
        Aggregation aggregation = measure.aggregation();
        boolean selfAggregating = fields.aggregated(dataSet, measure.column());
        if (selfAggregating != (aggregation instanceof Aggregation.Precomputed)) {
            throw new IllegalArgumentException(fieldId + ": " + measure.column() + (selfAggregating
                    ? " aggregates itself; it takes no aggregation" : " is not an aggregated calculated field; it needs an aggregation"));
        }
        if (aggregation.needsNumericColumn() && !type.isNumeric()
                && !(type == ColumnType.DATETIME && isMinOrMax(aggregation))) {
            throw new IllegalArgumentException(fieldId + ": " + aggregation.label() + " needs a numeric column, "
                    + measure.column() + " is " + type);
        }
        if (type.isNumeric()) {
            ObjectNode function = null; // Precomputed: the field aggregates itself
            if (aggregation instanceof Aggregation.Percentile percentile) {
                function = obj("PercentileAggregation", obj("PercentileValue", percentile.percentile()));
            } else if (aggregation instanceof Aggregation.Simple simple) {
                function = obj("SimpleNumericalAggregation", simple.function());
            }
            return obj("NumericalMeasureField", obj("FieldId", fieldId, "Column", column(dataSet, measure.column()),
                    "AggregationFunction", function, "FormatConfiguration", NumberFormats.of(measure.unit())));
        }
        Aggregation.Function function = ((Aggregation.Simple) aggregation).function();
        if (type == ColumnType.DATETIME) {
            boolean counts = function == Aggregation.Function.COUNT || function == Aggregation.Function.DISTINCT_COUNT;
            return obj("DateMeasureField", obj("FieldId", fieldId, "Column", column(dataSet, measure.column()),
                    "AggregationFunction", function,
                    "FormatConfiguration", counts ? obj("NumericFormatConfiguration", NumberFormats.numeric(measure.unit()))
                            : obj("DateTimeFormat", DATE_TIME_FORMAT)));
        }
        return obj("CategoricalMeasureField", obj("FieldId", fieldId, "Column", column(dataSet, measure.column()),
                "AggregationFunction", function,
                "FormatConfiguration", obj("NumericFormatConfiguration", NumberFormats.numeric(measure.unit()))));
    }

    private static boolean isMinOrMax(Aggregation aggregation) {
        return aggregation instanceof Aggregation.Simple simple
                && (simple.function() == Aggregation.Function.MIN || simple.function() == Aggregation.Function.MAX);
    }
}
