package dev.apigwinsights.benchmarks;

import dev.apigwinsights.insights.Insights;
import dev.apigwinsights.insights.JdbcQueryRunner;
import dev.apigwinsights.reports.ReportBuilder;
import dev.apigwinsights.reports.ReportData;
import dev.apigwinsights.reports.ReportFixture;
import dev.apigwinsights.reports.ReportRequest;
import dev.apigwinsights.reports.layout.ReportLayouts;
import dev.apigwinsights.reports.render.PdfReportRenderer;
import dev.apigwinsights.reports.render.RenderedReport;
import dev.apigwinsights.reports.render.ReportFonts;
import java.sql.Connection;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Warm rendering of the weekly report of the reports fixture (about 12 A4 pages, 9 vector charts,
 * 20 tables): view, charts, layout and PDF, with the catalog's answers already collected (queries are
 * the engine's time, not the renderer's). Target: at most 2 s per 10-page report.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ReportRenderBenchmark -f 1 -wi 3 -i 5 -w 5s -r 5s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class ReportRenderBenchmark {

    private Connection connection;
    private PdfReportRenderer renderer;
    private ReportData data;

    @Setup
    public void setUp() throws Exception {
        Clock clock = Clock.fixed(ReportFixture.NOW, ZoneOffset.UTC);
        Insights insights = Insights.standard(clock);
        connection = ReportFixture.open();
        data = new ReportBuilder(insights, JdbcQueryRunner.duckDb(connection), 1, clock)
                .build(ReportRequest.of(ReportLayouts.summary(), ReportFixture.WEEK, "bench"));
        renderer = new PdfReportRenderer(insights, ReportFonts.load());
        RenderedReport once = renderer.report(data);
        System.out.printf("%nreport: %d pages, %,d bytes%n", once.pages(), once.pdf().length);
    }

    @TearDown
    public void tearDown() throws Exception {
        connection.close();
    }

    @Benchmark
    public RenderedReport renderWeeklyReport() {
        return renderer.report(data);
    }
}
