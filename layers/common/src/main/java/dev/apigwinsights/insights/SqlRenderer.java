package dev.apigwinsights.insights;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.StringJoiner;

/** Turns an insight into SQL for one dialect: the declarative forms here, explicit SQL by its template. */
final class SqlRenderer {

    private SqlRenderer() {
    }

    static SqlQuery render(Insight insight, Dialect dialect, InsightParams params, Instant now) {
        for (Filter f : params.filters().keySet()) {
            if (!insight.filters().contains(f)) {
                throw new InsightParameterException("insight " + insight.id() + " does not take filter " + f.key());
            }
        }
        SqlContext ctx = new SqlContext(dialect, params, now);
        String sql;
        if (insight.query() instanceof InsightQuery.Aggregate a) {
            sql = aggregate(ctx, a, params.limit());
        } else if (insight.query() instanceof InsightQuery.Rows r) {
            sql = rows(ctx, r, params.limit());
        } else {
            sql = ((InsightQuery.ExplicitSql) insight.query()).template().render(ctx).strip();
        }
        return ctx.finish(sql.strip());
    }

    private static String aggregate(SqlContext ctx, InsightQuery.Aggregate a, OptionalInt limitOverride) {
        ctx.sharePercentiles(a.measures());
        StringJoiner select = new StringJoiner(",\n       ", "SELECT ", "\n");
        for (Dimension d : a.dimensions()) {
            select.add(selected(ctx, d));
        }
        for (Measure m : a.measures()) {
            select.add(ctx.measure(m) + " AS " + m.name());
        }
        StringBuilder sql = new StringBuilder(select.toString());
        sql.append("FROM ").append(ctx.table()).append('\n');
        sql.append("WHERE ").append(where(ctx, a.where())).append('\n');
        if (!a.dimensions().isEmpty()) {
            StringJoiner group = new StringJoiner(", ", "GROUP BY ", "\n");
            for (int i = 1; i <= a.dimensions().size(); i++) {
                group.add(Integer.toString(i));
            }
            sql.append(group);
            sql.append(orderBy(a.order(), a.dimensions()));
        }
        appendLimit(sql, a.limit(), limitOverride);
        return sql.toString();
    }

    /**
     * Raw rows in two steps: pick the rows (their request id and time) by the order reading only the
     * columns it needs, then fetch every shown column of those rows only. The join on
     * {@code request_time} lets both engines prune row groups by the picked times (DuckDB's join
     * filter pushdown, Trino's dynamic filtering) instead of reading every column of every row.
     * On the 10-million-row benchmark store the newest 100 requests with 17 columns took half the
     * time of the one-step query (A/B in one JVM, 3.3&ndash;4.9 s against 8.1&ndash;8.8 s on a heavily
     * loaded machine). Insights that do not show both columns are read in one step. Two id-less rows
     * with the same request time to the millisecond would each be shown twice: a rare tie, accepted
     * for the speed of the two steps.
     */
    private static String rows(SqlContext ctx, InsightQuery.Rows r, OptionalInt limitOverride) {
        int limit = limitOverride.orElse(r.limit());
        List<String> names = r.columnsShown().stream().map(Dimension::name).toList();
        if (!names.contains("request_id") || !names.contains("request_time")) {
            return oneStepRows(ctx, r, limit);
        }
        StringJoiner picked = new StringJoiner(", ", "SELECT ", "\n");
        picked.add("request_id AS picked_id").add("request_time AS picked_time");
        StringJoiner pickOrder = new StringJoiner(", ", "ORDER BY ", "\n");
        for (Order o : r.order()) {
            Dimension d = r.columnsShown().stream().filter(x -> x.name().equals(o.column())).findFirst().orElseThrow();
            String expr = ctx.expr(d.expr());
            if (!o.column().equals("request_time")) {
                picked.add(expr + " AS picked_" + o.column());
            }
            pickOrder.add((o.column().equals("request_time") ? "picked_time" : "picked_" + o.column())
                    + (o.descending() ? " DESC" : " ASC") + " NULLS LAST");
        }
        pickOrder.add("picked_id ASC NULLS LAST");
        StringBuilder sql = new StringBuilder("WITH picked AS (\n");
        sql.append(picked).append("FROM ").append(ctx.table()).append('\n');
        sql.append("WHERE ").append(where(ctx, r.where())).append('\n');
        sql.append(pickOrder).append("LIMIT ").append(limit).append('\n').append(")\n");
        StringJoiner select = new StringJoiner(",\n       ", "SELECT ", "\n");
        for (Dimension d : r.columnsShown()) {
            select.add(selected(ctx, d));
        }
        sql.append(select);
        // IS NOT DISTINCT FROM: a format that does not log $context.requestId leaves rows with no id,
        // and they are requests too (an equi-join would drop them).
        sql.append("FROM ").append(ctx.table())
                .append(" JOIN picked ON request_id IS NOT DISTINCT FROM picked_id AND request_time = picked_time\n");
        sql.append("WHERE ").append(where(ctx, r.where())).append('\n');
        sql.append(orderBy(r.order(), List.of(Dimension.detail("request_id", Columns.REQUEST_ID))));
        sql.append("LIMIT ").append(limit).append('\n');
        return sql.toString();
    }

    private static String oneStepRows(SqlContext ctx, InsightQuery.Rows r, int limit) {
        StringJoiner select = new StringJoiner(",\n       ", "SELECT ", "\n");
        for (Dimension d : r.columnsShown()) {
            select.add(selected(ctx, d));
        }
        StringBuilder sql = new StringBuilder(select.toString());
        sql.append("FROM ").append(ctx.table()).append('\n');
        sql.append("WHERE ").append(where(ctx, r.where())).append('\n');
        sql.append(orderBy(r.order(), r.columnsShown()));
        sql.append("LIMIT ").append(limit).append('\n');
        return sql.toString();
    }

    /** {@code expr AS name}, or just the column when it already has the name. */
    private static String selected(SqlContext ctx, Dimension d) {
        String expr = ctx.expr(d.expr());
        return expr.equals(d.name()) ? expr : expr + " AS " + d.name();
    }

    private static String where(SqlContext ctx, Condition fixed) {
        String user = ctx.where();
        if (fixed == null) {
            return user;
        }
        String own = ctx.condition(fixed);
        return user.equals("TRUE") ? own : own + "\n  AND " + user;
    }

    /** The insight's order, then every other column ascending: ties never make results differ between runs. */
    private static String orderBy(List<Order> order, List<Dimension> tieBreakers) {
        StringJoiner by = new StringJoiner(", ", "ORDER BY ", "\n");
        List<String> used = new ArrayList<>();
        for (Order o : order) {
            by.add(o.column() + (o.descending() ? " DESC" : " ASC") + " NULLS LAST");
            used.add(o.column());
        }
        for (Dimension d : tieBreakers) {
            if (!used.contains(d.name())) {
                by.add(d.name() + " ASC NULLS LAST");
            }
        }
        return by.toString();
    }

    private static void appendLimit(StringBuilder sql, int limit, OptionalInt override) {
        if (limit > 0) {
            sql.append("LIMIT ").append(override.orElse(limit)).append('\n');
        }
    }
}
