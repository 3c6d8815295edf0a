package dev.apigwinsights.local;

import static dev.apigwinsights.local.CommandFailure.fail;

import dev.apigwinsights.insights.InsightParameterException;
import dev.apigwinsights.insights.InsightParams;
import dev.apigwinsights.insights.Insights;
import dev.apigwinsights.insights.JdbcQueryRunner;
import dev.apigwinsights.insights.QueryException;
import dev.apigwinsights.insights.TimeRange;
import dev.apigwinsights.local.store.LocalStore;
import dev.apigwinsights.reports.ReportBuilder;
import dev.apigwinsights.reports.ReportData;
import dev.apigwinsights.reports.ReportPeriod;
import dev.apigwinsights.reports.ReportRequest;
import dev.apigwinsights.reports.layout.ReportLayouts;
import dev.apigwinsights.reports.mail.ReportMessage;
import dev.apigwinsights.reports.mail.SmtpSender;
import dev.apigwinsights.reports.render.PdfReportRenderer;
import dev.apigwinsights.reports.render.RenderedReport;
import dev.apigwinsights.reports.render.ReportFonts;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code report}: the stack's emailed PDF report, from the local store. The same layouts, the same
 * catalog insights (on DuckDB instead of Athena) and the same renderer as the report Lambda; SMTP in
 * place of SES.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Render the paginated PDF report (or one customer's usage statement) from the local store, and"
                + " optionally mail it over SMTP. Every figure comes from the insight catalog (see `query --list`).",
            "Times are ISO dates or date-times (UTC unless they carry an offset). --from and --to take times; with --smtp,"
                + " values that hold an @ are the sender and recipients (or use --mail-from / --mail-to).",
            "The SMTP password, if --user is given, is read from the environment variable " + ReportCommand.PASSWORD_ENV + "."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:report written (and sent)", "1:a query, the rendering or the mail failed", "2:bad option or no store"})
public final class ReportCommand implements Callable<Integer> {
    static final String PASSWORD_ENV = "APIGW_INSIGHTS_SMTP_PASSWORD";

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: ~/.local/share/apigw-insights/data).")
    Path data;

    @Option(names = "--period", paramLabel = "day|week|month",
            description = "The last whole day, ISO week or calendar month in --zone (default: week, unless --from/--to are given).")
    String period;

    @Option(names = "--from", paramLabel = "TIME|ADDR", description = "Start of a custom period (inclusive); with --smtp, an address is the sender.")
    List<String> from = new ArrayList<>();

    @Option(names = "--to", paramLabel = "TIME|ADDR", description = "End of a custom period (exclusive); with --smtp, addresses are recipients (repeat).")
    List<String> to = new ArrayList<>();

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Time zone of the period and of times shown (default ${DEFAULT-VALUE}), e.g. Europe/Berlin.")
    String zone;

    @Option(names = "--customer", paramLabel = "ID",
            description = "Render this customer's usage statement (the API key's customerId) instead of the API owner's report.")
    String customer;

    @Option(names = "--filter", paramLabel = "KEY=VALUE", description = "Narrow the whole report, e.g. stage=prod (repeat; keys as in `query --insight`).")
    List<String> filters = new ArrayList<>();

    @Option(names = "--price", paramLabel = "PLAN=PRICE", description = "Price of one request of a usage plan, for estimated bills (repeat), e.g. Gold=0.0004.")
    List<String> prices = new ArrayList<>();

    @Option(names = "--currency", paramLabel = "CODE", defaultValue = "USD", description = "Currency the prices are in (default ${DEFAULT-VALUE}).")
    String currency;

    @Option(names = "--project", paramLabel = "NAME", defaultValue = "local",
            description = "Name on the cover and in the file name (default ${DEFAULT-VALUE}).")
    String project;

    @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "Where to write the PDF.")
    Path out;

    @Option(names = "--smtp", paramLabel = "HOST:PORT", description = "Mail the report through this SMTP server.")
    String smtp;

    @Option(names = "--mail-from", paramLabel = "ADDR", description = "Sender address (same as an address given to --from).")
    String mailFrom;

    @Option(names = "--mail-to", paramLabel = "ADDR", description = "Recipient address (repeat; same as addresses given to --to).")
    List<String> mailTo = new ArrayList<>();

    @Option(names = "--starttls", description = "Require STARTTLS on the SMTP connection.")
    boolean startTls;

    @Option(names = "--user", paramLabel = "USER", description = "SMTP user; the password comes from " + PASSWORD_ENV + ".")
    String user;

    private final Map<String, String> env;
    private final Clock clock;

    public ReportCommand() {
        this(System.getenv(), Clock.systemUTC());
    }

    ReportCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        Request request;
        try {
            request = parse();
        } catch (IllegalArgumentException | DateTimeException e) {
            return fail(spec, 2, e.getMessage());
        }
        Path dir;
        try {
            dir = DataDirs.readableStore(data, env);
        } catch (DataDirs.NoStoreException e) {
            return fail(spec, 2, e.getMessage());
        }
        try {
            long started = System.nanoTime();
            RenderedReport report = render(dir, request.report(), clock);
            write(report, out);
            stdout.printf(Locale.ENGLISH, "Wrote %s (%d pages, %,d bytes) in %.1f s: %s%n", out, report.pages(), report.pdf().length,
                    (System.nanoTime() - started) / 1e9, report.subject());
            if (request.mail() != null) {
                new SmtpSender(request.smtp()).send(request.mail().withAttachment(report, clock.instant()));
                stdout.printf("Mailed it to %s through %s%n", String.join(", ", request.mail().recipients()), smtp);
            }
            stdout.flush();
            return 0;
        } catch (InsightParameterException e) {
            return fail(spec, 2, e.getMessage());
        } catch (QueryException | SQLException e) {
            return fail(spec, 1, "a report query failed: " + e.getMessage());
        } catch (MessagingException e) {
            return fail(spec, 1, "the report was written to " + out + " but could not be mailed: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return fail(spec, 1, e.getMessage());
        }
    }

    private record Request(ReportRequest report, ReportMessage mail, SmtpSender.Settings smtp) {
    }

    private Request parse() {
        ZoneId zoneId = ZoneId.of(zone);
        List<String> times = new ArrayList<>();
        List<String> senders = new ArrayList<>();
        List<String> recipients = new ArrayList<>(mailTo);
        if (mailFrom != null) {
            senders.add(mailFrom);
        }
        from.forEach(v -> (v.contains("@") ? senders : times).add(v));
        List<String> toTimes = new ArrayList<>();
        to.forEach(v -> (v.contains("@") ? recipients : toTimes).add(v));
        if (times.size() > 1 || toTimes.size() > 1 || senders.size() > 1) {
            throw new IllegalArgumentException("give at most one start time, one end time and one sender");
        }
        if (times.size() != toTimes.size()) {
            throw new IllegalArgumentException("a custom period needs both --from and --to times");
        }
        ReportPeriod reportPeriod;
        if (!times.isEmpty()) {
            if (period != null) {
                throw new IllegalArgumentException("give either --period or --from/--to, not both");
            }
            reportPeriod = ReportPeriod.custom(TimeRange.of(TimeRange.parseInstant(times.get(0)), TimeRange.parseInstant(toTimes.get(0))), zoneId);
        } else {
            reportPeriod = ReportPeriod.lastComplete(ReportPeriod.Kind.parse(period == null ? "week" : period), zoneId, clock.instant());
        }
        InsightParams.Builder settings = InsightParams.builder();
        filters.forEach(settings::filter);
        for (String p : prices) {
            int eq = p.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--price takes PLAN=PRICE, not '" + p + "'");
            }
            try {
                settings.price(p.substring(0, eq), Double.parseDouble(p.substring(eq + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--price " + p + ": not a number");
            }
        }
        ReportRequest report = ReportRequest.of(customer == null ? ReportLayouts.summary() : ReportLayouts.statement(), reportPeriod, project)
                .withSettings(settings.build(), currency);
        if (customer != null) {
            report = report.forCustomer(customer);
        }
        if (smtp == null) {
            if (!senders.isEmpty() || !recipients.isEmpty() || user != null || startTls) {
                throw new IllegalArgumentException("mail options need --smtp HOST:PORT");
            }
            return new Request(report, null, null);
        }
        if (senders.isEmpty() || recipients.isEmpty()) {
            throw new IllegalArgumentException("--smtp needs a sender (--from ADDR) and at least one recipient (--to ADDR)");
        }
        String password = null;
        if (user != null) {
            password = env.get(PASSWORD_ENV);
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("--user needs the SMTP password in the environment variable " + PASSWORD_ENV);
            }
        }
        return new Request(report, new ReportMessage(senders.get(0), recipients), SmtpSender.Settings.parse(smtp, startTls, user, password));
    }

    /** Renders {@code request} from the store in {@code dir}: the local engine behind the shared report code. */
    static RenderedReport render(Path dir, ReportRequest request, Clock clock) throws SQLException {
        Insights insights = Insights.standard(clock);
        try (LocalStore store = LocalStore.open(dir)) {
            ReportData data = new ReportBuilder(insights, JdbcQueryRunner.duckDb(store.connection()), 1, clock).build(request);
            return new PdfReportRenderer(insights, ReportFonts.load()).report(data);
        }
    }

    static void write(RenderedReport report, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, ".report-", ".pdf.tmp");
        Files.write(temp, report.pdf());
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The demo's report: the last whole week of its store, written to {@code DIR/reports/}. Returns
     * the file.
     */
    static Path writeDemoReport(Path dir, Clock clock, PrintWriter stdout) throws SQLException, IOException {
        ReportRequest request = ReportRequest.of(ReportLayouts.summary(),
                ReportPeriod.lastComplete(ReportPeriod.Kind.WEEK, ZoneId.of("UTC"), clock.instant()), "demo");
        RenderedReport report = render(dir, request, clock);
        Path file = dir.resolve("reports").resolve(report.fileName());
        write(report, file);
        stdout.printf("  %s   the weekly PDF report (%d pages); ./apigw-insights report --help for more%n", file, report.pages());
        return file;
    }

}
