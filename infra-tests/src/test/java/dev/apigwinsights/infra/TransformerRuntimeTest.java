package dev.apigwinsights.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import java.util.Map;

/**
 * The transformer runs where its JIT is measured to be fastest (docs/performance.md): java25 with
 * SnapStart, where Lambda leaves the JVM's default tiered compilation on and the C2 code the handler's
 * priming compiled is in the snapshot; java17 and java21 cap the JIT at C1 on the JVM's command line.
 */
class TransformerRuntimeTest {

    private final Template template = Repo.template();

    private JsonNode function() {
        return template.resource("TransformerFunction").path("Properties");
    }

    @Test
    void runsJava25OnArm64WithSnapStartOnPublishedVersionsByDefault() {
        assertThat(function().path("Runtime").asText()).isEqualTo("java25");
        assertThat(function().path("Architectures").toString()).isEqualTo("[\"arm64\"]");
        assertThat(function().path("AutoPublishAlias").asText()).as("only published versions have a snapshot").isNotEmpty();
        JsonNode applyOn = function().path("SnapStart").path("ApplyOn");
        assertThat(new Evaluator(template, Map.of()).string(applyOn)).isEqualTo("PublishedVersions");
        assertThat(new Evaluator(template, Map.of("TransformerSnapStart", "false")).string(applyOn)).isEqualTo("None");
    }

    /** The report function (java21) shares the layer with the transformer (java25): it names both. */
    @Test
    void theLayerNamesEveryRuntimeThatUsesIt() {
        JsonNode runtimes = template.resource("CommonLayer").path("Properties").path("CompatibleRuntimes");
        assertThat(runtimes.toString()).contains("\"" + function().path("Runtime").asText() + "\"")
                .contains("\"" + template.resource("ReportFunction").path("Properties").path("Runtime").asText() + "\"");
    }

    /** A JAVA_TOOL_OPTIONS that stops tiered compilation would throw away what java25 with SnapStart gives. */
    @Test
    void leavesTheJitAtTheJvmsDefaults() {
        JsonNode options = function().path("Environment").path("Variables").path("JAVA_TOOL_OPTIONS");
        assertThat(options.toString()).doesNotContain("TieredStopAtLevel").doesNotContain("TieredCompilation");
    }
}
