package dev.apigwinsights.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import dev.apigwinsights.schema.CanonicalField;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/** The access_logs table is generated from CanonicalField and must not drift from it. */
class GlueColumnsTest {

    private final JsonNode tableInput = Repo.template().resource("AccessLogsTable").path("Properties").path("TableInput");

    @Test
    void generatedBlockInTemplateMatchesCanonicalField() {
        String template = Repo.read("template.yaml");
        MarkedBlock block = GlueColumns.find(template).orElseThrow(() ->
                new AssertionError("template.yaml lost its '" + GlueColumns.BEGIN_MARKER + "' block"));

        assertThat(block.text())
                .as("template.yaml Glue columns drifted from CanonicalField: run `make glue-columns`. Expected block:%n%s",
                        GlueColumns.renderBlock(block.indent()))
                .isEqualTo(GlueColumns.renderBlock(block.indent()));
    }

    @Test
    void tableColumnsAreTheCanonicalFieldsInOrder() {
        List<String> actual = new ArrayList<>();
        tableInput.path("StorageDescriptor").path("Columns").forEach(c ->
                actual.add(c.path("Name").asText() + " " + c.path("Type").asText() + " " + c.path("Comment").asText()));
        List<String> expected = new ArrayList<>();
        for (CanonicalField f : CanonicalField.values()) {
            expected.add(f.column() + " " + f.type().glueType() + " " + f.description());
        }

        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void partitionKeysAreTheCanonicalOnesAndNotAlsoColumns() {
        List<String> keys = new ArrayList<>();
        tableInput.path("PartitionKeys").forEach(k -> {
            keys.add(k.path("Name").asText());
            assertThat(k.path("Type").asText()).isEqualTo("string");
        });

        assertThat(keys).containsExactlyElementsOf(CanonicalField.partitionKeys());
        for (String key : keys) {
            assertThat(CanonicalField.byColumn(key)).as("partition key %s is also a column", key).isEmpty();
        }
    }

    @Test
    void columnCommentsFitGlueLimits() {
        for (CanonicalField f : CanonicalField.values()) {
            assertThat(f.description().length()).as("comment of %s", f.column()).isLessThanOrEqualTo(255);
            assertThat(f.column()).matches("[a-z][a-z0-9_]*");
        }
    }

    @Test
    void regenerateReplacesAStaleBlockAtItsIndentation() {
        String stale = "a:\n    " + GlueColumns.BEGIN_MARKER + "\n    - Name: old\n    " + GlueColumns.END_MARKER + "\nb: 1\n";

        String regenerated = GlueColumns.regenerate(stale);

        assertThat(regenerated).startsWith("a:\n    " + GlueColumns.BEGIN_MARKER).endsWith("\nb: 1\n");
        assertThat(regenerated).contains("    - Name: request_id\n      Type: string\n").doesNotContain("Name: old");
        assertThat(GlueColumns.regenerate(regenerated)).isEqualTo(regenerated);
    }

    @Test
    void commentsAreQuotedSoAnyDescriptionIsValidYaml() {
        assertThat(GlueColumns.quote("it's: a test")).isEqualTo("'it''s: a test'");
        JsonNode parsed = CfnYaml.parse("c:\n" + GlueColumns.render("  "));
        assertThat(parsed.path("c")).hasSize(CanonicalField.count());
    }
}
