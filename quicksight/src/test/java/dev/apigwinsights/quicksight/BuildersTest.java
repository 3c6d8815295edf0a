package dev.apigwinsights.quicksight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** What the builders emit for the inputs phase B will feed them from the insight catalog. */
class BuildersTest {

    private static final Fields FIELDS = new Fields(Map.of("logs", DataSetColumns.accessLogs()), List.of(
            new CalculatedField("logs", "error_rate_pct", "100.0 * countIf({request_time}, {status_class} = '5xx') / count({request_time})",
                    ColumnType.DECIMAL, true)));
    private final VisualBuilder visuals = new VisualBuilder(FIELDS);

    @Test
    void aPercentileMeasureBecomesAPercentileAggregationInMilliseconds() {
        JsonNode field = visuals.measureField("logs", "f", Measure.latency("response_latency_ms", Aggregation.percentile(99), "p99"));

        assertThat(field.at("/NumericalMeasureField/AggregationFunction/PercentileAggregation/PercentileValue").asDouble()).isEqualTo(99.0);
        assertThat(field.at("/NumericalMeasureField/FormatConfiguration/FormatConfiguration/NumberDisplayFormatConfiguration/Suffix").asText())
                .isEqualTo(" ms");
        assertThat(Aggregation.percentile(99).label()).isEqualTo("p99");
        assertThat(Aggregation.percentile(99.9).label()).isEqualTo("p99_9");
    }

    @Test
    void requestsCountTheRequestTimeOfEveryRowAndTheNewestTimeIsADateMeasure() {
        JsonNode requests = visuals.measureField("logs", "f", Measure.requests());
        assertThat(requests.at("/DateMeasureField/AggregationFunction").asText()).isEqualTo("COUNT");
        assertThat(requests.at("/DateMeasureField/Column/ColumnName").asText()).isEqualTo("request_time");
        assertThat(visuals.measureField("logs", "f", new Measure("stage", Aggregation.distinctCount(), "Stages", Unit.COUNT))
                .at("/CategoricalMeasureField/AggregationFunction").asText()).isEqualTo("DISTINCT_COUNT");
        assertThat(visuals.measureField("logs", "f", new Measure("request_time", Aggregation.max(), "Newest", Unit.TIME))
                .at("/DateMeasureField/AggregationFunction").asText()).isEqualTo("MAX");
    }

    @Test
    void anAggregatedCalculatedFieldIsAMeasureWithoutAggregationInPercent() {
        JsonNode rate = visuals.measureField("logs", "f", new Measure("error_rate_pct", Aggregation.precomputed(), "5xx rate", Unit.PERCENT));

        assertThat(rate.at("/NumericalMeasureField").has("AggregationFunction")).isFalse();
        // 0-100 already: a suffix, not QuickSight's percentage format (which would multiply by 100 again).
        assertThat(rate.at("/NumericalMeasureField/FormatConfiguration/FormatConfiguration/NumberDisplayFormatConfiguration/Suffix").asText())
                .isEqualTo("%");
        assertThatThrownBy(() -> visuals.measureField("logs", "f", new Measure("error_rate_pct", Aggregation.sum(), "x", Unit.PERCENT)))
                .hasMessage("f: error_rate_pct aggregates itself; it takes no aggregation");
        assertThatThrownBy(() -> visuals.measureField("logs", "f", new Measure("status", Aggregation.precomputed(), "x", Unit.COUNT)))
                .hasMessage("f: status is not an aggregated calculated field; it needs an aggregation");
        assertThatThrownBy(() -> visuals.dimensionField("logs", "f", Dimension.of("error_rate_pct", "Rate")))
                .hasMessage("f: error_rate_pct aggregates itself; it cannot group rows");
    }

    @Test
    void refusesAggregationsAndBucketsTheColumnCannotTake() {
        assertThatThrownBy(() -> visuals.measureField("logs", "f", new Measure("stage", Aggregation.average(), "Avg", Unit.COUNT)))
                .hasMessage("f: avg needs a numeric column, stage is STRING");
        assertThatThrownBy(() -> visuals.dimensionField("logs", "f", Dimension.time("stage", TimeGranularity.DAY, "Day")))
                .hasMessage("f: time buckets need a DATETIME column, stage is STRING");
        assertThatThrownBy(() -> visuals.measureField("logs", "f", new Measure("no_such_column", Aggregation.count(), "N", Unit.COUNT)))
                .hasMessage("no column 'no_such_column' in the data set");
        assertThatThrownBy(() -> Aggregation.percentile(100)).hasMessageContaining("between 0 and 100");
    }

    @Test
    void visualSpecsRefuseShapesTheirKindCannotShow() {
        assertThatThrownBy(() -> VisualSpec.of("k", "logs", ChartKind.KPI, "t", "s", List.of(Dimension.of("stage", "Stage")),
                List.of(Measure.requests()))).hasMessageContaining("KPI takes no dimension");
        assertThatThrownBy(() -> VisualSpec.of("l", "logs", ChartKind.LINE, "t", "s", List.of(Dimension.of("stage", "Stage")),
                List.of(Measure.requests()))).hasMessageContaining("first dimension is a time bucket");
        assertThatThrownBy(() -> VisualSpec.of("c", "logs", ChartKind.COMBO, "t", "s", List.of(Dimension.of("stage", "Stage")),
                List.of(Measure.requests()))).hasMessageContaining("two or more measures");
        assertThatThrownBy(() -> VisualSpec.of("r", "logs", ChartKind.ROWS, "t", "s", List.of(Dimension.of("stage", "Stage")),
                List.of(Measure.requests()))).hasMessageContaining("no measure");
        assertThatThrownBy(() -> VisualSpec.of("bad id", "logs", ChartKind.KPI, "t", "s", List.of(), List.of(Measure.requests())))
                .hasMessageContaining("not a QuickSight id");
        assertThatThrownBy(() -> VisualSpec.of("b", "logs", ChartKind.BAR, "t", "s", List.of(Dimension.of("stage", "Stage")),
                List.of(Measure.requests())).sortedBy(VisualSpec.Sort.byMeasure(1, true))).hasMessageContaining("sorts by MEASURE 1");
    }

    @Test
    void aTopNBarSortsByItsMeasureAndLimitsCategories() {
        JsonNode bar = visuals.build(VisualSpec.of("b", "logs", ChartKind.BAR, "Top", "?", List.of(Dimension.of("resource_path", "Route")),
                List.of(Measure.requests())).top(5));

        assertThat(bar.at("/BarChartVisual/ChartConfiguration/SortConfiguration/CategorySort/0/FieldSort").toString())
                .isEqualTo("{\"FieldId\":\"b-m0\",\"Direction\":\"DESC\"}");
        assertThat(bar.at("/BarChartVisual/ChartConfiguration/SortConfiguration/CategoryItemsLimit/ItemsLimit").asInt()).isEqualTo(5);
    }

    @Test
    void filtersNeedColumnsOfTheirKind() {
        FilterBuilder filters = new FilterBuilder(FIELDS);
        Map<String, List<String>> scope = Map.of("sheet", List.of());

        assertThat(filters.filter(new FilterSpec("api", "logs", "api_id", FilterSpec.Kind.VALUES, "API", scope, List.of()))
                .at("/CategoryFilter/Column/ColumnName").asText()).isEqualTo("api_id");
        assertThatThrownBy(() -> filters.filter(new FilterSpec("t", "logs", "stage", FilterSpec.Kind.RELATIVE_TIME, "Time", scope, List.of())))
                .hasMessage("t: a RELATIVE_TIME filter needs a DATETIME column, stage is STRING");
        assertThatThrownBy(() -> filters.filter(new FilterSpec("s", "logs", "status", FilterSpec.Kind.VALUES, "Status", scope, List.of())))
                .hasMessage("s: a VALUES filter needs a STRING column, status is INTEGER");
        assertThatThrownBy(() -> filters.filter(new FilterSpec("f", "logs", "stage", FilterSpec.Kind.FLAG, null, scope, List.of())))
                .hasMessage("f: a FLAG filter needs a numeric column, stage is STRING");
        assertThatThrownBy(() -> filters.filter(new FilterSpec("r", "logs", "error_rate_pct", FilterSpec.Kind.FLAG, null, scope, List.of())))
                .hasMessage("r: error_rate_pct aggregates itself; it cannot filter rows");
        assertThatThrownBy(() -> new FilterSpec("x", "logs", "stage", FilterSpec.Kind.FLAG, "Stage", scope, List.of()))
                .hasMessage("x: a fixed condition has no control");
    }

    @Test
    void theGridWrapsRowsAtThirtySixColumns() {
        JsonNode layout = new GridLayout()
                .add("a", "VISUAL", new GridLayout.Size(18, 10))
                .add("b", "VISUAL", new GridLayout.Size(9, 5))
                .add("c", "VISUAL", new GridLayout.Size(18, 4))
                .sheetLayout();
        JsonNode elements = layout.at("/Configuration/GridLayout/Elements");

        assertThat(elements.get(1).path("ColumnIndex").asInt()).isEqualTo(18);
        assertThat(elements.get(2).path("ColumnIndex").asInt()).isZero();
        assertThat(elements.get(2).path("RowIndex").asInt()).isEqualTo(10);
    }

    @Test
    void textBoxesEscapeMarkup() {
        assertThat(TextBoxContent.of(List.of("a < b & c", "second")))
                .isEqualTo("<text-box>a &lt; b &amp; c<br/><br/>second</text-box>");
    }

    @Test
    void theDataSetTypesEveryCanonicalColumnButTheMapAndAddsThePartitionDate() {
        DataSetColumns columns = DataSetColumns.accessLogs();
        DataSetColumns more = columns.withComputed("route", ColumnType.STRING, "coalesce({resource_path}, {route_key})")
                .withGeographicRole("route", "COUNTRY");

        assertThat(columns.column("status").orElseThrow().type()).isEqualTo(ColumnType.INTEGER);
        assertThat(columns.column("throttle_rate_limit").orElseThrow().type()).isEqualTo(ColumnType.DECIMAL);
        assertThat(columns.column("request_time").orElseThrow().type()).isEqualTo(ColumnType.DATETIME);
        assertThat(columns.column("extra")).isEmpty();
        assertThat(columns.tableColumns()).extracting(DataSetColumns.Column::name).endsWith("year", "month", "day");
        assertThat(columns.computedColumns()).extracting(DataSetColumns.Column::name).containsExactly(DataSetColumns.REQUEST_DATE);
        assertThat(more.computedColumns()).extracting(DataSetColumns.Column::name).containsExactly(DataSetColumns.REQUEST_DATE, "route");
        assertThat(more.expression("route")).isEqualTo("coalesce({resource_path}, {route_key})");
        assertThat(more.tableColumns()).isEqualTo(columns.tableColumns());
        assertThat(more.geographicRoles()).containsEntry("route", "COUNTRY");
        assertThatThrownBy(() -> columns.withComputed("stage", ColumnType.STRING, "'x'")).hasMessage("duplicate column stage");
    }
}
