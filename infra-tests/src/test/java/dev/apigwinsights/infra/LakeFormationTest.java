package dev.apigwinsights.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Optional Lake Formation grants (issue 7, item 14): off by default; when on, exactly what the
 * stack's own roles call on the catalog, never with the grant option, and created before the streams.
 */
class LakeFormationTest {

    private final Template template = Repo.template();

    /** What each role is granted in {@code d}: "role resource-kind permissions". */
    private List<String> grants(Deployments.Deployment d) {
        List<String> out = new ArrayList<>();
        for (String id : template.resourcesOfType("AWS::LakeFormation::PrincipalPermissions")) {
            if (!d.creates(template, id)) {
                continue;
            }
            JsonNode p = template.resource(id).path("Properties");
            String role = p.path("Principal").path("DataLakePrincipalIdentifier").path("Fn::GetAtt").get(0).asText();
            String resource = p.path("Resource").fieldNames().next();
            JsonNode target = p.path("Resource").path(resource);
            String name = target.has("Name") ? target.path("Name").path("Ref").asText() : "?";
            List<String> permissions = new ArrayList<>();
            p.path("Permissions").forEach(x -> permissions.add(x.asText()));
            out.add(role + " " + resource + ":" + name + " " + permissions);
        }
        return out;
    }

    @Test
    void offByDefault() {
        JsonNode parameter = template.parameters().path("LakeFormationGrants");
        assertThat(parameter.path("Default").asText()).isEqualTo("false");

        assertThat(grants(new Deployments.Deployment("defaults", new Evaluator(template, Map.of())))).isEmpty();
    }

    @Test
    void grantsWhatFirehoseAndTheCrawlersCallOnTheCatalog() {
        Evaluator parquet = new Evaluator(template, Map.of("LakeFormationGrants", "true", "OutputFormat", "PARQUET"));
        Evaluator json = new Evaluator(template, Map.of("LakeFormationGrants", "true", "OutputFormat", "JSON"));

        assertThat(grants(new Deployments.Deployment("parquet", parquet))).containsExactlyInAnyOrder(
                "FirehoseRole Table:AccessLogsTable [DESCRIBE]",
                "CrawlerRole Database:GlueDatabase [CREATE_TABLE, DESCRIBE, ALTER]",
                "CrawlerRole Table:AccessLogsTable [ALTER, DESCRIBE]");
        // Only Parquet conversion makes Firehose read the table.
        assertThat(grants(new Deployments.Deployment("json", json))).containsExactlyInAnyOrder(
                "CrawlerRole Database:GlueDatabase [CREATE_TABLE, DESCRIBE, ALTER]",
                "CrawlerRole Table:AccessLogsTable [ALTER, DESCRIBE]");
    }

    @Test
    void grantsStayInThisAccountsCatalogWithoutTheGrantOption() {
        for (String id : template.resourcesOfType("AWS::LakeFormation::PrincipalPermissions")) {
            JsonNode p = template.resource(id).path("Properties");
            assertThat(p.path("Catalog").toString()).as(id).isEqualTo("{\"Ref\":\"AWS::AccountId\"}");
            assertThat(p.path("PermissionsWithGrantOption")).as(id).isEmpty();
            assertThat(p.path("Permissions").toString()).as(id).doesNotContain("ALL").doesNotContain("DROP").doesNotContain("SELECT");
            JsonNode target = p.path("Resource").elements().next();
            assertThat(target.path("CatalogId").toString()).as(id).isEqualTo("{\"Ref\":\"AWS::AccountId\"}");
            assertThat(target.has("TableWildcard")).as("%s grants on every table", id).isFalse();
        }
    }

    @Test
    void everyStreamWaitsForTheSchemaGrant() {
        for (String stream : template.resourcesOfType("AWS::KinesisFirehose::DeliveryStream")) {
            assertThat(template.resource(stream).path("Metadata").path("LakeFormationSchemaGrant").toString()).as(stream)
                    .isEqualTo("{\"Fn::If\":[\"HasLakeFormationSchemaGrant\",{\"Ref\":\"FirehoseSchemaGrant\"},\"\"]}");
        }
        assertThat(template.resource("FirehoseSchemaGrant").path("Condition").asText()).isEqualTo("HasLakeFormationSchemaGrant");
    }
}
