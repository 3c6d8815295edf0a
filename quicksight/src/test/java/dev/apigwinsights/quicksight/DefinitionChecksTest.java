package dev.apigwinsights.quicksight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The semantic checks find each kind of inconsistency in an otherwise valid definition. */
class DefinitionChecksTest {

    private static final String DATA_SET = SampleDashboard.DATA_SET;
    private static final DefinitionChecks CHECKS = DefinitionChecks.of(SampleDashboard.spec());
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The sample definition, as JSON text, so tests can break it by replacing text. */
    private static String definition() {
        return new DefinitionBuilder()
                .build(SampleDashboard.spec(), d -> TextNode.valueOf("arn:aws:quicksight:eu-west-1:123456789012:dataset/x"))
                .toString();
    }

    private static List<String> problems(String json) {
        try {
            return CHECKS.check(MAPPER.readTree(json));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ObjectNode tree() {
        try {
            return (ObjectNode) MAPPER.readTree(definition());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theSampleDefinitionIsConsistent() {
        assertThat(problems(definition())).isEmpty();
    }

    @Test
    void reportsAColumnTheDataSetDoesNotHave() {
        assertThat(problems(definition().replace("\"ColumnName\":\"resource_path\"", "\"ColumnName\":\"resource_pth\"")))
                .isNotEmpty()
                .allMatch(p -> p.endsWith(": 'resource_pth' is not a column of data set 'access_logs'"));
    }

    @Test
    void reportsAColumnOfTheWrongTypeForItsUse() {
        // Hourly buckets of a string column.
        assertThat(problems(definition().replace(
                "\"Column\":{\"DataSetIdentifier\":\"access_logs\",\"ColumnName\":\"request_time\"},\"DateGranularity\"",
                "\"Column\":{\"DataSetIdentifier\":\"access_logs\",\"ColumnName\":\"stage\"},\"DateGranularity\"")))
                .containsExactly("/Sheets/1/Visuals/2/LineChartVisual/ChartConfiguration/FieldWells/LineChartAggregatedFieldWells/"
                        + "Category/0/DateDimensionField/Column: DateDimensionField cannot use STRING column 'stage' (needs [DATETIME])");
    }

    @Test
    void reportsAnUndeclaredDataSet() {
        assertThat(problems(definition().replace("\"DataSetIdentifier\":\"access_logs\",\"ColumnName\":\"api_id\"",
                "\"DataSetIdentifier\":\"logs\",\"ColumnName\":\"api_id\"")))
                .containsExactly("/FilterGroups/1/Filters/0/CategoryFilter/Column: column 'api_id' names undeclared data set 'logs'");
    }

    @Test
    void reportsDuplicateIds() {
        assertThat(problems(definition().replace("\"VisualId\":\"traffic-p95\"", "\"VisualId\":\"traffic-requests\"")))
                .contains("/Sheets/1/Visuals/1/KPIVisual/VisualId: VisualId 'traffic-requests' is already used at /Sheets/1/Visuals/0/KPIVisual/VisualId");
        assertThat(problems(definition().replace("\"FieldId\":\"traffic-p95-m0\"", "\"FieldId\":\"traffic-requests-m0\"")))
                .containsExactly("/Sheets/1/Visuals/1/KPIVisual/ChartConfiguration/FieldWells/Values/0/NumericalMeasureField/FieldId: "
                        + "FieldId 'traffic-requests-m0' is already used at "
                        + "/Sheets/1/Visuals/0/KPIVisual/ChartConfiguration/FieldWells/Values/0/DateMeasureField/FieldId");
    }

    @Test
    void reportsLayoutElementsThatDoNotExistAndVisualsNotPlaced() {
        assertThat(problems(definition().replace("\"ElementId\":\"traffic-p95\"", "\"ElementId\":\"traffic-p96\"")))
                .containsExactlyInAnyOrder(
                        "/Sheets/1/Layouts/0/Configuration/GridLayout/Elements/1: places 'traffic-p96', which is not on this sheet",
                        "/Sheets/1: visual 'traffic-p95' is placed 0 times in the layout (once expected)");
    }

    @Test
    void reportsAnElementOfTheWrongTypeOverlapsAndElementsOffTheGrid() {
        ObjectNode definition = tree();
        ArrayNode elements = (ArrayNode) definition.at("/Sheets/1/Layouts/0/Configuration/GridLayout/Elements");
        ((ObjectNode) elements.get(0)).put("ElementType", "TEXT_BOX");
        ((ObjectNode) elements.get(1)).put("ColumnIndex", 4);
        ((ObjectNode) elements.get(2)).put("ColumnSpan", 40);

        assertThat(CHECKS.check(definition)).containsExactlyInAnyOrder(
                "/Sheets/1/Layouts/0/Configuration/GridLayout/Elements/0: 'traffic-requests' is a VISUAL, not a TEXT_BOX",
                "/Sheets/1/Layouts/0/Configuration/GridLayout/Elements/1: 'traffic-p95' overlaps another element",
                "/Sheets/1/Layouts/0/Configuration/GridLayout/Elements/2: 'traffic-by-hour' does not fit the 36-column grid");
    }

    @Test
    void reportsFilterScopesAndControlsThatPointNowhere() {
        assertThat(problems(definition().replace("\"VisualIds\":[\"traffic-latency-by-route\"]", "\"VisualIds\":[\"traffic-latency\"]")))
                .containsExactly("/FilterGroups/5/ScopeConfiguration/SelectedSheets/SheetVisualScopingConfigurations/0: "
                        + "visual 'traffic-latency' is not on sheet 'traffic'");
        assertThat(problems(definition().replace("\"SourceFilterId\":\"stage\"", "\"SourceFilterId\":\"stages\"")))
                .containsExactly("/Sheets/1/FilterControls/2: source filter 'stages' does not exist");
    }

    @Test
    void reportsAControlWhoseFilterDoesNotApplyToItsSheet() {
        ObjectNode definition = tree();
        // The About sheet gets a control for the API filter, which is scoped to the content sheets only.
        ((ArrayNode) definition.at("/Sheets/0/FilterControls")).add(MAPPER.createObjectNode().set("Dropdown",
                MAPPER.createObjectNode().put("FilterControlId", "api-about").put("Title", "API").put("SourceFilterId", "api")));

        assertThat(CHECKS.check(definition)).containsExactly(
                "/Sheets/0/FilterControls/1: filter 'api' does not apply to sheet 'about', so its control would do nothing");
    }

    @Test
    void reportsASortByAFieldOfAnotherVisual() {
        assertThat(problems(definition().replace("\"FieldSort\":{\"FieldId\":\"traffic-top-routes-m0\"",
                "\"FieldSort\":{\"FieldId\":\"traffic-requests-m0\"")))
                .containsExactly("/Sheets/1/Visuals/3/BarChartVisual/ChartConfiguration/SortConfiguration/"
                        + "CategorySort/0/FieldSort/FieldId: sorts by 'traffic-requests-m0', which is not a field of this visual");
    }

    private static final CalculatedField OVERHEAD = new CalculatedField(DATA_SET, "overhead_ms",
            "{response_latency_ms} - {integration_latency_ms}", ColumnType.INTEGER, false);
    private static final CalculatedField ERROR_RATE = new CalculatedField(DATA_SET, "error_rate_pct",
            "100.0 * countIf({request_time}, {status_class} = '5xx') / count({request_time})", ColumnType.DECIMAL, true);
    private static final DefinitionChecks WITH_CALCULATIONS = new DefinitionChecks(List.of(SampleDashboard.dataSet()),
            List.of(OVERHEAD, ERROR_RATE));

    private static ObjectNode calculated(CalculatedField field) {
        return MAPPER.createObjectNode().put("DataSetIdentifier", field.dataSet()).put("Name", field.name())
                .put("Expression", field.expression());
    }

    @Test
    void reportsCalculatedFieldsAndParametersThatReferToNothing() {
        ObjectNode definition = tree();
        definition.putArray("CalculatedFields").add(calculated(OVERHEAD).put("Expression", "{response_latency_ms} - {integration_latncy_ms}"))
                .add(MAPPER.createObjectNode().put("DataSetIdentifier", DATA_SET).put("Name", "mystery").put("Expression", "1"));
        ((ObjectNode) definition.at("/FilterGroups/1/Filters/0/CategoryFilter/Configuration/FilterListConfiguration"))
                .put("ParameterName", "ApiParam");

        assertThat(WITH_CALCULATIONS.check(definition)).containsExactlyInAnyOrder(
                "/CalculatedFields/0: the expression of 'overhead_ms' is not the declared one",
                "/CalculatedFields/0/Expression: {integration_latncy_ms} is not a column of data set 'access_logs'",
                "/CalculatedFields/1: calculated field 'mystery' is not declared (its type is unknown)",
                "/FilterGroups/1/Filters/0/CategoryFilter/Configuration/FilterListConfiguration/ParameterName: parameter 'ApiParam' is not declared");
    }

    @Test
    void aCalculatedFieldCanBeUsedLikeAColumnOfItsDeclaredType() {
        ObjectNode definition = tree();
        definition.putArray("CalculatedFields").add(calculated(OVERHEAD));
        ((ObjectNode) definition.at("/Sheets/1/Visuals/1/KPIVisual/ChartConfiguration/FieldWells/Values/0/NumericalMeasureField/Column"))
                .put("ColumnName", "overhead_ms");
        assertThat(WITH_CALCULATIONS.check(definition)).isEmpty();

        // A number cannot be a category of the bar chart.
        ((ObjectNode) definition.at("/Sheets/1/Visuals/3/BarChartVisual/ChartConfiguration/FieldWells/BarChartAggregatedFieldWells/Category/0/"
                + "CategoricalDimensionField/Column")).put("ColumnName", "overhead_ms");
        assertThat(WITH_CALCULATIONS.check(definition)).contains("/Sheets/1/Visuals/3/BarChartVisual/ChartConfiguration/FieldWells/"
                + "BarChartAggregatedFieldWells/Category/0/CategoricalDimensionField/Column: CategoricalDimensionField cannot use "
                + "INTEGER column 'overhead_ms' (needs [STRING])");
    }

    @Test
    void anAggregatedCalculatedFieldIsAMeasureWithoutAnAggregationAndNothingElse() {
        ObjectNode definition = tree();
        definition.putArray("CalculatedFields").add(calculated(ERROR_RATE));
        ObjectNode p95 = (ObjectNode) definition.at("/Sheets/1/Visuals/1/KPIVisual/ChartConfiguration/FieldWells/Values/0/NumericalMeasureField");
        ((ObjectNode) p95.path("Column")).put("ColumnName", "error_rate_pct");
        assertThat(WITH_CALCULATIONS.check(definition)).containsExactly("/Sheets/1/Visuals/1/KPIVisual/ChartConfiguration/FieldWells/Values/0/"
                + "NumericalMeasureField: 'error_rate_pct' aggregates itself; it takes no AggregationFunction");

        p95.remove("AggregationFunction");
        assertThat(WITH_CALCULATIONS.check(definition)).isEmpty();

        ((ObjectNode) definition.at("/FilterGroups/2/Filters/0/CategoryFilter/Column")).put("ColumnName", "error_rate_pct");
        assertThat(WITH_CALCULATIONS.check(definition)).containsExactly(
                "/FilterGroups/2/Filters/0/CategoryFilter/Column: 'error_rate_pct' aggregates itself; CategoryFilter cannot use it");
    }

    @Test
    void aNumericalMeasureWithoutAggregationWouldBeSummedSilently() {
        ObjectNode definition = tree();
        ((ObjectNode) definition.at("/Sheets/1/Visuals/1/KPIVisual/ChartConfiguration/FieldWells/Values/0/NumericalMeasureField"))
                .remove("AggregationFunction");
        assertThat(CHECKS.check(definition)).containsExactly("/Sheets/1/Visuals/1/KPIVisual/ChartConfiguration/FieldWells/Values/0/"
                + "NumericalMeasureField: 'response_latency_ms' needs an AggregationFunction (QuickSight would sum it silently)");
    }

    @Test
    void aFilterNarrowsOnlyVisualsOfItsDataSetAndParametersMapToExistingDataSetParameters() {
        DataSetSpec slo = new DataSetSpec("slo", "DataSetSlo", "slo", "SLO",
                DataSetColumns.of(List.of(new DataSetColumns.Column("availability_pct", ColumnType.DECIMAL))),
                new DataSetSpec.CustomSql("SELECT 1", List.of(new DataSetSpec.DataSetParameter("AvailabilityTargetPct",
                        ParameterSpec.NumberKind.DECIMAL, 99.9))));
        SheetSpec sheet = new SheetSpec("s", "S", "S", List.of(), List.of(
                VisualSpec.of("logs", DATA_SET, ChartKind.KPI, "Requests", "?", List.of(), List.of(Measure.requests())),
                VisualSpec.of("slo", "slo", ChartKind.KPI, "Availability", "?", List.of(),
                        List.of(new Measure("availability_pct", Aggregation.max(), "Availability", Unit.PERCENT)))));
        DashboardSpec spec = new DashboardSpec(List.of(SampleDashboard.dataSet(), slo), List.of(),
                List.of(new ParameterSpec("AvailabilityTargetPct", ParameterSpec.NumberKind.DECIMAL, 99.9, "Target", List.of("s"),
                        List.of(new ParameterSpec.Mapping("slo", "AvailabilityTargetPct")))),
                List.of(sheet),
                List.of(new FilterSpec("stage", DATA_SET, "stage", FilterSpec.Kind.VALUES, "Stage", Map.of("s", List.of("logs", "slo")),
                        List.of())));
        ObjectNode definition = new DefinitionBuilder().build(spec, d -> TextNode.valueOf("arn"));
        ((ObjectNode) definition.at("/ParameterDeclarations/0/DecimalParameterDeclaration/MappedDataSetParameters/0"))
                .put("DataSetParameterName", "AvailabilityTarget");

        assertThat(DefinitionChecks.of(spec).check(definition)).containsExactlyInAnyOrder(
                "/FilterGroups/0/ScopeConfiguration/SelectedSheets/SheetVisualScopingConfigurations/0: visual 'slo' does not show "
                        + "data set [access_logs], so the filter cannot narrow it",
                "/ParameterDeclarations/0/MappedDataSetParameters/0: data set 'slo' has no parameter 'AvailabilityTarget'");
    }

    @Test
    void enforcesFiftyVisualsPerSheet() {
        List<VisualSpec> visuals = new ArrayList<>();
        for (int i = 0; i < DefinitionChecks.MAX_VISUALS_PER_SHEET + 1; i++) {
            visuals.add(VisualSpec.of("v" + i, DATA_SET, ChartKind.KPI, "KPI " + i, "?", List.of(), List.of(Measure.requests())));
        }
        DashboardSpec crowded = new DashboardSpec(List.of(SampleDashboard.dataSet()), List.of(), List.of(),
                List.of(new SheetSpec("crowded", "Crowded", "Too many visuals", List.of(), visuals)), List.of());
        JsonNode definition = new DefinitionBuilder().build(crowded, d -> TextNode.valueOf("arn"));

        assertThat(CHECKS.check(definition)).containsExactly("/Sheets/0: 51 visuals, QuickSight allows 50 per sheet");
    }
}
