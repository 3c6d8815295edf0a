package dev.apigwinsights.local;

import static dev.apigwinsights.local.CommandFailure.fail;

import dev.apigwinsights.local.dashboard.DashboardServer;
import dev.apigwinsights.local.dashboard.InsightAnswers;
import dev.apigwinsights.local.dashboard.StoreQueries;
import dev.apigwinsights.insights.Insights;
import dev.apigwinsights.local.store.LocalStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: the dashboard in the browser, live over the local store. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the dashboard (every sheet of the insight catalog, with filters, drill-downs and period"
                + " comparison) and its JSON API over the local store. Ctrl-C stops it."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:stopped", "1:the server could not start (port in use?)", "2:bad option or no store at the data directory"})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: ~/.local/share/apigw-insights/data).")
    Path data;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "TCP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only). The dashboard has no login:"
                    + " anything that can reach another address can read your traffic's aggregates.")
    String bind;

    private final Map<String, String> env;
    private final Clock clock;

    public ServeCommand() {
        this(System.getenv(), Clock.systemUTC());
    }

    ServeCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            return fail(spec, 2, "--port must be between 0 and 65535");
        }
        Path dir;
        try {
            dir = DataDirs.readableStore(data, env);
        } catch (DataDirs.NoStoreException e) {
            return fail(spec, 2, e.getMessage());
        }
        return serve(dir, bind, port, clock, env, out, err, false, false);
    }

    /**
     * Serves the store at {@code dir} until interrupted; {@code openBrowser} also opens the page
     * where a desktop browser can be started, {@code anyPortIfTaken} falls back to a free port.
     * Shared with {@code demo}.
     */
    static int serve(Path dir, String bind, int port, Clock clock, Map<String, String> env, PrintWriter out, PrintWriter err,
                     boolean openBrowser, boolean anyPortIfTaken) {
        try (LocalStore store = LocalStore.open(dir);
             StoreQueries queries = new StoreQueries(store, Insights.standard(clock), 4)) {
            DashboardServer started;
            try {
                started = DashboardServer.start(new InsightAnswers(queries), bind, port);
            } catch (Exception e) {
                if (!anyPortIfTaken) {
                    return fail(err, "serve", 1, "cannot listen on " + bind + ":" + port + " (" + rootMessage(e) + ")");
                }
                try {
                    started = DashboardServer.start(new InsightAnswers(queries), bind, 0);
                } catch (Exception again) {
                    return fail(err, "serve", 1, "cannot listen on " + bind + " (" + rootMessage(again) + ")");
                }
            }
            try (DashboardServer server = started) {
                out.printf("Dashboard: %s  (data: %s; Ctrl-C stops it)%n", server.url(), dir);
                if (!DashboardServer.isLoopback(bind)) {
                    out.printf("Warning: listening on %s: anyone who can reach this address can read the dashboard (there is no login).%n", bind);
                }
                out.flush();
                if (openBrowser) {
                    Browser.open(server.url(), env).ifPresent(how -> {
                        out.printf("Opened it with %s.%n", how);
                        out.flush();
                    });
                }
                server.join();
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (Exception e) {
            return fail(err, "serve", 1, rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

}
