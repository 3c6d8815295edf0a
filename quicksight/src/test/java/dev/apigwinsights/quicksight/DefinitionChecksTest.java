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

    private static final String DATA_SET = StarterDashboard.DATA_SET;
    private static final DefinitionChecks CHECKS = new DefinitionChecks(Map.of(DATA_SET, DataSetColumns.accessLogs()));
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The starter definition, as JSON text, so tests can break it by replacing text. */
    private static String definition() {
        return new DefinitionBuilder(DataSetColumns.accessLogs())
                .build(StarterDashboard.spec("test"), TextNode.valueOf("arn:aws:quicksight:eu-west-1:123456789012:dataset/x"))
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
    void theStarterDefinitionIsConsistent() {
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
                        + "/Sheets/1/Visuals/0/KPIVisual/ChartConfiguration/FieldWells/Values/0/CategoricalMeasureField/FieldId");
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

    @Test
    void reportsCalculatedFieldsAndParametersThatReferToNothing() {
        ObjectNode definition = tree();
        definition.putArray("CalculatedFields").add(MAPPER.createObjectNode()
                .put("DataSetIdentifier", DATA_SET).put("Name", "overhead_ms")
                .put("Expression", "{response_latency_ms} - {integration_latncy_ms}"));
        ((ObjectNode) definition.at("/FilterGroups/1/Filters/0/CategoryFilter/Configuration/FilterListConfiguration"))
                .put("ParameterName", "ApiParam");

        assertThat(CHECKS.check(definition)).containsExactlyInAnyOrder(
                "/CalculatedFields/0/Expression: {integration_latncy_ms} is not a column of data set 'access_logs'",
                "/FilterGroups/1/Filters/0/CategoryFilter/Configuration/FilterListConfiguration/ParameterName: parameter 'ApiParam' is not declared");
    }

    @Test
    void aCalculatedFieldCanBeUsedLikeAColumn() {
        ObjectNode definition = tree();
        definition.putArray("CalculatedFields").add(MAPPER.createObjectNode()
                .put("DataSetIdentifier", DATA_SET).put("Name", "overhead_ms")
                .put("Expression", "{response_latency_ms} - {integration_latency_ms}"));
        ((ObjectNode) definition.at("/Sheets/1/Visuals/1/KPIVisual/ChartConfiguration/FieldWells/Values/0/NumericalMeasureField/Column"))
                .put("ColumnName", "overhead_ms");

        assertThat(CHECKS.check(definition)).isEmpty();
    }

    @Test
    void enforcesFiftyVisualsPerSheet() {
        List<VisualSpec> visuals = new ArrayList<>();
        for (int i = 0; i < DefinitionChecks.MAX_VISUALS_PER_SHEET + 1; i++) {
            visuals.add(VisualSpec.of("v" + i, ChartKind.KPI, "KPI " + i, "?", List.of(), List.of(Measure.requests())));
        }
        DashboardSpec crowded = new DashboardSpec(DATA_SET,
                List.of(SheetSpec.content("crowded", "Crowded", "Too many visuals", visuals, List.of())), List.of());
        JsonNode definition = new DefinitionBuilder(DataSetColumns.accessLogs()).build(crowded, TextNode.valueOf("arn"));

        assertThat(CHECKS.check(definition)).containsExactly("/Sheets/0: 51 visuals, QuickSight allows 50 per sheet");
    }
}
