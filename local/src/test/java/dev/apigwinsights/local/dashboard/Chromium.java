package dev.apigwinsights.local.dashboard;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.net.PortProber;

/**
 * Debian's headless Chromium driven through Debian's chromedriver by Selenium: a real browser, never
 * a downloaded one. The binary and the driver are given explicitly, so Selenium Manager never
 * runs (it would try to download); each browser gets a fresh profile directory.
 *
 * <p><b>When Chromium is missing.</b> In CI ({@code CI} set, as {@code .ci/run} runs; or
 * {@code -Dapigw.browser.required=true}) the browser tests fail, because {@code .ci/run} installs
 * {@code chromium} and {@code chromium-driver}. On a developer's machine without them they are
 * skipped with a message saying how to install them, so {@code ./mvnw verify} still works with
 * only a JDK.
 */
final class Chromium implements AutoCloseable {
    static final Path BINARY = Path.of(System.getProperty("apigw.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("apigw.chromedriver", "/usr/bin/chromedriver"));

    /**
     * The tests use WebDriver only, never the DevTools protocol, so Selenium's note that it has no
     * CDP classes for this Chromium version is noise (kept referenced: JUL holds loggers weakly).
     */
    private static final java.util.logging.Logger CDP_NOTES = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_NOTES.setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips (developer machine) or fails (CI) when Debian's Chromium or its driver is missing. */
    static void require() {
        boolean present = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
        if (present) {
            return;
        }
        String how = BINARY + " and " + DRIVER + " are needed: apt-get install chromium chromium-driver (.ci/run does it)";
        boolean required = System.getenv("CI") != null || Boolean.getBoolean("apigw.browser.required");
        if (required) {
            Assertions.fail("browser tests cannot run: " + how);
        }
        Assumptions.abort("browser tests skipped: " + how);
    }

    /** A fresh headless browser with a {@code width} x {@code height} window. */
    static Chromium start(int width, int height) {
        require();
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // The service's own constructor (its Builder's annotations need AutoService on the compile path).
        int port = PortProber.findFreePort();
        ChromeDriverService service;
        try {
            service = new ChromeDriverService(DRIVER.toFile(), port, Duration.ofSeconds(30), List.of("--port=" + port), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + DRIVER, e);
        }
        service.sendOutputTo(java.io.OutputStream.nullOutputStream());
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.manage().window().setSize(new Dimension(width, height));
        return new Chromium(driver, profile);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Console messages at SEVERE (errors, failed loads) since the last call. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Writes a PNG of the viewport to {@code file}. */
    void screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            File shot = driver.getScreenshotAs(org.openqa.selenium.OutputType.FILE);
            Files.copy(shot.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> walk = Files.walk(profile)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
