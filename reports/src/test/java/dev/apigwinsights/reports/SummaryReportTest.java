package dev.apigwinsights.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwinsights.insights.Insight;
import dev.apigwinsights.insights.InsightParams;
import dev.apigwinsights.insights.Insights;
import dev.apigwinsights.insights.JdbcQueryRunner;
import dev.apigwinsights.insights.QueryResult;
import dev.apigwinsights.insights.QueryRunner;
import dev.apigwinsights.insights.TimeRange;
import dev.apigwinsights.reports.layout.Block;
import dev.apigwinsights.reports.layout.ReportLayout;
import dev.apigwinsights.reports.layout.ReportLayouts;
import dev.apigwinsights.reports.layout.Section;
import dev.apigwinsights.reports.render.PdfReportRenderer;
import dev.apigwinsights.reports.render.ReportFonts;
import dev.apigwinsights.reports.render.ValueFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The weekly report of the fixture, rendered once and read back with PDFBox: its sections, its
 * figures (the same as the catalog's answers for the same period through the same runner), its
 * pagination and what it is made of (vector charts, embedded fonts).
 */
class SummaryReportTest {

    private static final Clock CLOCK = Clock.fixed(ReportFixture.NOW, ZoneOffset.UTC);
    private static final Insights INSIGHTS = Insights.standard(CLOCK);

    private static Connection connection;
    private static QueryRunner runner;
    private static byte[] pdf;
    private static PdfText text;
    private static final ValueFormat FORMAT = new ValueFormat(ReportFixture.WEEK.zone(), "");

    @BeforeAll
    static void render() throws Exception {
        connection = ReportFixture.open();
        runner = JdbcQueryRunner.duckDb(connection);
        ReportData data = new ReportBuilder(INSIGHTS, runner, 1, CLOCK)
                .build(ReportRequest.of(ReportLayouts.summary(), ReportFixture.WEEK, "shop-api"));
        pdf = new PdfReportRenderer(INSIGHTS, ReportFonts.load()).render(data);
        Files.createDirectories(Path.of("target/reports"));
        Files.write(Path.of("target/reports/weekly-summary.pdf"), pdf);
        text = PdfText.of(pdf);
    }

    @AfterAll
    static void close() throws Exception {
        connection.close();
    }

    private static QueryResult catalog(String insightId, TimeRange range) {
        return INSIGHTS.run(insightId, runner, InsightParams.builder().range(range).build());
    }

    private static String headline(String insightId, String column, TimeRange range) {
        Insight insight = INSIGHTS.get(insightId);
        return FORMAT.headline(insight.column(column), catalog(insightId, range).rows().get(0).get(column));
    }

    @Test
    void coverNamesTheReportThePeriodAndTheComparisonPeriod() {
        assertThat(text.page(1)).contains("Weekly API traffic report", "shop-api",
                "Week 47 · 16 Nov 2026 – 22 Nov 2026", "Week 46 · 9 Nov 2026 – 15 Nov 2026", "Mon 23 Nov 2026 07:00 UTC");
    }

    @Test
    void everySectionIsThereInOrderAndStartsItsOwnPage() {
        List<String> titles = List.of("At a glance", "Traffic", "Errors", "Latency", "Customers & quotas",
                "Clients & authentication", "Anomalies & reliability", "About this report");
        int previousPage = 0;
        for (String title : titles) {
            String lead = ReportLayouts.summary().sections().stream().filter(s -> s.title().equals(title))
                    .map(s -> s.lead()).findFirst().orElse("Every figure is an insight of the apigw-insights catalog");
            List<Integer> pages = text.pagesWith(title + " " + lead);
            assertThat(pages).as("section %s", title).hasSize(1);
            assertThat(pages.get(0)).as("section %s comes after the previous one", title).isGreaterThan(previousPage);
            if (!title.equals("At a glance")) {
                assertThat(text.page(pages.get(0))).as("section %s opens its page", title).startsWith(title);
            }
            previousPage = pages.get(0);
        }
    }

    @Test
    void kpisAreTheCatalogsNumbersForThePeriodAndThePeriodBefore() {
        TimeRange week = ReportFixture.WEEK.range();
        TimeRange before = ReportFixture.WEEK.previous();
        String cover = text.page(1);
        for (String column : List.of("requests", "error_4xx_rate_pct", "error_5xx_rate_pct", "p95_ms", "response_bytes")) {
            assertThat(cover).as(column).contains(headline("overview_kpis", column, week));
            assertThat(cover).as("%s before", column).contains("before: " + headline("overview_kpis", column, before));
        }
        assertThat(cover).contains(headline("slo_status", "availability_pct", week), "target 99.90 %");
        long requests = catalog("overview_kpis", week).rows().get(0).getLong("requests");
        long previous = catalog("overview_kpis", before).rows().get(0).getLong("requests");
        String change = String.format(java.util.Locale.ENGLISH, "%+.1f %%", (requests - previous) * 100.0 / previous);
        assertThat(cover).contains(change);
    }

    @Test
    void tablesShowTheCatalogsRowsForThePeriod() {
        String all = text.all();
        for (QueryResult.Row row : INSIGHTS.run("top_error_signatures", runner,
                InsightParams.builder().range(ReportFixture.WEEK.range()).limit(15).build()).rows()) {
            assertThat(all).contains(row.getString("error_signature") + " " + String.format(java.util.Locale.ENGLISH, "%,d", row.getLong("requests")));
        }
        Insight latency = INSIGHTS.get("latency_percentiles_by_route");
        for (QueryResult.Row row : catalog("latency_percentiles_by_route", ReportFixture.WEEK.range()).rows()) {
            assertThat(all).contains(row.getString("route") + " " + FORMAT.cell(latency.column("requests"), row.get("requests"))
                    + " " + FORMAT.cell(latency.column("p50_ms"), row.get("p50_ms"))
                    + " " + FORMAT.cell(latency.column("p95_ms"), row.get("p95_ms"))
                    + " " + FORMAT.cell(latency.column("p99_ms"), row.get("p99_ms")));
        }
        QueryResult anomalies = catalog("hourly_anomalies", ReportFixture.WEEK.range());
        assertThat(anomalies.rows()).as("the fixture's burst hour is an anomaly").isNotEmpty();
        assertThat(text.pagesWith("Wed 18 Nov 2026 14:00 752")).isNotEmpty();
        QueryResult quota = catalog("quota_usage_by_key", ReportFixture.WEEK.range());
        assertThat(all).as("a long explicit-SQL table shows its first rows and says how many there are")
                .contains(String.format(java.util.Locale.ENGLISH, "first 25 of %d rows", quota.size()));
    }

    @Test
    void everyPageSaysPageXOfYAndThePeriod() {
        int n = text.pages().size();
        assertThat(n).as("pages of the weekly fixture report").isBetween(9, 13);
        for (int i = 1; i <= n; i++) {
            assertThat(text.page(i)).as("footer of page %d", i)
                    .contains("Page " + i + " of " + n)
                    .contains("Week 47 · 16 Nov 2026 – 22 Nov 2026")
                    .contains("generated Mon 23 Nov 2026 07:00 UTC");
        }
    }

    @Test
    void aTableLongerThanAPageRepeatsItsHeaderOnEveryPageItSpans() {
        // Every quota period of every key: about 110 rows, three pages.
        ReportLayout quota = new ReportLayout("quota", "Quota report", false, List.of(
                Section.of("quota", "Quota use", "Every key's quota use in every quota period.", Block.Table.of("quota_usage_by_key"))));
        PdfText pages = PdfText.of(new PdfReportRenderer(INSIGHTS, ReportFonts.load()).render(
                new ReportBuilder(INSIGHTS, runner, 1, CLOCK).build(ReportRequest.of(quota, ReportFixture.WEEK, "shop-api"))));
        String header = "Api key id Usage plan name Period start Requests Quota limit Quota used";
        List<Integer> withRows = pages.pagesWith("k-bronze-");
        assertThat(withRows).as("the table spans pages").hasSizeGreaterThanOrEqualTo(3);
        for (int p : withRows) {
            String page = pages.page(p);
            int firstRow = page.indexOf("k-");
            assertThat(page.substring(0, firstRow)).as("page %d shows the header above its first row", p).endsWith(header + " ");
        }
    }

    @Test
    void chartsAreVectorsWithRealTextAndEveryFontIsEmbedded() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int forms = 0;
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getXObjectNames()) {
                    PDXObject x = resources.getXObject(name);
                    assertThat(x).as("no raster image on any page").isNotInstanceOf(PDImageXObject.class);
                    if (x instanceof PDFormXObject form) {
                        forms++;
                        PDResources inner = form.getResources();
                        for (COSName innerName : inner.getXObjectNames()) {
                            assertThat(inner.getXObject(innerName)).isNotInstanceOf(PDImageXObject.class);
                        }
                    }
                }
                for (COSName fontName : resources.getFontNames()) {
                    PDFont font = resources.getFont(fontName);
                    assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
                    assertThat(font.getName()).contains("Inter");
                }
            }
            assertThat(forms).as("charts drawn as vector forms").isGreaterThanOrEqualTo(8);
        }
        // Legends and axis labels are text in the embedded font, not shapes or pixels.
        assertThat(text.page(1)).contains("2xx", "4xx", "5xx");
        assertThat(text.all()).contains("/customers/{id}", "p95");
    }
}
