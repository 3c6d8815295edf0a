package dev.apigwinsights.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import dev.apigwinsights.insights.Insight;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** template.yaml holds one Athena named query per catalog insight, generated, in the stack's workgroup and database. */
class NamedQueriesTest {

    @Test
    void generatedBlockMatchesTheCatalog() {
        String template = Repo.read("template.yaml");
        String block = NamedQueries.find(template);
        assertThat(block).as("template.yaml lost its '%s' block", NamedQueries.BEGIN_MARKER).isNotEmpty();
        String indent = block.substring(0, block.indexOf(NamedQueries.BEGIN_MARKER));
        assertThat(block).as("named queries drifted from the insight catalog: run `make named-queries`")
                .isEqualTo(NamedQueries.renderBlock(indent));
    }

    @Test
    void everyInsightHasANamedQueryInTheWorkgroupAndDatabase() {
        Template t = Repo.template();
        List<Insight> insights = NamedQueries.insights();
        assertThat(t.resourcesOfType("AWS::Athena::NamedQuery")).hasSize(insights.size());
        for (Insight insight : insights) {
            JsonNode props = t.resource(NamedQueries.logicalId(insight)).path("Properties");
            assertThat(props.path("WorkGroup").path("Ref").asText()).isEqualTo("AthenaWorkGroup");
            assertThat(props.path("Database").path("Ref").asText()).isEqualTo("GlueDatabase");
            assertThat(props.path("QueryString").asText()).as(insight.id())
                    .isEqualTo(NamedQueries.sql(insight).sql() + "\n")
                    .contains("access_logs");
            assertThat(props.path("Description").asText().length()).as(insight.id()).isLessThanOrEqualTo(NamedQueries.MAX_DESCRIPTION);
            assertThat(("x " + insight.id()).length() + 40).isLessThanOrEqualTo(NamedQueries.MAX_NAME);
        }
    }

    @Test
    void theTemplateStaysFarBelowTheOneMegabyteLimitOfTemplatesUploadedToS3() {
        assertThat(Repo.read("template.yaml").getBytes(StandardCharsets.UTF_8).length).isLessThan(400_000);
    }

    @Test
    void regenerateReplacesAStaleBlockAtItsIndentation() {
        String stale = "Resources:\n  " + NamedQueries.BEGIN_MARKER + "\n  Old:\n    Type: X\n  " + NamedQueries.END_MARKER + "\n  Next: 1\n";
        String regenerated = NamedQueries.regenerate(stale);
        assertThat(regenerated).startsWith("Resources:\n  " + NamedQueries.BEGIN_MARKER).endsWith("\n  Next: 1\n")
                .doesNotContain("Old:").contains("  InsightQueryRequestsByStatusClass:\n    Type: AWS::Athena::NamedQuery\n");
        assertThat(NamedQueries.regenerate(regenerated)).isEqualTo(regenerated);
        JsonNode parsed = CfnYaml.parse(regenerated);
        assertThat(parsed.path("Resources").path("InsightQueryTopErrorSignatures").path("Properties").path("QueryString").asText())
                .startsWith("SELECT error_signature,");
    }
}
