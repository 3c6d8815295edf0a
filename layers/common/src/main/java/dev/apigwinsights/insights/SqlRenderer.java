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

    private static String rows(SqlContext ctx, InsightQuery.Rows r, OptionalInt limitOverride) {
        StringJoiner select = new StringJoiner(",\n       ", "SELECT ", "\n");
        for (Dimension d : r.columnsShown()) {
            select.add(selected(ctx, d));
        }
        StringBuilder sql = new StringBuilder(select.toString());
        sql.append("FROM ").append(ctx.table()).append('\n');
        sql.append("WHERE ").append(where(ctx, r.where())).append('\n');
        sql.append(orderBy(r.order(), r.columnsShown()));
        appendLimit(sql, r.limit(), limitOverride);
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
