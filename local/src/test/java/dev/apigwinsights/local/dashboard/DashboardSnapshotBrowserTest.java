package dev.apigwinsights.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwinsights.insights.Insight;
import dev.apigwinsights.insights.Insights;
import dev.apigwinsights.insights.Sheet;
import dev.apigwinsights.local.DashboardCommand;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import picocli.CommandLine;

/**
 * The standalone file ({@code dashboard --out}) opened from {@code file://} in a real browser
 * (Debian's headless Chromium): every sheet draws from the embedded data with no network request
 * and no console error, a drill-down or a time sub-range narrows the panels that carry that column
 * and marks the others as needing {@code serve}, and the map draws countries from ISO codes.
 */
class DashboardSnapshotBrowserTest extends BrowserTests {
    private static final Insights INSIGHTS = Insights.standard(DashboardFixture.CLOCK);
    private static Path file;

    @BeforeAll
    static void writeFile(@TempDir Path dir) {
        Chromium.require();
        file = dir.resolve("dashboard.html");
        int code = new CommandLine(new DashboardCommand()).execute("--data", DashboardFixture.store().toString(), "--out", file.toString());
        assertThat(code).isZero();
    }


    private static String url(String query) {
        return file.toUri() + query;
    }

    @Test
    void everySheetDrawsOfflineFromTheFile() {
        for (Sheet sheet : Sheet.values()) {
            List<Insight> insights = INSIGHTS.list(sheet);
            if (insights.isEmpty()) {
                continue;
            }
            page.open(url("?sheet=" + sheet.id()));
            page.showWholePage();
            page.screenshot(screenshots().resolve("snapshot-" + sheet.id() + ".png"));
            assertThat(page.panels()).as(sheet.id()).hasSize(insights.size());
            for (WebElement panel : page.panels()) {
                assertThat(panel.findElements(By.cssSelector(".empty.error"))).as(panel.getAttribute("data-insight")).isEmpty();
            }
            @SuppressWarnings("unchecked")
            List<String> fetched = (List<String>) page.js("return performance.getEntriesByType('resource').map(e => e.name)");
            assertThat(fetched).as("requests made by the standalone page").allMatch(n -> n.startsWith("file:") || n.startsWith("data:"));
            System.out.printf("[dashboard] snapshot %s: %s%n", sheet.id(), page.timings());
        }
        assertThat(page.driver().findElement(By.id("mode-badge")).getText()).startsWith("Snapshot");
        assertThat(page.driver().findElement(By.id("notice")).getText()).contains("Needs serve", "./apigw-insights serve");
    }

    @Test
    void aDrillDownNarrowsThePanelsThatCarryTheRouteAndMarksTheOthers() {
        page.open(url("?sheet=latency"));
        WebElement table = page.panel("latency_percentiles_by_route");
        assertThat(table.findElements(By.cssSelector("tbody tr")).size()).isGreaterThan(1);
        String route = table.findElement(By.cssSelector("tbody tr a.drill")).getText();
        int views = page.views();
        table.findElement(By.cssSelector("tbody tr a.drill")).click();
        page.waitForViews(views + 1);
        WebElement narrowed = page.panel("latency_percentiles_by_route");
        assertThat(narrowed.findElements(By.cssSelector("tbody tr"))).hasSize(1);
        assertThat(narrowed.findElement(By.cssSelector("tbody tr a.drill")).getText()).isEqualTo(route);
        assertThat(narrowed.findElement(By.cssSelector(".panel-badge")).getText()).isEqualTo("Narrowed");
        assertThat(page.panel("latency_kpis").findElement(By.cssSelector(".panel-badge")).getText()).isEqualTo("Needs serve");
        assertThat(page.panel("latency_kpis").getAttribute("class")).contains("stale");
        page.showWholePage();
        page.screenshot(screenshots().resolve("snapshot-drilldown.png"));
    }

    @Test
    void aTimeSubRangeNarrowsTimeSeriesOnly() {
        page.open(url("?sheet=overview"));
        String points = "return echarts.getInstanceByDom(document.querySelector(\".panel[data-insight='requests_over_time'] .chart\"))"
                + ".getOption().series[0].data.length";
        long all = ((Number) page.js(points)).longValue();
        int views = page.views();
        page.driver().findElement(By.cssSelector("#time-presets button[data-preset='24h']")).click();
        page.waitForViews(views + 1);
        long day = ((Number) page.js(points)).longValue();
        assertThat(day).isPositive().isLessThan(all);
        assertThat(page.panel("requests_over_time").findElement(By.cssSelector(".panel-badge")).getText()).isEqualTo("Narrowed");
        assertThat(page.panel("overview_kpis").findElement(By.cssSelector(".panel-badge")).getText()).isEqualTo("Needs serve");
        assertThat(page.currentQuery()).contains("range=24h");
    }

    @Test
    void theMapDrawsCountriesByIsoCodeAndListsThemAll(@TempDir Path dir) throws Exception {
        // A made-up answer for the map (this branch's store has no client_country): the test is the drawing.
        Path mapFile = dir.resolve("map.html");
        try (DashboardFixture.Running running = DashboardFixture.serve()) {
            ObjectNode boot = new Snapshot(new InsightAnswers(running.queries()), DashboardFixture.CLOCK, 2).build(null);
            ObjectNode answer = ResultJson.unavailable("requests_by_country", "x", "x");
            answer.remove("unavailable");
            ArrayNode columns = answer.putArray("columns");
            INSIGHTS.get("requests_by_country").columns().forEach(c -> columns.add(c.name()));
            ArrayNode rows = answer.putArray("rows");
            rows.addArray().add("US").add(1200L).add(2.5).add(180.0);
            rows.addArray().add("DE").add(300L).add(1.0).add(95.0);
            rows.addArray().add("SG").add(40L).add(0.0).add(60.0);
            rows.addArray().addNull().add(7L).add(0.0).add(50.0);
            ((ObjectNode) boot.get("answers")).set("requests_by_country", answer);
            Files.writeString(mapFile, new DashboardPage(new DashboardAssets()).standalone(boot), StandardCharsets.UTF_8);
        }
        page.open(mapFile.toUri() + "?sheet=geography");
        WebElement panel = page.panel("requests_by_country");
        new org.openqa.selenium.support.ui.WebDriverWait(page.driver(), java.time.Duration.ofSeconds(30))
                .until(d -> !panel.findElements(By.cssSelector(".map-layout table")).isEmpty());
        Object mapped = page.js("var c = echarts.getInstanceByDom(arguments[0]); return c.getOption().series[0].data.map(d => d.name).join(',')",
                panel.findElement(By.cssSelector(".chart.map")));
        assertThat(mapped).isEqualTo("US,DE,SG");
        String ranking = panel.findElement(By.cssSelector(".map-layout table")).getText();
        assertThat(ranking).contains("United States of America (US)", "Germany (DE)", "Singapore (SG)", "Unknown");
        page.showWholePage();
        page.screenshot(screenshots().resolve("snapshot-map-sample.png"));
    }
}
