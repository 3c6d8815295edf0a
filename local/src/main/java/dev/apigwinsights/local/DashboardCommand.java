package dev.apigwinsights.local;

import static dev.apigwinsights.local.CommandFailure.fail;

import dev.apigwinsights.insights.InsightParameterException;
import dev.apigwinsights.insights.Insights;
import dev.apigwinsights.insights.TimeRange;
import dev.apigwinsights.local.dashboard.DashboardAssets;
import dev.apigwinsights.local.dashboard.DashboardPage;
import dev.apigwinsights.local.dashboard.InsightAnswers;
import dev.apigwinsights.local.dashboard.Snapshot;
import dev.apigwinsights.local.dashboard.StoreQueries;
import dev.apigwinsights.local.store.LocalStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dashboard}: the whole dashboard as one self-contained HTML file. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = {"Write the dashboard as one self-contained HTML file (data, scripts and styles inside; works"
                + " offline from file://) for mail or a CI artifact. Every insight is answered for the range; in the file,"
                + " drill-downs and time sub-ranges narrow what is embedded, and the page says which panels need 'serve'."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:written", "1:the store could not be read or the file written", "2:bad option or no store at the data directory"})
public final class DashboardCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: ~/.local/share/apigw-insights/data).")
    Path data;

    @Option(names = "--from", paramLabel = "TIME",
            description = "Start of the range (ISO date or date-time, UTC unless a zone is given; default: the store's first day).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "End of the range, excluded (default: the hour after the store's last request).")
    String to;

    @Option(names = "--out", required = true, paramLabel = "FILE.html", description = "The HTML file to write (replaced if it exists).")
    Path out;

    private final Map<String, String> env;
    private final Clock clock;

    public DashboardCommand() {
        this(System.getenv(), Clock.systemUTC());
    }

    DashboardCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        TimeRange range;
        try {
            range = range(from, to);
        } catch (InsightParameterException e) {
            return fail(spec, 2, e.getMessage());
        }
        Path dir;
        try {
            dir = DataDirs.readableStore(data, env);
        } catch (DataDirs.NoStoreException e) {
            return fail(spec, 2, e.getMessage());
        }
        try {
            long bytes = write(dir, range, out, clock);
            stdout.printf(Locale.ROOT, "Wrote %s (%.1f MB): every sheet, offline; open it in any browser.%n", out, bytes / 1e6);
            stdout.flush();
            return 0;
        } catch (IOException | SQLException | RuntimeException e) {
            return fail(spec, 1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(spec, 1, "interrupted");
        }
    }

    /** Writes the standalone page of the store at {@code dir} to {@code file}; returns its size. Shared with {@code demo}. */
    static long write(Path dir, TimeRange range, Path file, Clock clock) throws IOException, SQLException, InterruptedException {
        String html;
        try (LocalStore store = LocalStore.open(dir);
             StoreQueries queries = new StoreQueries(store, Insights.standard(clock), 2)) {
            html = new DashboardPage(new DashboardAssets()).standalone(new Snapshot(new InsightAnswers(queries), clock, 2).build(range));
        }
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        // Written beside the target and renamed into place: a reader never sees half a page. (Not
        // createTempFile: its owner-only permissions would stay on a file meant for sharing.)
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            Files.writeString(temp, html, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return Files.size(target);
    }

    static TimeRange range(String from, String to) {
        if (from == null && to == null) {
            return null;
        }
        if (from == null || to == null) {
            throw new InsightParameterException("give both --from and --to, or neither (the whole store)");
        }
        return TimeRange.of(TimeRange.parseInstant(from), TimeRange.parseInstant(to));
    }

}
