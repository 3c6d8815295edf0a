package dev.apigwinsights.insights;

import dev.apigwinsights.schema.CanonicalField;
import java.util.List;
import java.util.Objects;

/**
 * A value computed per row of {@code access_logs}: a column or a small, closed set of derived
 * forms. Generators switch over the permitted records: SQL renders each per {@link Dialect};
 * QuickSight turns a {@link Col} into a field and the others into calculated fields.
 */
public sealed interface Expr permits Expr.Col, Expr.Coalesce, Expr.Minus, Expr.Bucket, Expr.HourOfDay,
        Expr.DayOfWeek, Expr.Bins {

    ValueType type();

    /** A column of the canonical table. */
    record Col(String name, ValueType type) implements Expr {
        public Col {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            if (!name.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("not a column name: " + name);
            }
        }

        public static Col of(CanonicalField field) {
            ValueType type;
            switch (field.type()) {
                case STRING:
                    type = ValueType.STRING;
                    break;
                case INT:
                case BIGINT:
                    type = ValueType.BIGINT;
                    break;
                case DOUBLE:
                    type = ValueType.DOUBLE;
                    break;
                case TIMESTAMP:
                    type = ValueType.TIMESTAMP;
                    break;
                default:
                    throw new IllegalArgumentException(field.column() + " (" + field.type() + ") cannot be an insight value");
            }
            return new Col(field.column(), type);
        }
    }

    /** The first non-null of {@code exprs} (all of one type). */
    record Coalesce(List<Expr> exprs) implements Expr {
        public Coalesce {
            exprs = List.copyOf(exprs);
            if (exprs.size() < 2) {
                throw new IllegalArgumentException("coalesce needs two or more expressions");
            }
        }

        @Override
        public ValueType type() {
            return exprs.get(0).type();
        }
    }

    /** {@code left - right}, e.g. gateway overhead = response latency - integration latency. */
    record Minus(Expr left, Expr right) implements Expr {
        @Override
        public ValueType type() {
            return left.type() == ValueType.DOUBLE || right.type() == ValueType.DOUBLE ? ValueType.DOUBLE : ValueType.BIGINT;
        }
    }

    /** The start of the {@code grain} bucket of {@code request_time}. */
    record Bucket(TimeGrain grain) implements Expr {
        @Override
        public ValueType type() {
            return ValueType.TIMESTAMP;
        }
    }

    /** The UTC hour of {@code request_time}, 0-23. */
    record HourOfDay() implements Expr {
        @Override
        public ValueType type() {
            return ValueType.BIGINT;
        }
    }

    /** The ISO day of week of {@code request_time}: 1 = Monday ... 7 = Sunday (UTC). */
    record DayOfWeek() implements Expr {
        @Override
        public ValueType type() {
            return ValueType.BIGINT;
        }
    }

    /**
     * The lower edge of the histogram bin {@code value} falls in: the largest edge {@code <= value};
     * values below the first edge get the first edge. Null stays null.
     */
    record Bins(Expr value, List<Long> edges) implements Expr {
        public Bins {
            edges = List.copyOf(edges);
            if (edges.isEmpty()) {
                throw new IllegalArgumentException("bins need edges");
            }
            for (int i = 1; i < edges.size(); i++) {
                if (edges.get(i) <= edges.get(i - 1)) {
                    throw new IllegalArgumentException("bin edges must increase: " + edges);
                }
            }
        }

        @Override
        public ValueType type() {
            return ValueType.BIGINT;
        }

        /** The bin of {@code v}, as the SQL computes it. */
        public Long binOf(Long v) {
            if (v == null) {
                return null;
            }
            long bin = edges.get(0);
            for (long edge : edges) {
                if (v >= edge) {
                    bin = edge;
                }
            }
            return bin;
        }
    }
}
