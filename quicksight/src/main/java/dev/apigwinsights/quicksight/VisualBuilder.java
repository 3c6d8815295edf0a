package dev.apigwinsights.quicksight;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

import static dev.apigwinsights.quicksight.Json.arr;
import static dev.apigwinsights.quicksight.Json.obj;

/**
 * Turns a {@link VisualSpec} into a QuickSight {@code Visual}: field wells from its dimensions and
 * measures (typed by the data set's columns), sorting and limits, number formats from units,
 * title and subtitle. Field ids are {@code <visual>-d<i>} and {@code <visual>-m<i>}, unique as
 * long as visual ids are.
 */
final class VisualBuilder {

    private final String dataSet;
    private final DataSetColumns columns;

    VisualBuilder(String dataSetIdentifier, DataSetColumns columns) {
        this.dataSet = dataSetIdentifier;
        this.columns = columns;
    }

    ObjectNode build(VisualSpec visual) {
        List<ObjectNode> dimensions = new ArrayList<>();
        for (int i = 0; i < visual.dimensions().size(); i++) {
            dimensions.add(dimensionField(visual.id() + "-d" + i, visual.dimensions().get(i)));
        }
        List<ObjectNode> measures = new ArrayList<>();
        for (int i = 0; i < visual.measures().size(); i++) {
            measures.add(measureField(visual.id() + "-m" + i, visual.measures().get(i)));
        }
        String firstDimension = visual.id() + "-d0";
        String firstMeasure = visual.id() + "-m0";
        int limit = visual.limit().orElse(10);
        return switch (visual.kind()) {
            case KPI -> visual("KPIVisual", visual, obj("FieldWells", obj("Values", arr(measures.get(0)))));
            case LINE -> visual("LineChartVisual", visual, obj(
                    "FieldWells", obj("LineChartAggregatedFieldWells", obj(
                            "Category", arr(dimensions.get(0)),
                            "Values", arr(measures),
                            "Colors", dimensions.size() > 1 ? arr(dimensions.get(1)) : null)),
                    "SortConfiguration", obj(
                            "CategorySort", arr(sort(firstDimension, "ASC")),
                            "ColorItemsLimitConfiguration", dimensions.size() > 1 ? itemsLimit(limit, "INCLUDE") : null)));
            case BAR, STACKED_BAR -> visual("BarChartVisual", visual, obj(
                    "FieldWells", obj("BarChartAggregatedFieldWells", obj(
                            "Category", arr(dimensions.get(0)),
                            "Values", arr(measures),
                            "Colors", dimensions.size() > 1 ? arr(dimensions.get(1)) : null)),
                    "Orientation", visual.kind() == ChartKind.BAR ? "HORIZONTAL" : "VERTICAL",
                    "BarsArrangement", visual.kind() == ChartKind.BAR ? "CLUSTERED" : "STACKED",
                    "SortConfiguration", barSort(visual, firstDimension, firstMeasure, limit),
                    "Legend", obj("Visibility", dimensions.size() > 1 ? "VISIBLE" : "HIDDEN")));
            case PIE, DONUT -> visual("PieChartVisual", visual, obj(
                    "FieldWells", obj("PieChartAggregatedFieldWells", obj(
                            "Category", arr(dimensions.get(0)),
                            "Values", arr(measures.get(0)))),
                    "SortConfiguration", obj(
                            "CategorySort", arr(sort(firstMeasure, "DESC")),
                            "CategoryItemsLimit", itemsLimit(limit, "INCLUDE")),
                    "DonutOptions", obj("ArcOptions", obj("ArcThickness",
                            visual.kind() == ChartKind.DONUT ? "MEDIUM" : "WHOLE"))));
            case TABLE -> visual("TableVisual", visual, obj(
                    "FieldWells", obj("TableAggregatedFieldWells", obj(
                            "GroupBy", arr(dimensions),
                            "Values", arr(measures))),
                    "SortConfiguration", obj(
                            "RowSort", arr(sort(firstMeasure, "DESC")),
                            "PaginationConfiguration", obj("PageSize", limit, "PageNumber", 1))));
            case PIVOT -> visual("PivotTableVisual", visual, obj(
                    "FieldWells", obj("PivotTableAggregatedFieldWells", obj(
                            "Rows", arr(dimensions.get(0)),
                            "Columns", arr(dimensions.subList(1, dimensions.size())),
                            "Values", arr(measures)))));
            case HEATMAP -> visual("HeatMapVisual", visual, obj(
                    "FieldWells", obj("HeatMapAggregatedFieldWells", obj(
                            "Rows", arr(dimensions.get(0)),
                            "Columns", arr(dimensions.get(1)),
                            "Values", arr(measures.get(0))))));
        };
    }

    /** {@code {"<kind>": {VisualId, Title, Subtitle, ChartConfiguration}}}: what every visual kind shares. */
    private static ObjectNode visual(String kind, VisualSpec visual, ObjectNode chartConfiguration) {
        return obj(kind, obj(
                "VisualId", visual.id(),
                "Title", obj("Visibility", "VISIBLE", "FormatText", obj("PlainText", visual.title())),
                "Subtitle", obj("Visibility", "VISIBLE", "FormatText", obj("PlainText", visual.subtitle())),
                "ChartConfiguration", chartConfiguration));
    }

    /** Top categories by the first measure; a time axis keeps time order instead. */
    private ObjectNode barSort(VisualSpec visual, String firstDimension, String firstMeasure, int limit) {
        boolean timeAxis = visual.dimensions().get(0).granularity().isPresent();
        return obj(
                "CategorySort", arr(timeAxis ? sort(firstDimension, "ASC") : sort(firstMeasure, "DESC")),
                "CategoryItemsLimit", timeAxis ? null : itemsLimit(limit, "EXCLUDE"),
                "ColorItemsLimit", visual.dimensions().size() > 1 ? itemsLimit(limit, "INCLUDE") : null);
    }

    private static ObjectNode sort(String fieldId, String direction) {
        return obj("FieldSort", obj("FieldId", fieldId, "Direction", direction));
    }

    private static ObjectNode itemsLimit(int limit, String otherCategories) {
        return obj("ItemsLimit", limit, "OtherCategories", otherCategories);
    }

    private ObjectNode column(String name) {
        return obj("DataSetIdentifier", dataSet, "ColumnName", name);
    }

    ObjectNode dimensionField(String fieldId, Dimension dimension) {
        ColumnType type = columns.require(dimension.column()).type();
        if (dimension.granularity().isPresent()) {
            if (type != ColumnType.DATETIME) {
                throw new IllegalArgumentException(fieldId + ": time buckets need a DATETIME column, "
                        + dimension.column() + " is " + type);
            }
            return obj("DateDimensionField", obj("FieldId", fieldId, "Column", column(dimension.column()),
                    "DateGranularity", dimension.granularity().get()));
        }
        if (type.isNumeric()) {
            return obj("NumericalDimensionField", obj("FieldId", fieldId, "Column", column(dimension.column())));
        }
        if (type == ColumnType.DATETIME) {
            return obj("DateDimensionField", obj("FieldId", fieldId, "Column", column(dimension.column())));
        }
        return obj("CategoricalDimensionField", obj("FieldId", fieldId, "Column", column(dimension.column())));
    }

    ObjectNode measureField(String fieldId, Measure measure) {
        ColumnType type = columns.require(measure.column()).type();
        Aggregation aggregation = measure.aggregation();
        if (aggregation.needsNumericColumn() && !type.isNumeric()
                && !(type == ColumnType.DATETIME && isMinOrMax(aggregation))) {
            throw new IllegalArgumentException(fieldId + ": " + aggregation.label() + " needs a numeric column, "
                    + measure.column() + " is " + type);
        }
        if (type.isNumeric()) {
            ObjectNode function = aggregation instanceof Aggregation.Percentile percentile
                    ? obj("PercentileAggregation", obj("PercentileValue", percentile.percentile()))
                    : obj("SimpleNumericalAggregation", ((Aggregation.Simple) aggregation).function());
            return obj("NumericalMeasureField", obj("FieldId", fieldId, "Column", column(measure.column()),
                    "AggregationFunction", function, "FormatConfiguration", NumberFormats.of(measure.unit())));
        }
        Aggregation.Function function = ((Aggregation.Simple) aggregation).function();
        if (type == ColumnType.DATETIME) {
            return obj("DateMeasureField", obj("FieldId", fieldId, "Column", column(measure.column()),
                    "AggregationFunction", function,
                    "FormatConfiguration", obj("DateTimeFormat", "YYYY-MM-DD HH:mm:ss")));
        }
        return obj("CategoricalMeasureField", obj("FieldId", fieldId, "Column", column(measure.column()),
                "AggregationFunction", function,
                "FormatConfiguration", obj("NumericFormatConfiguration", NumberFormats.numeric(measure.unit()))));
    }

    private static boolean isMinOrMax(Aggregation aggregation) {
        return aggregation instanceof Aggregation.Simple simple
                && (simple.function() == Aggregation.Function.MIN || simple.function() == Aggregation.Function.MAX);
    }
}
