package dev.apigwinsights.quicksight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import dev.apigwinsights.infra.CfnSpec;
import dev.apigwinsights.infra.IamPolicies;
import dev.apigwinsights.infra.SpecValidator;
import dev.apigwinsights.infra.Template;
import dev.apigwinsights.infra.TemplateReferences;
import dev.apigwinsights.quicksight.catalog.Generator;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The committed nested stack, quicksight/quicksight.json, against its generator and every check template.yaml passes. */
class QuickSightTemplateTest {

    private static final String COMMITTED = RepoFiles.read(Generator.TEMPLATE_PATH);
    private static final Template TEMPLATE = Template.parse(COMMITTED);

    @Test
    void committedTemplateIsWhatTheGeneratorWrites() {
        assertThat(COMMITTED)
                .as("%s is stale: run `make quicksight`", Generator.TEMPLATE_PATH)
                .isEqualTo(Generator.render(Generator.template()));
    }

    @Test
    void passesTheCloudFormationSpecificationAndTheQuickSightApiModel() {
        assertThat(new SpecValidator(CfnSpec.pinned()).validate(TEMPLATE)).isEmpty();
    }

    @Test
    void theValidatorsReachTheLeavesOfTheGeneratedDefinition() {
        Template broken = Template.parse(COMMITTED
                .replace("\"Orientation\":\"HORIZONTAL\"", "\"Orientation\":\"SIDEWAYS\"")
                .replace("\"MatchOperator\":\"CONTAINS\"", "\"MatchOperator\":\"CONTAINS\",\"Negate\":true")
                .replace("\"ColumnName\":\"request_time\"},\"DateGranularity\"",
                        "\"ColumnName\":\"request_time\",\"TopicIdentifier\":\"t\"},\"DateGranularity\""));

        List<String> problems = new SpecValidator(CfnSpec.pinned()).validate(broken);

        assertThat(problems).anyMatch(p -> p.matches("Resources/Dashboard/Properties/Definition/Sheets/\\d+/Visuals/\\d+/BarChartVisual/"
                + "ChartConfiguration/Orientation: 'SIDEWAYS' is not one of .*"));
        assertThat(problems).anyMatch(p -> p.matches("Resources/Analysis/Properties/Definition/FilterGroups/\\d+/Filters/0/CategoryFilter/"
                + "Configuration/FilterListConfiguration: unknown property 'Negate'"));
        // Known to the CloudFormation specification, not to the QuickSight API model.
        assertThat(problems).anyMatch(p -> p.matches("Resources/Dashboard/Properties/Definition/Sheets/\\d+/Visuals/\\d+/\\w+Visual/"
                + "ChartConfiguration/FieldWells/\\w+/Category/0/DateDimensionField/Column: 'TopicIdentifier' "
                + "is not a member of ColumnIdentifier in the API model \\(software.amazon.awssdk:quicksight\\); the service would reject it"));
    }

    @Test
    void everyNameResolvesAndEveryParameterIsUsed() {
        assertThat(new TemplateReferences(CfnSpec.pinned()).check(TEMPLATE)).isEmpty();
    }

    @Test
    void theDataSourceRoleIsScopedToTheStacksResources() {
        assertThat(IamPolicies.violations(TEMPLATE)).isEmpty();
    }

    @Test
    void staysWellUnderCloudFormationsOneMegabyteLimit() {
        int bytes = COMMITTED.getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).as("size of %s", Generator.TEMPLATE_PATH).isLessThan(MAX_TEMPLATE_BYTES);
    }

    /** CloudFormation reads a template of at most 1 MB from S3; the generated one must leave room to grow. */
    static final int MAX_TEMPLATE_BYTES = 768 * 1024;

    @Test
    void theDataSetHasTheGlueTablesColumnsWithTheirTypes() {
        JsonNode table = Template.parse(RepoFiles.read("template.yaml")).resource("AccessLogsTable")
                .path("Properties").path("TableInput");
        List<String> glue = new ArrayList<>();
        List<JsonNode> glueColumns = new ArrayList<>();
        table.path("StorageDescriptor").path("Columns").forEach(glueColumns::add);
        table.path("PartitionKeys").forEach(glueColumns::add);
        for (JsonNode column : glueColumns) {
            String quickSightType = switch (column.path("Type").asText()) {
                case "string" -> "STRING";
                case "int", "bigint" -> "INTEGER";
                case "double" -> "DECIMAL";
                case "timestamp" -> "DATETIME";
                default -> null; // map<string,string>: QuickSight has no type for it
            };
            if (quickSightType != null) {
                glue.add(column.path("Name").asText() + " " + quickSightType);
            }
        }
        List<String> dataSet = new ArrayList<>();
        TEMPLATE.resource("DataSet").path("Properties").path("PhysicalTableMap").path(QuickSightTemplate.PHYSICAL_TABLE)
                .path("RelationalTable").path("InputColumns")
                .forEach(c -> dataSet.add(c.path("Name").asText() + " " + c.path("Type").asText()));

        assertThat(dataSet).containsExactlyElementsOf(glue);
        assertThat(DataSetColumns.untypable()).extracting(f -> f.column()).containsExactly("extra");
    }

    @Test
    void dashboardAndAnalysisShareOneDefinitionThatPassesTheSemanticChecks() {
        JsonNode dashboard = TEMPLATE.resource("Dashboard").path("Properties").path("Definition");
        JsonNode analysis = TEMPLATE.resource("Analysis").path("Properties").path("Definition");

        assertThat(analysis).isEqualTo(dashboard);
        assertThat(DefinitionChecks.of(Generator.dashboard().spec()).check(dashboard)).isEmpty();
    }

    @Test
    void spiceModeAddsAnIncrementalRefreshAndDirectQueryDoesNot() {
        JsonNode schedule = TEMPLATE.resource("RefreshSchedule");
        JsonNode refresh = TEMPLATE.resource("DataSet").path("Properties").path("DataSetRefreshProperties");

        assertThat(schedule.path("Condition").asText()).isEqualTo("IsSpice");
        assertThat(schedule.path("Properties").path("Schedule").path("RefreshType").asText()).isEqualTo("INCREMENTAL_REFRESH");
        assertThat(refresh.path("Fn::If").get(0).asText()).isEqualTo("IsSpice");
        assertThat(refresh.path("Fn::If").get(2)).isEqualTo(Json.noValue());
        assertThat(TEMPLATE.conditions().path("IsSpice").toString()).contains("ImportMode").contains("SPICE");
    }

    @Test
    void templateYamlDeploysItAsAnOptionalNestedStackWithEveryParameter() {
        Template parent = Template.parse(RepoFiles.read("template.yaml"));
        JsonNode stack = parent.resource("QuickSightStack");
        List<String> passed = new ArrayList<>();
        stack.path("Properties").path("Parameters").fieldNames().forEachRemaining(passed::add);
        List<String> declared = new ArrayList<>();
        TEMPLATE.parameters().fieldNames().forEachRemaining(declared::add);

        assertThat(stack.path("Type").asText()).isEqualTo("AWS::CloudFormation::Stack");
        assertThat(stack.path("Condition").asText()).isEqualTo("IsQuickSightEnabled");
        assertThat(parent.conditions().path("IsQuickSightEnabled").toString()).contains("EnableQuickSight");
        assertThat(parent.parameters().path("EnableQuickSight").path("Default").asText()).isEqualTo("false");
        assertThat(stack.path("Properties").path("TemplateURL").asText()).isEqualTo(Generator.TEMPLATE_PATH);
        assertThat(passed).containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void theOutputsTemplateYamlReadsExist() {
        Template parent = Template.parse(RepoFiles.read("template.yaml"));
        List<String> read = new ArrayList<>();
        parent.outputs().forEach(output -> {
            JsonNode getAtt = output.path("Value").path("Fn::GetAtt");
            if (getAtt.isArray() && getAtt.get(0).asText().equals("QuickSightStack")) {
                read.add(getAtt.get(1).asText().substring("Outputs.".length()));
            }
        });

        assertThat(read).isNotEmpty();
        read.forEach(name -> assertThat(TEMPLATE.output(name)).as("output %s of the nested stack", name).isPresent());
    }

    @Test
    void everyQuickSightResourceIsOwnedByTheOwnerPrincipal() {
        List<String> owned = new ArrayList<>();
        TEMPLATE.resourceMap().forEach((id, resource) -> {
            if (resource.path("Type").asText().startsWith("AWS::QuickSight::") && !id.equals("RefreshSchedule")) {
                JsonNode permissions = resource.path("Properties").path("Permissions");
                assertThat(permissions).as(id).hasSize(1);
                assertThat(permissions.get(0).path("Principal")).as(id).isEqualTo(Json.ref("OwnerPrincipalArn"));
                owned.add(id);
            }
        });
        assertThat(owned).contains("DataSource", "DataSet", "Theme", "Dashboard", "Analysis");
        assertThat(owned).containsExactlyInAnyOrderElementsOf(TEMPLATE.resourceMap().keySet().stream()
                .filter(id -> !id.equals("RefreshSchedule") && !id.equals("DataSourceRole")).toList());
    }
}
