package dev.apigwinsights.insights;

import java.util.List;
import java.util.Objects;

/**
 * A fixed row condition that is part of an insight's definition (e.g. {@code status_class = '5xx'}),
 * as opposed to a user's {@link Filter} values. Its constants come from the catalog's code, never
 * from a user, so SQL renders them as literals (escaped); filter values are always bound.
 */
public sealed interface Condition permits Condition.Compare, Condition.In, Condition.IsNull, Condition.NotNull,
        Condition.And, Condition.Or, Condition.Not {

    enum Op {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String sql;

        Op(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    /** {@code expr op value}; the value is a String, Long, Integer or Double constant. */
    record Compare(Expr expr, Op op, Object value) implements Condition {
        public Compare {
            Objects.requireNonNull(expr, "expr");
            Objects.requireNonNull(op, "op");
            requireConstant(value);
        }
    }

    /** {@code expr IN (values)}. */
    record In(Expr expr, List<Object> values) implements Condition {
        public In {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("IN needs values");
            }
            values.forEach(Condition::requireConstant);
        }
    }

    record IsNull(Expr expr) implements Condition {
    }

    record NotNull(Expr expr) implements Condition {
    }

    record And(List<Condition> all) implements Condition {
        public And {
            all = List.copyOf(all);
        }
    }

    record Or(List<Condition> any) implements Condition {
        public Or {
            any = List.copyOf(any);
        }
    }

    record Not(Condition condition) implements Condition {
    }

    static Condition eq(Expr e, Object value) {
        return new Compare(e, Op.EQ, value);
    }

    static Condition ne(Expr e, Object value) {
        return new Compare(e, Op.NE, value);
    }

    static Condition ge(Expr e, Object value) {
        return new Compare(e, Op.GE, value);
    }

    static Condition gt(Expr e, Object value) {
        return new Compare(e, Op.GT, value);
    }

    static Condition lt(Expr e, Object value) {
        return new Compare(e, Op.LT, value);
    }

    static Condition in(Expr e, Object... values) {
        return new In(e, List.of(values));
    }

    static Condition notNull(Expr e) {
        return new NotNull(e);
    }

    static Condition isNull(Expr e) {
        return new IsNull(e);
    }

    static Condition and(Condition... all) {
        return new And(List.of(all));
    }

    static Condition or(Condition... any) {
        return new Or(List.of(any));
    }

    static Condition not(Condition c) {
        return new Not(c);
    }

    private static void requireConstant(Object value) {
        if (!(value instanceof String || value instanceof Long || value instanceof Integer || value instanceof Double)) {
            throw new IllegalArgumentException("a condition constant must be a String, Long, Integer or Double: " + value);
        }
    }
}
