package dev.apigwinsights.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * How fast the served dashboard feels, measured in the browser from the page's own Performance API
 * marks ({@code apigw:first-panel}, and one measure per view until every panel in view has drawn):
 * first paint of the overview, then a status-class filter, a customer typed in, a drill-down
 * on a route, a shorter time preset and a sheet switch. Each round is a fresh page (the page caches
 * answers it has seen) on a fresh server (whose answer cache is empty). Printed, not asserted: performance is measured, not timed in tests. On the
 * small fixture store it runs with the tests; {@code scripts/bench-dashboard} runs it on the
 * 10-million-row store ({@code -Dapigw.dashboard.data=DIR -Dapigw.dashboard.rounds=N}).
 */
class DashboardSpeedTest {
    @BeforeAll
    static void requireChromium() {
        Chromium.require();
    }

    @Test
    void firstPaintAndFilterChanges() throws Exception {
        int rounds = Integer.getInteger("apigw.dashboard.rounds", 2);
        Map<String, List<Long>> samples = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            // A fresh server each round: no answer is cached from the round before.
            try (DashboardFixture.Running running = DashboardFixture.serve(); Chromium browser = Chromium.start(1440, 900)) {
                DashboardPages page = new DashboardPages(browser);
                page.open(running.server().url() + "?sheet=overview");
                add(samples, "first panel (since navigation)", ((Number) page.js("return window.__apigw.firstPanelMs")).longValue());
                add(samples, "overview in view drawn (since navigation)", last(page, "sinceNavigationMs"));

                change(page, () -> new Select(page.driver().findElement(By.id("filter-status_class"))).selectByValue("5xx"));
                add(samples, "filter: status class", last(page, "ms"));

                String customer = (String) page.js("return fetch('api/values/customer?from=' + new Date(0).toISOString() + '&to='"
                        + " + new Date().toISOString()).then(r => r.json()).then(b => b.values.length ? b.values[0].value : null)");
                if (customer != null) {
                    change(page, () -> {
                        WebElement input = page.driver().findElement(By.id("filter-customer"));
                        input.sendKeys(customer);
                        input.sendKeys(Keys.ENTER);
                    });
                    add(samples, "filter: customer typed", last(page, "ms"));
                }

                change(page, () -> page.driver().findElement(By.cssSelector(".chip[data-filter='status_class'] button")).click());
                add(samples, "filter removed", last(page, "ms"));

                change(page, () -> page.driver().findElement(By.id("tab-latency")).click());
                add(samples, "sheet switch: latency", last(page, "ms"));

                List<WebElement> routes = page.panel("latency_percentiles_by_route").findElements(By.cssSelector("a.drill"));
                if (!routes.isEmpty()) {
                    change(page, () -> routes.get(0).click());
                    add(samples, "drill-down: route", last(page, "ms"));
                }

                change(page, () -> page.driver().findElement(By.cssSelector("#time-presets button[data-preset='24h']")).click());
                add(samples, "time preset: 24 h", last(page, "ms"));

                assertThat(browser.consoleErrors()).isEmpty();
                assertThat(page.pageErrors()).isEmpty();
            }
        }
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "[dashboard] speed over %s, %d rounds (ms: median [min-max])%n",
                DashboardFixture.store(), rounds));
        samples.forEach((what, values) -> {
            List<Long> sorted = new ArrayList<>(values);
            sorted.sort(null);
            report.append(String.format(Locale.ROOT, "[dashboard]   %-42s %6d  [%d-%d]%n", what, sorted.get(sorted.size() / 2),
                    sorted.get(0), sorted.get(sorted.size() - 1)));
        });
        System.out.print(report);
    }

    private static void change(DashboardPages page, Runnable action) {
        int views = page.views();
        action.run();
        page.waitForViews(views + 1);
    }

    private static long last(DashboardPages page, String field) {
        List<Map<String, Object>> timings = page.timings();
        return ((Number) timings.get(timings.size() - 1).get(field)).longValue();
    }

    private static void add(Map<String, List<Long>> samples, String what, long ms) {
        samples.computeIfAbsent(what, k -> new ArrayList<>()).add(ms);
    }
}
