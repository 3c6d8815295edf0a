package dev.apigwinsights.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigwinsights.insights.Insight;
import dev.apigwinsights.insights.Insights;
import dev.apigwinsights.insights.Sheet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The served dashboard in a real browser (Debian's headless Chromium through Selenium; see
 * {@link Chromium} for what happens without it): every sheet draws without a console error, a
 * filter changes the numbers and the URL, a click on a route drills every panel down, the KPIs
 * compare with the previous period, and the theme switches. A full-page screenshot per sheet goes
 * to {@code target/dashboard-screenshots/} ({@code -Dapigw.dashboard.screenshots=DIR} elsewhere,
 * e.g. {@code docs/img} with {@code scripts/dashboard-screenshots}); timings from the page's
 * Performance API marks are printed.
 */
class DashboardBrowserTest extends BrowserTests {
    private static DashboardFixture.Running running;
    private static final Insights INSIGHTS = Insights.standard(DashboardFixture.CLOCK);

    @BeforeAll
    static void start() throws Exception {
        Chromium.require();
        running = DashboardFixture.serve();
    }

    @AfterAll
    static void stop() throws Exception {
        if (running != null) {
            running.close();
        }
    }



    private String base() {
        return running.server().url().toString();
    }

    @Test
    void everySheetDrawsItsCatalogPanels() {
        for (Sheet sheet : Sheet.values()) {
            List<Insight> insights = INSIGHTS.list(sheet);
            if (insights.isEmpty()) {
                continue;
            }
            // The default view, as a user first sees it (the last 7 days of data, or all of it when less).
            page.open(base() + "?sheet=" + sheet.id());
            page.showWholePage();
            page.screenshot(screenshots().resolve("dashboard-" + sheet.id() + ".png"));
            assertThat(page.panels()).as(sheet.id()).hasSize(insights.size());
            for (int i = 0; i < insights.size(); i++) {
                WebElement panel = page.panels().get(i);
                assertThat(panel.getAttribute("data-insight")).isEqualTo(insights.get(i).id());
                assertThat(panel.findElement(By.cssSelector(".panel-title")).getText()).isEqualTo(insights.get(i).title());
                assertThat(panel.findElements(By.cssSelector(".empty.error"))).as(insights.get(i).id() + " failed").isEmpty();
            }
            assertThat(page.driver().findElement(By.cssSelector(".tab[aria-selected='true']")).getText()).startsWith(sheet.title());
            if (DashboardFixture.isGenerated() && sheet != Sheet.GEOGRAPHY) {
                assertThat(page.driver().findElements(By.cssSelector("#panels canvas, #panels table.data, #panels .kpis")).size())
                        .as(sheet.id() + " draws charts, tables or KPIs").isGreaterThanOrEqualTo(insights.size() / 2);
            }
            System.out.printf("[dashboard] live %s: %s%n", sheet.id(), page.timings());
        }
    }

    @Test
    void aFilterChangesTheNumbersAndTheUrlKeepsIt() {
        page.open(base() + "?sheet=overview&range=all");
        String all = page.kpi("overview_kpis", "requests");
        String fiveXx = page.kpi("overview_kpis", "requests_5xx");
        assertThat(all).isNotEqualTo(fiveXx);
        int views = page.views();
        new Select(page.driver().findElement(By.id("filter-status_class"))).selectByValue("5xx");
        page.waitForViews(views + 1);
        assertThat(page.kpi("overview_kpis", "requests")).isEqualTo(fiveXx);
        assertThat(page.currentQuery()).contains("status_class=5xx");
        assertThat(page.driver().findElement(By.cssSelector(".chip[data-filter='status_class']")).getText()).contains("5xx");
        System.out.printf("[dashboard] filter change timings: %s%n", page.timings());

        // The URL alone restores the view: a shared link shows the same numbers.
        String shared = page.driver().getCurrentUrl();
        page.open(shared);
        assertThat(new Select(page.driver().findElement(By.id("filter-status_class"))).getFirstSelectedOption().getText()).isEqualTo("5xx");
        assertThat(page.kpi("overview_kpis", "requests")).isEqualTo(fiveXx);
    }

    @Test
    void clickingARouteFiltersEveryPanelByIt() {
        page.open(base() + "?sheet=latency&range=all");
        WebElement table = page.panel("latency_percentiles_by_route");
        WebElement firstRow = table.findElement(By.cssSelector("tbody tr"));
        String route = firstRow.findElement(By.cssSelector("a.drill")).getText();
        String requests = firstRow.findElements(By.cssSelector("td")).get(1).getText();
        int views = page.views();
        firstRow.findElement(By.cssSelector("a.drill")).click();
        page.waitForViews(views + 1);
        assertThat(page.driver().findElement(By.cssSelector(".chip[data-filter='route']")).getText()).contains(route);
        assertThat(page.currentQuery()).contains("route=");
        assertThat(page.panel("latency_percentiles_by_route").findElements(By.cssSelector("tbody tr"))).hasSize(1);

        // Every panel follows, on every sheet: the overview counts only that route now.
        views = page.views();
        page.driver().findElement(By.id("tab-overview")).click();
        page.waitForViews(views + 1);
        assertThat(page.kpi("overview_kpis", "requests")).isEqualTo(requests);
    }

    @Test
    void clickingABarDrillsDown() {
        page.open(base() + "?sheet=overview&range=all");
        WebElement chart = page.panel("top_routes").findElement(By.cssSelector(".chart"));
        // The middle of the first bar, in pixels from the chart's top-left corner, as ECharts lays it out.
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) page.js("var c = echarts.getInstanceByDom(arguments[0]);"
                + " var v = c.getOption().series[0].data[0].value;"
                + " return c.convertToPixel({xAxisIndex: 0, yAxisIndex: 0}, [v / 2, 0]);", chart);
        String firstRoute = (String) page.js("return echarts.getInstanceByDom(arguments[0]).getOption().yAxis[0].data[0]", chart);
        int views = page.views();
        new Actions(page.driver())
                .moveToElement(chart, at.get(0).intValue() - chart.getSize().width / 2, at.get(1).intValue() - chart.getSize().height / 2)
                .click().perform();
        page.waitForViews(views + 1);
        assertThat(page.driver().findElement(By.cssSelector(".chip[data-filter='route']")).getText()).contains(firstRoute);
    }

    @Test
    void kpisCompareWithThePreviousPeriod() {
        page.open(base() + "?sheet=overview&range=24h");
        // The tiles are drawn first; the previous period's deltas follow.
        new org.openqa.selenium.support.ui.WebDriverWait(page.driver(), java.time.Duration.ofSeconds(30))
                .until(d -> !page.panel("overview_kpis").findElements(By.cssSelector(".kpi-delta")).isEmpty());
        List<WebElement> deltas = page.panel("overview_kpis").findElements(By.cssSelector(".kpi-delta"));
        assertThat(deltas).isNotEmpty();
        assertThat(deltas.get(0).getText()).containsPattern("[▲▼±].*vs ");
        assertThat(deltas.get(0).getAttribute("title")).startsWith("Previous period: ");
        int views = page.views();
        page.driver().findElement(By.id("compare")).click();
        page.waitForViews(views + 1);
        assertThat(page.panel("overview_kpis").findElements(By.cssSelector(".kpi-delta"))).isEmpty();
        assertThat(page.currentQuery()).contains("compare=0");
    }

    @Test
    void theDarkThemeRedrawsEveryChart() {
        page.open(base() + "?sheet=errors&range=all");
        page.driver().findElement(By.id("theme-toggle")).click();
        assertThat(page.driver().findElement(By.tagName("html")).getAttribute("data-theme")).isEqualTo("dark");
        page.js("return new Promise(r => setTimeout(r, 500))");
        page.showWholePage();
        page.screenshot(screenshots().resolve("dashboard-errors-dark.png"));
        assertThat(page.driver().findElements(By.cssSelector("#panels canvas"))).isNotEmpty();
    }

    @Test
    void theApiAndThePageAgree() throws Exception {
        // The page shows what the API answers: same insight, same range, no arithmetic of its own.
        page.open(base() + "?sheet=overview&range=all");
        String url = (String) page.js("return performance.getEntriesByType('resource').map(e => e.name)"
                + ".filter(n => n.indexOf('/api/insights/overview_kpis?') >= 0)[0]");
        JsonNode answer = new ObjectMapper().readTree(java.net.URI.create(url).toURL().openStream());
        long requests = answer.get("rows").get(0).get(0).asLong();
        assertThat(page.kpi("overview_kpis", "requests").replace(",", "")).isEqualTo(Long.toString(requests));
        Map<String, Object> first = page.timings().get(0);
        System.out.printf("[dashboard] first view: %s, first panel at %s ms after navigation%n", first, page.js("return window.__apigw.firstPanelMs"));
    }
}
