package dev.apigwinsights.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.apigwinsights.insights.Filter;
import dev.apigwinsights.insights.InsightParams;
import dev.apigwinsights.insights.Insights;
import dev.apigwinsights.insights.JdbcQueryRunner;
import dev.apigwinsights.insights.QueryResult;
import dev.apigwinsights.insights.QueryRunner;
import dev.apigwinsights.reports.layout.ReportLayouts;
import dev.apigwinsights.reports.mail.ReportMessage;
import dev.apigwinsights.reports.mail.SmtpSender;
import dev.apigwinsights.reports.render.PdfReportRenderer;
import dev.apigwinsights.reports.render.RenderedReport;
import dev.apigwinsights.reports.render.ReportFonts;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The per-customer statement (one customer's figures only, with and without prices) and its
 * delivery over SMTP to GreenMail, a real SMTP server standing in for the user's mail relay.
 */
class StatementAndMailTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Clock CLOCK = Clock.fixed(ReportFixture.NOW, ZoneOffset.UTC);
    private static final Insights INSIGHTS = Insights.standard(CLOCK);
    private static Connection connection;
    private static QueryRunner runner;
    private static PdfReportRenderer renderer;

    @BeforeAll
    static void open() throws Exception {
        connection = ReportFixture.open();
        runner = JdbcQueryRunner.duckDb(connection);
        renderer = new PdfReportRenderer(INSIGHTS, ReportFonts.load());
    }

    @AfterAll
    static void close() throws Exception {
        connection.close();
    }

    private static RenderedReport statement(String customer, InsightParams settings) {
        ReportRequest request = ReportRequest.of(ReportLayouts.statement(), ReportFixture.WEEK, "shop-api")
                .forCustomer(customer).withSettings(settings, "EUR");
        return renderer.report(new ReportBuilder(INSIGHTS, runner, 1, CLOCK).build(request));
    }

    @Test
    void aStatementShowsOnlyItsCustomersFiguresAndKeys() {
        RenderedReport report = statement("hooli", InsightParams.none());
        PdfText text = PdfText.of(report.pdf());
        QueryResult kpis = INSIGHTS.run("overview_kpis", runner, InsightParams.builder()
                .range(ReportFixture.WEEK.range()).filter(Filter.CUSTOMER, "hooli").build());
        String requests = String.format(Locale.ENGLISH, "%,d", kpis.rows().get(0).getLong("requests"));

        assertThat(text.page(1)).contains("Weekly usage statement", "Customer hooli", requests);
        assertThat(text.all()).contains("k-bronze-01", "k-bronze-02").doesNotContain("k-bronze-03", "k-gold-1", "acme");
        assertThat(text.all()).contains("No price per request is configured");
        assertThat(report.fileName()).isEqualTo("apigw-insights-shop-api-statement-hooli-2026-W47.pdf");
        assertThat(report.subject()).isEqualTo("Weekly usage statement · shop-api · hooli · Week 47 · 16 Nov 2026 – 22 Nov 2026");
        assertThat(report.pages()).isEqualTo(text.pages().size());
        for (int i = 1; i <= report.pages(); i++) {
            assertThat(text.page(i)).endsWith("Page " + i + " of " + report.pages());
        }
    }

    @Test
    void withAPricePerPlanTheStatementShowsTheCatalogsEstimatedBill() {
        InsightParams prices = InsightParams.builder().price("Bronze", 0.002).build();
        PdfText text = PdfText.of(statement("hooli", prices).pdf());
        QueryResult bill = INSIGHTS.run("estimated_bill_by_customer", runner, prices.toBuilder()
                .range(ReportFixture.WEEK.range()).filter(Filter.CUSTOMER, "hooli").build());

        assertThat(bill.rows()).hasSize(1);
        String amount = String.format(Locale.ENGLISH, "%,.2f EUR", bill.rows().get(0).getDouble("estimated_bill"));
        assertThat(text.all()).contains("hooli Bronze " + String.format(Locale.ENGLISH, "%,d", bill.rows().get(0).getLong("requests")))
                .contains(amount).doesNotContain("No price per request");
    }

    @Test
    void aStatementNeedsACustomer() {
        ReportRequest noCustomer = ReportRequest.of(ReportLayouts.statement(), ReportFixture.WEEK, "shop-api");
        assertThatThrownBy(() -> new ReportBuilder(INSIGHTS, runner, 1, CLOCK).build(noCustomer))
                .hasMessageContaining("per customer");
    }

    @Test
    void theMailArrivesOverSmtpWithThePdfAttached() throws Exception {
        RenderedReport report = statement("hooli", InsightParams.none());
        ReportMessage mail = new ReportMessage("reports@example.com", List.of("ops@example.com", "Hooli Billing <billing@hooli.example>"));
        SMTP.setUser("reports", "s3cret");

        new SmtpSender(SmtpSender.Settings.parse("127.0.0.1:" + SMTP.getSmtp().getPort(), false, "reports", "s3cret"))
                .send(mail.withAttachment(report, ReportFixture.NOW));

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage m = received[0];
        assertThat(m.getSubject()).isEqualTo(report.subject());
        assertThat(m.getFrom()[0].toString()).isEqualTo("reports@example.com");
        Multipart parts = (Multipart) m.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat((String) parts.getBodyPart(0).getContent()).contains("Requests", "The full report is attached");
        BodyPart pdf = parts.getBodyPart(1);
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        assertThat(pdf.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(pdf.getFileName()).isEqualTo(report.fileName());
        assertThat(pdf.getInputStream().readAllBytes()).isEqualTo(report.pdf());
    }

    @Test
    void aTooLargeReportIsSentAsALinkWithoutAttachment() throws Exception {
        RenderedReport report = statement("hooli", InsightParams.none());
        MimeMessage m = new ReportMessage("reports@example.com", List.of("ops@example.com"))
                .withLink(report, URI.create("https://bucket.s3.amazonaws.com/reports/x.pdf?X-Amz-Signature=abc"), Duration.ofDays(7), ReportFixture.NOW);
        Multipart parts = (Multipart) m.getContent();
        assertThat(parts.getCount()).isEqualTo(1);
        assertThat((String) parts.getBodyPart(0).getContent()).contains("too large to attach", "within 7 days",
                "https://bucket.s3.amazonaws.com/reports/x.pdf?X-Amz-Signature=abc");
    }

    @Test
    void badAddressesAreRejectedWithTheAddress() {
        assertThatThrownBy(() -> new ReportMessage("reports@example.com", List.of("not an address")))
                .hasMessageContaining("not an email address: 'not an address'");
        assertThatThrownBy(() -> new ReportMessage("reports@example.com", List.of())).hasMessageContaining("at least one recipient");
    }
}
