package dev.apigwinsights.local;

import dev.apigwinsights.local.query.ResultFormat;
import dev.apigwinsights.local.store.LocalStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code query}: SQL over the local store, where {@code access_logs} has the Glue table's columns. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run SQL over the local store (DuckDB). The table access_logs has exactly the columns of the"
                + " stack's Glue table, partition columns year/month/day included, so Athena queries run unchanged"
                + " apart from dialect functions; access_logs_processing_failed holds what the transformer failed."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the query ran", "1:the query failed", "2:bad option or no store at the data directory"})
public final class QueryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: ~/.local/share/apigw-insights/data).")
    Path data;

    @Option(names = "--sql", required = true, paramLabel = "SQL", description = "The query, e.g. \"SELECT status, count(*) FROM access_logs GROUP BY 1\".")
    String sql;

    @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table",
            description = "Output: an aligned table (default), CSV, or one JSON array of objects keyed by column name.")
    String format;

    private final Map<String, String> env;

    public QueryCommand() {
        this(System.getenv());
    }

    QueryCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ResultFormat resultFormat;
        try {
            resultFormat = ResultFormat.of(format);
        } catch (IllegalArgumentException e) {
            return fail(err, 2, "unknown --format '" + format + "': use table, csv or json");
        }
        Path dir = data != null ? data : DataDirs.store(env);
        if (!Files.isDirectory(dir)) {
            return fail(err, 2, "no data at " + dir + ": run 'ingest' (or 'demo') first, or give --data DIR");
        }
        try (LocalStore store = LocalStore.open(dir); Statement s = store.connection().createStatement()) {
            if (s.execute(sql)) {
                try (ResultSet rs = s.getResultSet()) {
                    resultFormat.print(rs, out);
                }
            }
            return 0;
        } catch (SQLException e) {
            return fail(err, 1, "query failed: " + e.getMessage());
        }
    }

    private static int fail(PrintWriter err, int code, String message) {
        err.println("apigw-insights query: " + message);
        err.flush();
        return code;
    }
}
