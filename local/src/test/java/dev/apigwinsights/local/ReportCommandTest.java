package dev.apigwinsights.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report} end to end on a store the demo generated through the real ingest path; mail goes to
 * GreenMail, a real SMTP server standing in for the user's relay. The demo itself writes the weekly
 * report next to its store.
 */
class ReportCommandTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    /** A Monday morning: the demo's last nine days hold one whole ISO week (16-22 Nov 2026). */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T07:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path dir;

    private static CliTestSupport.Result demo;

    @BeforeAll
    static void generate() {
        demo = CliTestSupport.run(new DemoCommand(Map.of(), CLOCK), "--days", "9", "--seed", "7", "--no-serve", "--data", dir.toString());
    }

    private static CliTestSupport.Result report(Map<String, String> env, String... args) {
        return CliTestSupport.run(new ReportCommand(env, CLOCK), args);
    }

    private static String text(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void theDemoWritesTheWeeklyReportNextToItsStore() throws Exception {
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        Path pdf = dir.resolve("reports").resolve("apigw-insights-demo-summary-2026-W47.pdf");
        assertThat(demo.out()).contains(pdf.toString());
        assertThat(text(pdf)).contains("Weekly API traffic report", "Week 47 · 16 Nov 2026 – 22 Nov 2026", "Customers & quotas");
    }

    @Test
    void writesTheReportForACustomPeriodAndMailsItOverSmtpWithAuthentication() throws Exception {
        SMTP.setUser("reports@example.com", "pw-from-env");
        Path out = dir.resolve("custom.pdf");
        CliTestSupport.Result r = report(Map.of(ReportCommand.PASSWORD_ENV, "pw-from-env"),
                "--data", dir.toString(), "--from", "2026-11-18", "--to", "2026-11-21", "--project", "shop-api", "--out", out.toString(),
                "--smtp", "127.0.0.1:" + SMTP.getSmtp().getPort(), "--from", "reports@example.com",
                "--to", "ops@example.com", "--to", "pm@example.com", "--user", "reports@example.com");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Wrote " + out, "Mailed it to ops@example.com, pm@example.com");
        assertThat(text(out)).contains("API traffic report", "18 Nov 2026 – 20 Nov 2026", "shop-api");
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2);
        Multipart parts = (Multipart) received[0].getContent();
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("apigw-insights-shop-api-summary-2026-11-18_2026-11-20.pdf");
        assertThat(parts.getBodyPart(1).getInputStream().readAllBytes()).isEqualTo(Files.readAllBytes(out));
    }

    @Test
    void aCustomerGetsItsStatement() throws Exception {
        Path out = dir.resolve("statement.pdf");
        CliTestSupport.Result r = report(Map.of(), "--data", dir.toString(), "--period", "week", "--customer", "hooli",
                "--price", "Free=0.001", "--currency", "EUR", "--out", out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(text(out)).contains("Weekly usage statement", "Customer hooli", "EUR");
    }

    @Test
    void badOptionsFailWithAClearMessageAndWriteNothing() {
        Path out = dir.resolve("never.pdf");
        List<List<String>> cases = List.of(
                List.of("--period", "fortnight"),
                List.of("--period", "week", "--from", "2026-11-01", "--to", "2026-11-08"),
                List.of("--from", "2026-11-01"),
                List.of("--from", "yesterday", "--to", "2026-11-08"),
                List.of("--zone", "Mars/Olympus"),
                List.of("--smtp", "localhost:25", "--to", "ops@example.com"),
                List.of("--to", "ops@example.com", "--from", "reports@example.com"),
                List.of("--smtp", "localhost:25", "--from", "reports@example.com", "--to", "ops@example.com", "--user", "u"),
                List.of("--filter", "colour=blue"),
                List.of("--price", "Gold"));
        List<String> messages = List.of("period must be day, week or month", "either --period or --from/--to",
                "needs both --from and --to", "not an ISO date", "Mars/Olympus", "needs a sender",
                "mail options need --smtp", "APIGW_INSIGHTS_SMTP_PASSWORD", "colour", "PLAN=PRICE");
        for (int i = 0; i < cases.size(); i++) {
            String[] args = Stream.concat(Stream.of("--data", dir.toString(), "--out", out.toString()), cases.get(i).stream()).toArray(String[]::new);
            CliTestSupport.Result r = report(Map.of(), args);
            assertThat(r.exitCode()).as("%s", cases.get(i)).isEqualTo(2);
            assertThat(r.err()).as("%s", cases.get(i)).startsWith("apigw-insights report: ").contains(messages.get(i));
        }
        assertThat(out).doesNotExist();
        CliTestSupport.Result noStore = report(Map.of(), "--data", dir.resolve("nothing-here").toString(), "--out", out.toString());
        assertThat(noStore.exitCode()).isEqualTo(2);
        assertThat(noStore.err()).contains("no data at");
    }
}
