package dev.apigwinsights.local;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * How {@code demo} ends since the dashboard exists: it writes the standalone page next to the store
 * and then serves the live dashboard (port 8080, or any free port when that one is taken), opening
 * a browser where one can appear. With {@code --no-serve} it stops after writing the file.
 */
final class DemoDashboard {
    static final String FILE = "dashboard.html";
    private static final int PORT = 8080;

    private DemoDashboard() {
    }

    /** Returns the demo's exit code: 0, or 1 when the page could not be written or served. */
    static int finish(Path dir, boolean serve, Map<String, String> env, Clock clock, PrintWriter out, PrintWriter err) {
        Path file = dir.resolve(FILE);
        try {
            long bytes = DashboardCommand.write(dir, null, file, clock);
            out.printf(Locale.ROOT, "%nDashboard file: %s (%.1f MB, every sheet, works offline; open it in any browser)%n", file, bytes / 1e6);
        } catch (Exception e) {
            err.println("apigw-insights demo: cannot write the dashboard file: " + e.getMessage());
            err.flush();
            return 1;
        }
        if (!serve) {
            out.printf("Live dashboard: ./apigw-insights serve --data %s%n", dir);
            out.flush();
            return 0;
        }
        out.flush();
        int code = ServeCommand.serve(dir, "127.0.0.1", PORT, clock, env, out, err, true, true);
        return code;
    }
}
