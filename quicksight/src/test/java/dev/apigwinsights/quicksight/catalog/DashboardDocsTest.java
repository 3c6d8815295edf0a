package dev.apigwinsights.quicksight.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwinsights.infra.RepositoryRoot;
import dev.apigwinsights.insights.InsightCatalog;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** The generated part of docs/dashboards.md is what the catalog makes of the dashboard today. */
class DashboardDocsTest {

    private static final int TEMPLATE_BYTES = Generator.render(Generator.template()).getBytes(StandardCharsets.UTF_8).length;

    @Test
    void theCommittedGuideDescribesTodaysDashboard() throws IOException {
        String committed = Files.readString(RepositoryRoot.find().resolve(Generator.DOCS_PATH), StandardCharsets.UTF_8);

        assertThat(committed).as("%s is stale: run `make quicksight`", Generator.DOCS_PATH)
                .isEqualTo(DashboardDocs.rewrite(committed, Generator.dashboard(), InsightCatalog.all(), TEMPLATE_BYTES));
    }

    @Test
    void theSectionNamesEverySheetInsightControlAndWhatIsLeftOut() {
        CatalogDashboard.Result dashboard = Generator.dashboard();
        String section = DashboardDocs.section(dashboard, InsightCatalog.all(), TEMPLATE_BYTES);

        dashboard.spec().sheets().forEach(s -> assertThat(section).contains("### " + s.name()));
        dashboard.placements().forEach(p -> assertThat(section).contains(InsightCatalog.all().stream()
                .filter(i -> i.id().equals(p.insightId())).findFirst().orElseThrow().question()));
        dashboard.controls().forEach(c -> assertThat(section).contains("| " + c.filter().label() + " | `" + c.column() + "`"));
        dashboard.leftOut().forEach(l -> assertThat(section).contains("`" + l.id() + "`").contains(l.reason()));
        assertThat(section).contains("The nested template is " + Math.round(TEMPLATE_BYTES / 1024.0) + " KB");
    }

    @Test
    void aGuideWithoutTheMarkersIsRefused() {
        assertThatThrownBy(() -> DashboardDocs.rewrite("# Dashboards\n", Generator.dashboard(), InsightCatalog.all(), TEMPLATE_BYTES))
                .hasMessageContaining("no generated section");
    }
}
