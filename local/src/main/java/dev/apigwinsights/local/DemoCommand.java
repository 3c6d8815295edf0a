package dev.apigwinsights.local;

import static dev.apigwinsights.local.CommandFailure.fail;

import dev.apigwinsights.insights.InsightParams;
import dev.apigwinsights.insights.Insights;
import dev.apigwinsights.insights.JdbcQueryRunner;
import dev.apigwinsights.insights.QueryRunner;
import dev.apigwinsights.local.demo.DemoTraffic;
import dev.apigwinsights.local.ingest.Ingest;
import dev.apigwinsights.local.ingest.IngestSummary;
import dev.apigwinsights.local.ingest.InputFiles;
import dev.apigwinsights.local.ingest.Progress;
import dev.apigwinsights.local.query.ResultFormat;
import dev.apigwinsights.local.query.ResultRows;
import dev.apigwinsights.local.store.LocalStore;
import dev.apigwinsights.local.store.StoreLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The embedded default: generates realistic API Gateway access logs (what API Gateway writes, in
 * several formats and containers), ingests them through the real path (Firehose simulator,
 * transformer, enrichment from a usage-plans file, store) and shows what to run next.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generate a realistic month of API Gateway access logs, ingest them through the real pipeline into"
                + " a local store, and show where things are and what to run next. No AWS account needed."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "1:the ingest failed", "2:bad option, or --data holds data the demo did not write"})
public final class DemoCommand implements Callable<Integer> {
    /** Marks a directory the demo wrote, so that a re-run may replace it and nothing else. */
    static final String MARKER = ".apigw-insights-demo";

    @Spec
    CommandSpec spec;

    @Option(names = "--days", defaultValue = "30", paramLabel = "N",
            description = "Days of traffic, ending now (default ${DEFAULT-VALUE}: about " + DemoTraffic.REQUESTS_PER_DAY + " requests a day).")
    int days;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Where the demo's logs and store go (default: ~/.local/share/apigw-insights/demo); replaced on each run.")
    Path data;

    @Option(names = "--seed", defaultValue = "2024", paramLabel = "N",
            description = "Seed of the traffic: the same seed gives the same traffic (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-serve", description = "Do not serve the dashboard; just generate, ingest and print (for scripts and CI).")
    boolean noServe;

    @Mixin
    GeoIpOption geoIp = new GeoIpOption();

    private final Map<String, String> env;
    private final Clock clock;

    public DemoCommand() {
        this(System.getenv(), Clock.systemUTC());
    }

    DemoCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (days < 1 || days > 3660) {
            return fail(spec, 2, "--days must be between 1 and 3660");
        }
        Path dir = (data != null ? data : DataDirs.demo(env)).toAbsolutePath().normalize();
        String notADirectory = DataDirs.notAStoreDirectory(dir);
        if (notADirectory != null) {
            return fail(spec, 2, notADirectory);
        }
        try {
            if (!prepare(dir)) {
                return fail(spec, 2, dir + " holds files the demo did not write; give --data a new or empty directory");
            }
            out.printf("Generating %d days of API Gateway access logs (seed %d, about %,d requests)...%n", days, seed,
                    DemoTraffic.expectedRequests(days));
            out.flush();
            DemoTraffic.Result generated = new DemoTraffic(seed, days, clock.instant()).writeTo(dir);
            out.printf("  %,d access-log lines (and %d execution-log lines exported by mistake) in %s%n",
                    generated.requests(), generated.failedLines(), generated.inputDir());
            out.printf("Ingesting them through the Firehose simulator and the transformer...%n");
            out.flush();
            // The demo's own settings only: a LOG_FORMAT or USAGE_PLANS of this shell must not change it.
            IngestSummary summary = new Ingest(LocalWiring.create(geoIp.applyTo(
                    LocalWiring.environment(Map.of(), generated.usagePlans().toString(), null)), clock).transformer(),
                    clock, java.io.InputStream.nullInputStream())
                    .run(dir, InputFiles.expand(List.of(generated.inputDir().toString()), new StoreLayout(dir)),
                            Ingest.Options.defaults(), Progress.none());
            out.print(summary.toText().replaceAll("(?m)^", "  "));
            highlights(dir, out);
            nextSteps(dir, out);
            ReportCommand.writeDemoReport(dir, clock, out);
            out.flush();
            // The dashboard (issue 13): the standalone file, then the live dashboard unless --no-serve.
            return DemoDashboard.finish(dir, !noServe, env, clock, out, err);
        } catch (IOException | SQLException | InputFiles.BadInputException | RuntimeException e) {
            return fail(spec, 1, e.getMessage());
        }
    }

    /** Empties a directory the demo wrote before (or creates it); false when it holds anything else. */
    private static boolean prepare(Path dir) throws IOException {
        if (Files.exists(dir)) {
            boolean empty;
            try (Stream<Path> s = Files.list(dir)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty && !Files.exists(dir.resolve(MARKER))) {
                return false;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                    if (!p.equals(dir)) {
                        Files.delete(p);
                    }
                }
            }
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MARKER), "Written by apigw-insights demo; the next demo run replaces this directory.\n");
        return true;
    }

    /** What the demo prints after the ingest: catalog insights, so the numbers are the dashboard's and the reports'. */
    private record Highlight(String title, String insightId, Integer limit) {
    }

    private static final List<Highlight> HIGHLIGHTS = List.of(
            new Highlight("Traffic at a glance", "overview_kpis", null),
            new Highlight("Requests by stage", "requests_by_stage", 6),
            new Highlight("Latency by route, p50/p95/p99", "latency_percentiles_by_route", 8),
            new Highlight("Customers that hit their quota or were throttled", "quota_and_throttle_hits", 6),
            new Highlight("Top error signatures", "top_error_signatures", 5),
            new Highlight("Clients by country", "requests_by_country", 8),
            new Highlight("The most unusual hours", "hourly_anomalies", 3));

    private void highlights(Path dir, PrintWriter out) throws SQLException {
        Insights insights = Insights.standard(clock);
        try (LocalStore store = LocalStore.open(dir)) {
            QueryRunner runner = JdbcQueryRunner.duckDb(store.connection());
            for (Highlight h : HIGHLIGHTS) {
                out.printf("%n%s (query --insight %s):%n", h.title(), h.insightId());
                InsightParams params = h.limit() == null ? InsightParams.none() : InsightParams.builder().limit(h.limit()).build();
                ResultFormat.TABLE.print(ResultRows.of(insights.run(h.insightId(), runner, params)), out);
            }
        }
    }

    private void nextSteps(Path dir, PrintWriter out) {
        String cli = "./apigw-insights";
        String data = " --data " + dir;
        out.printf("%nWhere things are:%n");
        out.printf("  %s/input/                   the generated exports (what you would download from AWS)%n", dir);
        out.printf("  %s/usage-plans.json         usage plans and API keys, as the API Gateway API returns them%n", dir);
        out.printf("  %s/logs/year=/month=/day=/  the store: Parquet, laid out like the stack's bucket%n", dir);
        out.printf("  %s/errors/processing-failed/  what the transformer could not read, as Firehose writes it%n", dir);
        out.printf("%nWhat to run next:%n");
        out.printf("  %s query --list                          # the %d questions the catalog answers%n", cli, Insights.standard(clock).list().size());
        out.printf("  %s query%s --insight top_routes --filter status_class=5xx%n", cli, data);
        out.printf("  %s query%s --insight quota_usage_by_key --format csv%n", cli, data);
        out.printf("  %s query%s --sql \"SELECT route_key, resource_path, count(*) AS n FROM access_logs GROUP BY ALL ORDER BY n DESC LIMIT 10\"%n", cli, data);
        out.printf("  %s query%s --format csv --sql \"SELECT date_trunc('day', request_time) AS day, count(*) AS requests,"
                + " count_if(status_class = '5xx') AS errors FROM access_logs GROUP BY 1 ORDER BY 1\"%n", cli, data);
        out.printf("  %s query%s --sql \"SELECT errorcode, errormessage, count(*) FROM access_logs_processing_failed GROUP BY ALL\"%n", cli, data);
        out.printf("  %s ingest%s %s/errors/processing-failed   # replay failures after a fix; nothing is stored twice%n", cli, data, dir);
        out.printf("  %s ingest --data DIR YOUR-EXPORTS...       # your own logs: see docs/local-mode.md%n", cli);
    }

}
