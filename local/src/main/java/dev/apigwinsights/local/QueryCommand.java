package dev.apigwinsights.local;

import static dev.apigwinsights.local.CommandFailure.fail;

import dev.apigwinsights.insights.ColumnRole;
import dev.apigwinsights.insights.Filter;
import dev.apigwinsights.insights.Insight;
import dev.apigwinsights.insights.InsightParameterException;
import dev.apigwinsights.insights.InsightParams;
import dev.apigwinsights.insights.Insights;
import dev.apigwinsights.insights.JdbcQueryRunner;
import dev.apigwinsights.insights.QueryException;
import dev.apigwinsights.insights.QueryResult;
import dev.apigwinsights.insights.ResultColumn;
import dev.apigwinsights.insights.TimeRange;
import dev.apigwinsights.insights.Unit;
import dev.apigwinsights.insights.ValueType;
import dev.apigwinsights.local.query.ResultFormat;
import dev.apigwinsights.local.query.ResultRows;
import dev.apigwinsights.local.store.LocalStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code query}: SQL over the local store, where {@code access_logs} has the Glue table's columns,
 * or one of the insight catalog's questions ({@code --insight ID}, listed by {@code --list}) — the
 * same SQL, filters and numbers as the dashboards, the reports and the stack's Athena named queries.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Answer an insight of the catalog (--insight ID; --list shows them all) or run SQL (--sql) over the"
                + " local store (DuckDB). The table access_logs has exactly the columns of the stack's Glue table,"
                + " partition columns year/month/day included, so Athena queries run unchanged apart from dialect"
                + " functions; access_logs_processing_failed holds what the transformer failed."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the query ran", "1:the query failed", "2:bad option or no store at the data directory"})
public final class QueryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: ~/.local/share/apigw-insights/data).")
    Path data;

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    /** Exactly one of: SQL, an insight, the list of insights. */
    static final class What {
        @Option(names = "--sql", paramLabel = "SQL", description = "The query, e.g. \"SELECT status, count(*) FROM access_logs GROUP BY 1\".")
        String sql;

        @Option(names = "--insight", paramLabel = "ID", description = "An insight of the catalog, e.g. requests_by_status_class (see --list).")
        String insight;

        @Option(names = "--list", description = "List the catalog's insights: id, sheet, chart, title and the question each answers.")
        boolean list;
    }

    @Option(names = "--from", paramLabel = "TIME",
            description = "With --insight: start of the time range, inclusive (2024-03-01, 2024-03-01T12:00, 2024-03-01T12:00:00Z; UTC unless"
                    + " a zone is given). Without --from and --to an insight reads all the data (windowed ones end now).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "With --insight: end of the time range, exclusive (default: now).")
    String to;

    @Option(names = "--filter", paramLabel = "KEY=VALUE",
            description = "With --insight, repeatable: keep only matching requests. Keys: ${COMPLETION-CANDIDATES}. Values of one key are"
                    + " OR-ed, different keys AND-ed.", completionCandidates = FilterKeys.class)
    List<String> filters = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", description = "With --insight: how many rows a top-N insight returns (default: the catalog's).")
    Integer limit;

    @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table",
            description = "Output: an aligned table (default), CSV, or one JSON array of objects keyed by column name.")
    String format;

    private final Map<String, String> env;
    private final Clock clock;

    public QueryCommand() {
        this(System.getenv(), Clock.systemUTC());
    }

    QueryCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    /** The filter keys, for the help text. */
    static final class FilterKeys extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        FilterKeys() {
            super(Filter.keys());
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ResultFormat resultFormat;
        try {
            resultFormat = ResultFormat.of(format);
        } catch (IllegalArgumentException e) {
            return fail(spec, 2, "unknown --format '" + format + "': use table, csv or json");
        }
        if (what.insight == null && (from != null || to != null || !filters.isEmpty() || limit != null)) {
            return fail(spec, 2, "--from, --to, --filter and --limit go with --insight");
        }
        Insights insights = Insights.standard(clock);
        if (what.list) {
            try {
                resultFormat.print(ResultRows.of(catalogList(insights)), out);
                return 0;
            } catch (SQLException e) {
                return fail(spec, 1, e.getMessage());
            }
        }
        InsightParams params = null;
        if (what.insight != null) {
            try {
                insights.get(what.insight);
                params = params();
            } catch (InsightParameterException e) {
                return fail(spec, 2, e.getMessage());
            }
        }
        Path dir;
        try {
            dir = DataDirs.readableStore(data, env);
        } catch (DataDirs.NoStoreException e) {
            return fail(spec, 2, e.getMessage());
        }
        try (LocalStore store = LocalStore.open(dir)) {
            if (what.insight != null) {
                QueryResult result = insights.run(what.insight, JdbcQueryRunner.duckDb(store.connection()), params);
                resultFormat.print(ResultRows.of(result), out);
                return 0;
            }
            try (Statement s = store.connection().createStatement()) {
                if (s.execute(what.sql)) {
                    try (ResultSet rs = s.getResultSet()) {
                        resultFormat.print(rs, out);
                    }
                }
            }
            return 0;
        } catch (InsightParameterException e) {
            return fail(spec, 2, e.getMessage());
        } catch (QueryException | SQLException e) {
            return fail(spec, 1, "query failed: " + e.getMessage());
        }
    }

    private InsightParams params() {
        InsightParams.Builder b = InsightParams.builder();
        if (from != null || to != null) {
            if (from == null) {
                throw new InsightParameterException("--to needs --from: give the start of the time range too");
            }
            Instant end = to != null ? TimeRange.parseInstant(to) : clock.instant();
            b.range(TimeRange.of(TimeRange.parseInstant(from), end));
        }
        filters.forEach(b::filter);
        if (limit != null) {
            b.limit(limit);
        }
        return b.build();
    }

    /** The catalog as rows: what {@code --list} prints. */
    private static QueryResult catalogList(Insights insights) {
        List<ResultColumn> columns = List.of(
                text("id"), text("sheet"), text("chart"), text("title"), text("question"));
        List<Object[]> rows = new ArrayList<>();
        for (Insight i : insights.list()) {
            rows.add(new Object[] {i.id(), i.sheet().id(), i.chart().name().toLowerCase(Locale.ROOT), i.title(), i.question()});
        }
        return new QueryResult(columns, rows);
    }

    private static ResultColumn text(String name) {
        return ResultColumn.of(name, ValueType.STRING,
                Unit.NONE, ColumnRole.DIMENSION);
    }

}
