package dev.apigwinsights.quicksight.catalog;

import dev.apigwinsights.insights.Condition;
import dev.apigwinsights.insights.Expr;

import java.util.List;
import java.util.StringJoiner;

/**
 * The catalog's row expressions and conditions in QuickSight's calculation language, with the
 * same meaning as the SQL the catalog renders: {@code {column}} references, {@code coalesce},
 * {@code ifelse}, {@code extract}; a comparison with a null is not true, so a row whose value is
 * null never matches a condition, as in SQL. Time buckets are not expressions here: they become a
 * date field's granularity.
 */
final class Expressions {

    private Expressions() {
    }

    static String of(Expr expr) {
        if (expr instanceof Expr.Col c) {
            return "{" + c.name() + "}";
        }
        if (expr instanceof Expr.Coalesce c) {
            StringJoiner all = new StringJoiner(", ", "coalesce(", ")");
            c.exprs().forEach(e -> all.add(of(e)));
            return all.toString();
        }
        if (expr instanceof Expr.Minus m) {
            return "(" + of(m.left()) + " - " + of(m.right()) + ")";
        }
        if (expr instanceof Expr.HourOfDay) {
            return "extract('HH', {request_time})";
        }
        if (expr instanceof Expr.DayOfWeek) {
            // QuickSight counts Sunday as 1; the catalog's weekday is ISO (Monday 1 ... Sunday 7).
            return "ifelse(extract('WD', {request_time}) = 1, 7, extract('WD', {request_time}) - 1)";
        }
        if (expr instanceof Expr.Bins b) {
            String value = of(b.value());
            StringJoiner cases = new StringJoiner(", ", "ifelse(isNull(" + value + "), NULL, ", ")");
            List<Long> edges = b.edges();
            for (int i = edges.size() - 1; i >= 1; i--) {
                cases.add(value + " >= " + edges.get(i)).add(Long.toString(edges.get(i)));
            }
            return cases.add(Long.toString(edges.get(0))).toString();
        }
        if (expr instanceof Expr.Bucket) {
            throw new IllegalArgumentException("a time bucket is a date field's granularity, not an expression");
        }
        throw new IllegalArgumentException("no QuickSight form for " + expr);
    }

    static String of(Condition condition) {
        if (condition instanceof Condition.Compare c) {
            return of(c.expr()) + " " + c.op().sql() + " " + literal(c.value());
        }
        if (condition instanceof Condition.In in) {
            StringJoiner any = new StringJoiner(" OR ", "(", ")");
            in.values().forEach(v -> any.add(of(in.expr()) + " = " + literal(v)));
            return any.toString();
        }
        if (condition instanceof Condition.IsNull n) {
            return "isNull(" + of(n.expr()) + ")";
        }
        if (condition instanceof Condition.NotNull n) {
            return "isNotNull(" + of(n.expr()) + ")";
        }
        if (condition instanceof Condition.And and) {
            return join(and.all(), " AND ");
        }
        if (condition instanceof Condition.Or or) {
            return join(or.any(), " OR ");
        }
        if (condition instanceof Condition.Not not) {
            return "NOT (" + of(not.condition()) + ")";
        }
        throw new IllegalArgumentException("no QuickSight form for " + condition);
    }

    private static String join(List<Condition> parts, String operator) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("an empty AND/OR has no QuickSight form");
        }
        if (parts.size() == 1) {
            return of(parts.get(0));
        }
        StringJoiner all = new StringJoiner(operator, "(", ")");
        parts.forEach(p -> all.add(of(p)));
        return all.toString();
    }

    /** A constant of the catalog: a quoted string or a plain number. */
    static String literal(Object value) {
        if (value instanceof String text) {
            if (text.contains("'") || text.contains("\\")) {
                throw new IllegalArgumentException("no safe QuickSight literal for " + text);
            }
            return "'" + text + "'";
        }
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof Double d) {
            return java.math.BigDecimal.valueOf(d).toPlainString();
        }
        throw new IllegalArgumentException("no QuickSight literal for " + value);
    }
}
