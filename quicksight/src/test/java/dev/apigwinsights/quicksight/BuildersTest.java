package dev.apigwinsights.quicksight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import java.util.List;

/** What the builders emit for the inputs phase B will feed them from the insight catalog. */
class BuildersTest {

    private final VisualBuilder visuals = new VisualBuilder("logs", DataSetColumns.accessLogs());

    @Test
    void aPercentileMeasureBecomesAPercentileAggregationInMilliseconds() {
        JsonNode field = visuals.measureField("f", Measure.latency("response_latency_ms", Aggregation.percentile(99), "p99"));

        assertThat(field.at("/NumericalMeasureField/AggregationFunction/PercentileAggregation/PercentileValue").asDouble()).isEqualTo(99.0);
        assertThat(field.at("/NumericalMeasureField/FormatConfiguration/FormatConfiguration/NumberDisplayFormatConfiguration/Suffix").asText())
                .isEqualTo(" ms");
        assertThat(Aggregation.percentile(99).label()).isEqualTo("p99");
        assertThat(Aggregation.percentile(99.9).label()).isEqualTo("p99_9");
    }

    @Test
    void countsOfStringsAreCategoricalAndTheNewestTimeIsADateMeasure() {
        assertThat(visuals.measureField("f", Measure.requests()).at("/CategoricalMeasureField/AggregationFunction").asText())
                .isEqualTo("COUNT");
        assertThat(visuals.measureField("f", new Measure("request_time", Aggregation.max(), "Newest", Unit.TIME))
                .at("/DateMeasureField/AggregationFunction").asText()).isEqualTo("MAX");
    }

    @Test
    void refusesAggregationsAndBucketsTheColumnCannotTake() {
        assertThatThrownBy(() -> visuals.measureField("f", new Measure("stage", Aggregation.average(), "Avg", Unit.COUNT)))
                .hasMessage("f: avg needs a numeric column, stage is STRING");
        assertThatThrownBy(() -> visuals.dimensionField("f", Dimension.time("stage", TimeGranularity.DAY, "Day")))
                .hasMessage("f: time buckets need a DATETIME column, stage is STRING");
        assertThatThrownBy(() -> visuals.measureField("f", new Measure("no_such_column", Aggregation.count(), "N", Unit.COUNT)))
                .hasMessage("no column 'no_such_column' in the data set");
        assertThatThrownBy(() -> Aggregation.percentile(100)).hasMessageContaining("between 0 and 100");
    }

    @Test
    void visualSpecsRefuseShapesTheirKindCannotShow() {
        assertThatThrownBy(() -> VisualSpec.of("k", ChartKind.KPI, "t", "s", List.of(Dimension.of("stage", "Stage")), List.of(Measure.requests())))
                .hasMessageContaining("KPI takes no dimension");
        assertThatThrownBy(() -> VisualSpec.of("l", ChartKind.LINE, "t", "s", List.of(Dimension.of("stage", "Stage")), List.of(Measure.requests())))
                .hasMessageContaining("first dimension is a time bucket");
        assertThatThrownBy(() -> VisualSpec.of("bad id", ChartKind.KPI, "t", "s", List.of(), List.of(Measure.requests())))
                .hasMessageContaining("not a QuickSight id");
    }

    @Test
    void aTopNBarSortsByItsMeasureAndLimitsCategories() {
        JsonNode bar = visuals.build(VisualSpec.of("b", ChartKind.BAR, "Top", "?", List.of(Dimension.of("resource_path", "Route")),
                List.of(Measure.requests())).top(5));

        assertThat(bar.at("/BarChartVisual/ChartConfiguration/SortConfiguration/CategorySort/0/FieldSort").toString())
                .isEqualTo("{\"FieldId\":\"b-m0\",\"Direction\":\"DESC\"}");
        assertThat(bar.at("/BarChartVisual/ChartConfiguration/SortConfiguration/CategoryItemsLimit/ItemsLimit").asInt()).isEqualTo(5);
    }

    @Test
    void filtersNeedColumnsOfTheirKind() {
        FilterBuilder filters = new FilterBuilder("logs", DataSetColumns.accessLogs());

        assertThat(filters.filter(FilterSpec.values("api", "api_id", "API")).at("/CategoryFilter/Column/ColumnName").asText()).isEqualTo("api_id");
        assertThatThrownBy(() -> filters.filter(FilterSpec.relativeTime("t", "stage", "Time")))
                .hasMessage("t: a RELATIVE_TIME filter needs a DATETIME column, stage is STRING");
        assertThatThrownBy(() -> filters.filter(FilterSpec.values("s", "status", "Status")))
                .hasMessage("s: a VALUES filter needs a STRING column, status is INTEGER");
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

        assertThat(columns.column("status").orElseThrow().type()).isEqualTo(ColumnType.INTEGER);
        assertThat(columns.column("throttle_rate_limit").orElseThrow().type()).isEqualTo(ColumnType.DECIMAL);
        assertThat(columns.column("request_time").orElseThrow().type()).isEqualTo(ColumnType.DATETIME);
        assertThat(columns.column("extra")).isEmpty();
        assertThat(columns.tableColumns()).extracting(DataSetColumns.Column::name).endsWith("year", "month", "day");
        assertThat(columns.computedColumns()).extracting(DataSetColumns.Column::name).containsExactly(DataSetColumns.REQUEST_DATE);
    }
}
