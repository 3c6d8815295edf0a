package dev.apigwinsights.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwinsights.eventkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/insights.md carries the catalog's reference, generated; it fails here when stale. */
class InsightDocsTest {

    private final List<Insight> insights = Insights.standard(Clock.systemUTC()).list();

    @Test
    void theCommittedReferenceIsTheCatalogs() throws IOException {
        Path doc = Fixtures.dir().getParent().resolve("docs/insights.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        assertThat(text).as("docs/insights.md is stale: run `make insights-docs`").isEqualTo(InsightDocs.regenerate(text, insights));
        assertThat(text).contains("## Add an insight");
    }

    @Test
    void everyInsightAndFilterIsListedWithItsQuestionChartAndColumns() {
        String block = InsightDocs.render(insights);
        for (Insight i : insights) {
            assertThat(block).contains("| `" + i.id() + "`", i.question(), "| " + i.chart().id() + " |");
            for (ResultColumn c : i.columns()) {
                assertThat(block).contains("`" + c.name() + "` " + c.type().id());
            }
        }
        for (Filter f : Filter.values()) {
            assertThat(block).contains("| `" + f.key() + "` |");
        }
        for (Sheet s : Sheet.values()) {
            assertThat(block).contains("## " + s.title());
        }
    }

    @Test
    void regenerateKeepsWhatSurroundsTheBlock() {
        String doc = "intro\n" + InsightDocs.BEGIN_MARKER + " -->\nold\n" + InsightDocs.END_MARKER + "\nrecipe\n";
        String fresh = InsightDocs.regenerate(doc, insights);
        assertThat(fresh).startsWith("intro\n" + InsightDocs.BEGIN_MARKER).endsWith(InsightDocs.END_MARKER + "\nrecipe\n").doesNotContain("\nold\n");
    }
}
