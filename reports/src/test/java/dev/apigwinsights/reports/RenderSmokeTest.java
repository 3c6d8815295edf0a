package dev.apigwinsights.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwinsights.insights.Insights;
import dev.apigwinsights.insights.JdbcQueryRunner;
import dev.apigwinsights.reports.layout.ReportLayouts;
import dev.apigwinsights.reports.render.PdfReportRenderer;
import dev.apigwinsights.reports.render.ReportFonts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RenderSmokeTest {
    @Test
    void renders() throws Exception {
        Clock clock = Clock.fixed(ReportFixture.NOW, ZoneOffset.UTC);
        Insights insights = Insights.standard(clock);
        try (Connection c = ReportFixture.open()) {
            ReportData data = new ReportBuilder(insights, JdbcQueryRunner.duckDb(c), 1, clock)
                    .build(ReportRequest.of(ReportLayouts.summary(), ReportFixture.WEEK, "shop-api"));
            PdfReportRenderer renderer = new PdfReportRenderer(insights, ReportFonts.load());
            Files.createDirectories(Path.of("target/smoke"));
            Files.writeString(Path.of("target/smoke/summary.html"), renderer.html(data));
            byte[] pdf = null;
            for (int i = 0; i < 4; i++) {
                long t0 = System.nanoTime();
                pdf = renderer.render(data);
                System.out.println("render ms " + (System.nanoTime() - t0) / 1e6);
            }
            Files.write(Path.of("target/smoke/summary.pdf"), pdf);
            assertThat(pdf).isNotEmpty();
            ReportData st = new ReportBuilder(insights, JdbcQueryRunner.duckDb(c), 1, clock)
                    .build(ReportRequest.of(ReportLayouts.statement(), ReportFixture.WEEK, "shop-api").forCustomer("hooli"));
            Files.write(Path.of("target/smoke/statement.pdf"), renderer.render(st));
        }
    }
}
