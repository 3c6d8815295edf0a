package dev.apigwinsights.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every browser test does around each test: a fresh headless Chromium with a laptop-sized
 * window, and afterwards no console error and no script error allowed.
 */
abstract class BrowserTests {
    protected Chromium browser;
    protected DashboardPages page;

    /** Where screenshots go: {@code target/dashboard-screenshots}, or {@code -Dapigw.dashboard.screenshots=DIR}. */
    static Path screenshots() {
        return Path.of(System.getProperty("apigw.dashboard.screenshots", "target/dashboard-screenshots"));
    }

    @BeforeEach
    void openBrowser() {
        browser = Chromium.start(1440, 900);
        page = new DashboardPages(browser);
    }

    @AfterEach
    void closeBrowser() {
        try {
            assertThat(browser.consoleErrors()).as("console errors").isEmpty();
            assertThat(page.pageErrors()).as("script errors").isEmpty();
        } finally {
            browser.close();
        }
    }
}
