package dev.apigwinsights.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * QuickSight definitions are checked to their leaves, against the CloudFormation specification and
 * the QuickSight API model of the AWS SDK: small dashboards, each broken in one way.
 */
class QuickSightValidationTest {

    private static final SpecValidator VALIDATOR = new SpecValidator(CfnSpec.pinned());

    /** A dashboard with one sheet holding {@code visual} (YAML, indented as a list item's body). */
    private static List<String> problemsWithVisual(String visual) {
        return problemsWithSheet("""
                SheetId: s1
                Name: Overview
                Visuals:
                  - %s
                """.formatted(visual.strip().indent(4).strip()));
    }

    private static List<String> problemsWithSheet(String sheet) {
        return VALIDATOR.validate(Template.parse("""
                Resources:
                  Dash:
                    Type: AWS::QuickSight::Dashboard
                    Properties:
                      AwsAccountId: !Ref AWS::AccountId
                      DashboardId: d1
                      Name: Test
                      Definition:
                        DataSetIdentifierDeclarations:
                          - Identifier: logs
                            DataSetArn: !Sub 'arn:aws:quicksight:${AWS::Region}:${AWS::AccountId}:dataset/x'
                        Sheets:
                          - %s
                """.formatted(sheet.strip().indent(12).strip())));
    }

    private static final String KPI = """
            KPIVisual:
              VisualId: requests
              Title: {Visibility: VISIBLE, FormatText: {PlainText: Requests}}
              ChartConfiguration:
                FieldWells:
                  Values:
                    - NumericalMeasureField:
                        FieldId: p95
                        Column: {DataSetIdentifier: logs, ColumnName: response_latency_ms}
                        AggregationFunction: {PercentileAggregation: {PercentileValue: 95}}
            """;

    @Test
    void acceptsAValidDefinition() {
        assertThat(problemsWithVisual(KPI)).isEmpty();
    }

    @Test
    void reportsAMisspeltNestedPropertyOnce() {
        assertThat(problemsWithVisual(KPI.replace("FieldWells:", "FieldWell:"))).containsExactly(
                "Resources/Dash/Properties/Definition/Sheets/0/Visuals/0/KPIVisual/ChartConfiguration: unknown property 'FieldWell'");
    }

    @Test
    void reportsAnEnumValueTheSpecificationDoesNotList() {
        assertThat(problemsWithVisual(KPI.replace("Visibility: VISIBLE", "Visibility: SHOWN")))
                .singleElement().asString()
                .startsWith("Resources/Dash/Properties/Definition/Sheets/0/Visuals/0/KPIVisual/Title/Visibility: 'SHOWN' is not one of");
    }

    @Test
    void reportsAnEnumValueTheSpecificationListsButTheServiceRejects() {
        // The specification lists SHEET tooltips for gauges; the QuickSight API model has only BASIC and DETAILED.
        List<String> problems = problemsWithVisual("""
                GaugeChartVisual:
                  VisualId: g
                  ChartConfiguration:
                    TooltipOptions: {SelectedTooltipType: SHEET}
                """);

        assertThat(problems).containsExactly(
                "Resources/Dash/Properties/Definition/Sheets/0/Visuals/0/GaugeChartVisual/ChartConfiguration/TooltipOptions/SelectedTooltipType: "
                        + "'SHEET' is not one of the API model's values [BASIC, DETAILED] (software.amazon.awssdk:quicksight); the service would reject it");
    }

    @Test
    void reportsAPropertyTheSpecificationKnowsButTheServiceDoesNot() {
        List<String> problems = problemsWithVisual(KPI.replace(
                "Column: {DataSetIdentifier: logs, ColumnName: response_latency_ms}",
                "Column: {DataSetIdentifier: logs, ColumnName: response_latency_ms, TopicIdentifier: t}"));

        assertThat(problems).containsExactly(
                "Resources/Dash/Properties/Definition/Sheets/0/Visuals/0/KPIVisual/ChartConfiguration/FieldWells/Values/0/NumericalMeasureField/Column: "
                        + "'TopicIdentifier' is not a member of ColumnIdentifier in the API model (software.amazon.awssdk:quicksight); the service would reject it");
    }

    @Test
    void reportsWrongNesting() {
        // The measure's own properties put straight into the field well, without its NumericalMeasureField wrapper.
        List<String> problems = problemsWithVisual(KPI.replace("- NumericalMeasureField:\n", "- \n"));
        String well = "Resources/Dash/Properties/Definition/Sheets/0/Visuals/0/KPIVisual/ChartConfiguration/FieldWells/Values/0: ";

        assertThat(problems).containsExactlyInAnyOrder(
                well + "unknown property 'FieldId'",
                well + "unknown property 'Column'",
                well + "unknown property 'AggregationFunction'");
    }

    @Test
    void aUnionTakesExactlyOneMemberNotNone() {
        assertThat(problemsWithVisual("""
                BarChartVisual:
                  VisualId: bars
                  ChartConfiguration:
                    FieldWells: {}
                """)).containsExactly("Resources/Dash/Properties/Definition/Sheets/0/Visuals/0/BarChartVisual/ChartConfiguration/FieldWells: "
                + "BarChartFieldWells is a union: set exactly one of [BarChartAggregatedFieldWells], got none");
    }

    @Test
    void aUnionTakesExactlyOneMember() {
        List<String> problems = problemsWithVisual(KPI + """
                BarChartVisual:
                  VisualId: bars
                """);

        assertThat(problems).singleElement().asString().startsWith(
                "Resources/Dash/Properties/Definition/Sheets/0/Visuals/0: Visual is a union: set exactly one of [")
                .endsWith("got [KPIVisual, BarChartVisual]");
    }

    @Test
    void reportsAMissingRequiredProperty() {
        assertThat(problemsWithSheet("""
                Name: Overview
                Layouts:
                  - Configuration:
                      GridLayout:
                        Elements:
                          - {ElementId: requests, ElementType: VISUAL, ColumnSpan: 12}
                """)).containsExactlyInAnyOrder(
                "Resources/Dash/Properties/Definition/Sheets/0: required property 'SheetId' is missing",
                "Resources/Dash/Properties/Definition/Sheets/0/Layouts/0/Configuration/GridLayout/Elements/0: required property 'RowSpan' is missing");
    }

    @Test
    void reportsAFractionWhereTheServiceTakesAnInteger() {
        // The specification says "number" for grid spans; the API model says Integer.
        assertThat(problemsWithSheet("""
                SheetId: s1
                Layouts:
                  - Configuration:
                      GridLayout:
                        Elements:
                          - {ElementId: requests, ElementType: VISUAL, ColumnSpan: 12, RowSpan: 7.5}
                """)).containsExactly(
                "Resources/Dash/Properties/Definition/Sheets/0/Layouts/0/Configuration/GridLayout/Elements/0/RowSpan: "
                        + "the API model (software.amazon.awssdk:quicksight) expects integer, got number 7.5");
    }

    /** A data set with the given extra properties (YAML, at property level). */
    private static List<String> problemsWithDataSet(String properties) {
        return VALIDATOR.validate(Template.parse("""
                Resources:
                  Logs:
                    Type: AWS::QuickSight::DataSet
                    Properties:
                      AwsAccountId: !Ref AWS::AccountId
                      DataSetId: logs
                      PhysicalTableMap: {}
                      %s
                """.formatted(properties.strip().indent(6).strip())));
    }

    @Test
    void checksBothBranchesOfAConditionAgainstTheApiModel() {
        List<String> problems = problemsWithDataSet("""
                ImportMode: !If [Spice, SPICE, DIRECT_QUERY]
                UseAs: !If [Spice, CATALOG, !Ref AWS::NoValue]
                """);

        assertThat(problems).containsExactly(
                "Resources/Logs/Properties/UseAs: 'CATALOG' is not one of the API model's values [RLS_RULES] "
                        + "(software.amazon.awssdk:quicksight); the service would reject it");
    }

    @Test
    void checksPropertiesTheHandlerSendsInAnotherCallAgainstThatCallsShape() {
        List<String> problems = problemsWithDataSet("""
                ImportMode: SPICE
                IngestionWaitPolicy: {WaitForSpiceIngestion: false}
                DataSetRefreshProperties:
                  RefreshConfiguration:
                    IncrementalRefresh:
                      LookbackWindow: {ColumnName: request_time, Size: 1.5, SizeUnit: DAY}
                """);

        assertThat(problems).containsExactly("Resources/Logs/Properties/DataSetRefreshProperties/RefreshConfiguration/"
                + "IncrementalRefresh/LookbackWindow/Size: the API model (software.amazon.awssdk:quicksight) expects integer, got number 1.5");
    }

    @Test
    void theHandlerPropertiesAreInTheSpecificationAndNotInTheRequest() {
        CfnSpec spec = CfnSpec.pinned();
        SdkModelValidator model = SdkModelValidator.quickSight();
        SdkModelValidator.QUICKSIGHT_HANDLER_PROPERTIES.forEach((type, properties) -> properties.keySet().forEach(property -> {
            assertThat(spec.resource(type).orElseThrow().path("properties").has(property)).as("%s.%s in the spec", type, property).isTrue();
            assertThat(model.requestOf(type).orElseThrow().member(property)).as("%s.%s in the request", type, property).isEmpty();
        }));
    }

    @Test
    void everyBoundResourceTypeExistsAndEveryReachableShapeReads() {
        CfnSpec spec = CfnSpec.pinned();
        SdkModelValidator model = SdkModelValidator.quickSight();
        int structures = 0;
        java.util.Set<Class<?>> seen = new java.util.HashSet<>();
        java.util.ArrayDeque<SdkModel.Shape> queue = new java.util.ArrayDeque<>();
        for (String type : SdkModelValidator.QUICKSIGHT_REQUESTS.keySet()) {
            assertThat(spec.resource(type)).as(type).isPresent();
            queue.add(model.requestOf(type).orElseThrow());
        }
        while (!queue.isEmpty()) {
            SdkModel.Shape shape = queue.poll();
            if (shape instanceof SdkModel.Structure structure && seen.add(structure.modelClass())) {
                structures++;
                queue.addAll(structure.members().values());   // throws if an enum getter matches no member
            } else if (shape instanceof SdkModel.ListOf list) {
                queue.add(list.element());
            } else if (shape instanceof SdkModel.MapOf map) {
                queue.add(map.value());
            }
        }
        assertThat(structures).as("QuickSight structures reachable from the bound requests").isGreaterThan(500);
    }
}
