package dev.apigwinsights.insights;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Renders SQL pieces for one dialect and one set of parameters, collecting the bound values in the
 * order their {@code ?} appear. Used by the declarative renderer and by explicit-SQL insights, so
 * both get the same partition predicate and the same filter binding. Not thread-safe: one per
 * rendering.
 *
 * <h2>The time window and partition pruning</h2>
 * A window {@code [from, to)} renders as
 * <pre>{@code year BETWEEN ? AND ? AND concat(year, '-', month, '-', day) BETWEEN ? AND ?
 *   AND request_time >= CAST(? AS timestamp) AND request_time < CAST(? AS timestamp)}</pre>
 * The first two predicates use only the partition columns, so Athena prunes partitions before
 * reading S3: with partition projection it enumerates the projected {@code year/month/day} values
 * allowed by the per-column domain ({@code year BETWEEN}) and evaluates the remaining
 * partition-only predicate on each candidate, reading only the days of the window. (Partition
 * values are zero-padded strings, so string order is date order.) The timestamp predicate then
 * cuts the first and last day to the exact instants. DuckDB prunes hive partitions with the same
 * predicates.
 *
 * <p>Explicit SQL must call the binding methods in the order their text appears in the query:
 * every call adds the value of the next {@code ?}.
 */
public final class SqlContext {

    /** The canonical table (Glue table in Athena, view or table in DuckDB). */
    public static final String TABLE = "access_logs";

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final Dialect dialect;
    private final InsightParams params;
    private final Instant now;
    private final List<Binding> bindings = new ArrayList<>();
    /** Quantiles asked of the same value under the same condition, for one list aggregate ({@link Dialect#percentileList}). */
    private final Map<String, List<Double>> sharedQuantiles = new java.util.HashMap<>();

    SqlContext(Dialect dialect, InsightParams params, Instant now) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.params = Objects.requireNonNull(params, "params");
        this.now = Objects.requireNonNull(now, "now");
    }

    public Dialect dialect() {
        return dialect;
    }

    public InsightParams params() {
        return params;
    }

    public String table() {
        return TABLE;
    }

    /** The caller's time range, if any. */
    public Optional<TimeRange> range() {
        return params.range();
    }

    /** The end of the caller's range, else now. */
    public Instant end() {
        return params.range().map(TimeRange::to).orElse(now);
    }

    /** The caller's range, else the {@code length} ending now (insights that need a window). */
    public TimeRange rangeOr(Duration length) {
        return params.range().orElseGet(() -> TimeRange.ending(now, length));
    }

    /** Binds {@code value} and returns its placeholder. */
    public String bind(String name, Object value) {
        bindings.add(new Binding(name, value instanceof Integer i ? Long.valueOf(i) : value));
        return "?";
    }

    /** A bound timestamp: {@code CAST(? AS timestamp)} with the instant as UTC text. */
    public String timestamp(String name, Instant t) {
        return "CAST(" + bind(name, TIMESTAMP.format(t)) + " AS timestamp)";
    }

    /**
     * The partition and time predicate for {@code window} (binding names start with {@code prefix}),
     * see the class comment.
     */
    public String timeWindow(String prefix, TimeRange window) {
        LocalDate first = window.firstDay();
        LocalDate last = window.lastDay();
        return "year BETWEEN " + bind(prefix + "from_year", String.format("%04d", first.getYear()))
                + " AND " + bind(prefix + "to_year", String.format("%04d", last.getYear()))
                + " AND concat(year, '-', month, '-', day) BETWEEN " + bind(prefix + "from_day", first.toString())
                + " AND " + bind(prefix + "to_day", last.toString())
                + " AND request_time >= " + timestamp(prefix + "from_time", window.from())
                + " AND request_time < " + timestamp(prefix + "to_time", window.to());
    }

    /** The user's filters, AND-ed, values bound; {@code TRUE} when none. */
    public String filters() {
        StringJoiner all = new StringJoiner(" AND ");
        for (Map.Entry<Filter, List<Object>> e : params.filters().entrySet()) {
            Filter f = e.getKey();
            List<Object> values = e.getValue();
            StringJoiner anyTarget = new StringJoiner(" OR ", f.targets().size() > 1 ? "(" : "", f.targets().size() > 1 ? ")" : "");
            for (Expr target : f.targets()) {
                String t = expr(target);
                if (values.size() == 1) {
                    anyTarget.add(t + " = " + bind("filter_" + f.key(), values.get(0)));
                } else {
                    StringJoiner in = new StringJoiner(", ", t + " IN (", ")");
                    values.forEach(v -> in.add(bind("filter_" + f.key(), v)));
                    anyTarget.add(in.toString());
                }
            }
            all.add(anyTarget.toString());
        }
        return all.length() == 0 ? "TRUE" : all.toString();
    }

    /** The caller's time range (if any) and filters. */
    public String where() {
        return where(params.range().orElse(null));
    }

    /** The time predicate of {@code window} (none when null) and the caller's filters. */
    public String where(TimeRange window) {
        return where("", window);
    }

    /** Like {@link #where(TimeRange)}, with binding names of the window starting with {@code prefix}. */
    public String where(String prefix, TimeRange window) {
        if (window == null) {
            return filters();
        }
        String time = timeWindow(prefix, window); // bound first: its text comes first
        String filters = filters();
        return filters.equals("TRUE") ? time : time + " AND " + filters;
    }

    /** The SQL of an expression. */
    public String expr(Expr e) {
        if (e instanceof Expr.Col c) {
            return dialect.column(c.name());
        }
        if (e instanceof Expr.Coalesce c) {
            StringJoiner j = new StringJoiner(", ", "coalesce(", ")");
            c.exprs().forEach(x -> j.add(expr(x)));
            return j.toString();
        }
        if (e instanceof Expr.Minus m) {
            return "(" + expr(m.left()) + " - " + expr(m.right()) + ")";
        }
        if (e instanceof Expr.Bucket b) {
            return "date_trunc('" + grain(b.grain()).sqlUnit() + "', request_time)";
        }
        if (e instanceof Expr.HourOfDay) {
            return "hour(request_time)";
        }
        if (e instanceof Expr.DayOfWeek) {
            return dialect.isoDayOfWeek("request_time");
        }
        if (e instanceof Expr.Bins b) {
            String v = expr(b.value());
            StringBuilder sql = new StringBuilder("CASE WHEN ").append(v).append(" IS NULL THEN CAST(NULL AS bigint)");
            List<Long> edges = b.edges();
            for (int i = edges.size() - 1; i >= 1; i--) {
                sql.append(" WHEN ").append(v).append(" >= ").append(edges.get(i)).append(" THEN ").append(edges.get(i));
            }
            return sql.append(" ELSE ").append(edges.get(0)).append(" END").toString();
        }
        throw new AssertionError(e);
    }

    /** The grain a time bucket gets: the caller's override, else the insight's, resolved against the range. */
    public TimeGrain grain(TimeGrain insightGrain) {
        return params.grain().orElse(insightGrain).resolve(params.range().orElse(null));
    }

    /** The SQL of a fixed condition; its constants are literals (they come from the catalog's code). */
    public String condition(Condition c) {
        if (c instanceof Condition.Compare cmp) {
            return expr(cmp.expr()) + " " + cmp.op().sql() + " " + SqlLiterals.literal(cmp.value());
        }
        if (c instanceof Condition.In in) {
            StringJoiner j = new StringJoiner(", ", expr(in.expr()) + " IN (", ")");
            in.values().forEach(v -> j.add(SqlLiterals.literal(v)));
            return j.toString();
        }
        if (c instanceof Condition.IsNull n) {
            return expr(n.expr()) + " IS NULL";
        }
        if (c instanceof Condition.NotNull n) {
            return expr(n.expr()) + " IS NOT NULL";
        }
        if (c instanceof Condition.And and) {
            return join(and.all(), " AND ", "TRUE");
        }
        if (c instanceof Condition.Or or) {
            return join(or.any(), " OR ", "FALSE");
        }
        if (c instanceof Condition.Not not) {
            return "NOT (" + condition(not.condition()) + ")";
        }
        throw new AssertionError(c);
    }

    /**
     * Rows matching {@code condition}: {@code count(*) FILTER (WHERE ...)}, which is 0 over no rows in
     * both engines (DuckDB's {@code count_if} is null there, Trino's is 0).
     */
    public String countIf(String condition) {
        return "count(*) FILTER (WHERE " + condition + ")";
    }

    /** The SQL of an aggregated measure. */
    public String measure(Measure m) {
        String filter = m.when() == null ? "" : " FILTER (WHERE " + condition(m.when()) + ")";
        switch (m.aggregation()) {
            case COUNT:
                return m.when() == null ? "count(*)" : countIf(condition(m.when()));
            case DISTINCT_COUNT:
                return "count(DISTINCT " + expr(m.value()) + ")" + filter;
            case SUM:
                return "sum(" + expr(m.value()) + ")" + filter;
            case AVG:
                return "avg(" + expr(m.value()) + ")" + filter;
            case MIN:
                return "min(" + expr(m.value()) + ")" + filter;
            case MAX:
                return "max(" + expr(m.value()) + ")" + filter;
            case PERCENTILE:
                List<Double> shared = sharedQuantiles.get(quantileKey(m));
                if (shared != null && shared.size() > 1) {
                    var list = dialect.percentileList(expr(m.value()), shared);
                    if (list.isPresent()) {
                        return "(" + list.get() + filter + ")[" + (shared.indexOf(m.quantile()) + 1) + "]";
                    }
                }
                return dialect.percentile(expr(m.value()), m.quantile()) + filter;
            case RATE:
                String numerator = countIf(condition(m.when()));
                String over = m.over() == null ? "count(*)" : countIf(condition(m.over()));
                return "100 * CAST(" + numerator + " AS double) / nullif(" + over + ", 0)";
            default:
                throw new AssertionError(m.aggregation());
        }
    }

    /** Lets the percentiles among {@code measures} that share a value and a condition be computed together. */
    void sharePercentiles(List<Measure> measures) {
        for (Measure m : measures) {
            if (m.aggregation() == Measure.Aggregation.PERCENTILE) {
                List<Double> qs = sharedQuantiles.computeIfAbsent(quantileKey(m), k -> new ArrayList<>());
                if (!qs.contains(m.quantile())) {
                    qs.add(m.quantile());
                    qs.sort(null);
                }
            }
        }
    }

    private String quantileKey(Measure m) {
        return expr(m.value()) + "\u0000" + (m.when() == null ? "" : condition(m.when()));
    }

    /** The dialect's percentile of a SQL expression. */
    public String percentile(String value, double quantile) {
        return dialect.percentile(value, quantile);
    }

    /** The bindings collected so far, in placeholder order. */
    List<Binding> bindings() {
        return List.copyOf(bindings);
    }

    SqlQuery finish(String sql) {
        int placeholders = 0;
        boolean inLiteral = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                inLiteral = !inLiteral; // a doubled quote toggles twice
            } else if (c == '?' && !inLiteral) {
                placeholders++;
            }
        }
        if (placeholders != bindings.size()) {
            throw new IllegalStateException(placeholders + " placeholders but " + bindings.size() + " bindings in: " + sql);
        }
        return new SqlQuery(dialect, sql, bindings);
    }

    private String join(List<Condition> parts, String op, String empty) {
        if (parts.isEmpty()) {
            return empty;
        }
        StringJoiner j = new StringJoiner(op, "(", ")");
        parts.forEach(p -> j.add(condition(p)));
        return j.toString();
    }
}
