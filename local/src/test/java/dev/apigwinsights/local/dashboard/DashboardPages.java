package dev.apigwinsights.local.dashboard;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the browser tests do with the page: wait for views, read panels, take full-page pictures. */
final class DashboardPages {
    private final Chromium browser;
    private final ChromeDriver driver;

    DashboardPages(Chromium browser) {
        this.browser = browser;
        this.driver = browser.driver();
    }

    ChromeDriver driver() {
        return driver;
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Opens {@code url} and waits for its first view to be drawn. */
    void open(String url) {
        driver.get(url);
        waitForViews(1);
    }

    /** Waits until {@code n} views (load, filter change, sheet switch...) have been drawn since the page loaded. */
    void waitForViews(int n) {
        new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> {
            Object count = js("return window.__apigw && window.__apigw.timings.length");
            return count instanceof Number c && c.intValue() >= n;
        });
        waitIdle();
    }

    int views() {
        return ((Number) js("return window.__apigw.timings.length")).intValue();
    }

    /** Waits until no panel in view is loading and the map (if any) has drawn. */
    void waitIdle() {
        new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> Boolean.TRUE.equals(js(
                "return document.querySelectorAll('.panel.loading').length === 0")));
    }

    /** Grows the window to the whole page so every panel is in view and drawn, then waits. */
    void showWholePage() {
        long height = ((Number) js("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, (int) Math.min(height + 40, 12000)));
        new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> Boolean.TRUE.equals(js(
                "return document.querySelectorAll('.panel.loading').length === 0"
                        + " && document.querySelectorAll('.panel-body > .skeleton').length === 0")));
        long grown = ((Number) js("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
        if (grown > height + 40) {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, (int) Math.min(grown + 40, 12000)));
            waitIdle();
        }
        js("return new Promise(r => setTimeout(r, 400))");
    }

    void screenshot(Path file) {
        browser.screenshot(file);
    }

    List<WebElement> panels() {
        return driver.findElements(By.cssSelector("#panels > .panel"));
    }

    WebElement panel(String insight) {
        return driver.findElement(By.cssSelector(".panel[data-insight='" + insight + "']"));
    }

    /** The full value of one KPI tile (its title holds the unabbreviated number). */
    String kpi(String insight, String column) {
        return panel(insight).findElement(By.cssSelector(".kpi[data-column='" + column + "'] .kpi-value")).getAttribute("title");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> timings() {
        return (List<Map<String, Object>>) js("return window.__apigw.timings");
    }

    @SuppressWarnings("unchecked")
    List<String> pageErrors() {
        return (List<String>) js("return window.__apigw.errors");
    }

    String currentQuery() {
        return (String) js("return location.search");
    }
}
