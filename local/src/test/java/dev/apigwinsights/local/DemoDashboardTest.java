package dev.apigwinsights.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwinsights.local.dashboard.DashboardFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoDashboardTest {
    @Test
    void withoutServingTheDemoStillWritesTheDashboardFileAndSaysHowToServeIt() throws Exception {
        Path store = DashboardFixture.store();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DemoDashboard.finish(store, false, Map.of(), DashboardFixture.CLOCK, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        Path file = store.resolve(DemoDashboard.FILE);
        assertThat(file).isRegularFile();
        assertThat(Files.readString(file)).contains("\"mode\":\"snapshot\"");
        assertThat(out.toString()).contains("Dashboard file: " + file, "works offline", "./apigw-insights serve --data " + store);
    }
}
