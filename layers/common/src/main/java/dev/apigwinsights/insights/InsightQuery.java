package dev.apigwinsights.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an insight computes. Two declarative forms cover most insights and can be turned into SQL
 * for each engine, a QuickSight visual (field wells, aggregations, filters) and a local chart;
 * {@link ExplicitSql} is the escape hatch for what they cannot say (period comparison, burn rates,
 * quota periods, anomalies), still rendered per dialect with bound filters.
 */
public sealed interface InsightQuery permits InsightQuery.Aggregate, InsightQuery.Rows, InsightQuery.ExplicitSql {

    /** The result's columns, in order. */
    List<ResultColumn> columns();

    /**
     * {@code SELECT dimensions, measures FROM access_logs WHERE where AND <time> AND <filters>
     * GROUP BY dimensions ORDER BY order LIMIT limit}. Rows are ordered by {@link #order}, then by
     * every dimension ascending, so a top-N is deterministic.
     *
     * @param limit at most this many rows; 0 for all
     */
    record Aggregate(List<Dimension> dimensions, List<Measure> measures, Condition where, List<Order> order, int limit)
            implements InsightQuery {

        public Aggregate {
            dimensions = List.copyOf(dimensions);
            measures = List.copyOf(measures);
            order = List.copyOf(order);
            if (measures.isEmpty()) {
                throw new IllegalArgumentException("an aggregate needs a measure");
            }
            if (limit < 0) {
                throw new IllegalArgumentException("limit must be >= 0");
            }
        }

        public static Builder by(Dimension... dimensions) {
            return new Builder(List.of(dimensions));
        }

        @Override
        public List<ResultColumn> columns() {
            List<ResultColumn> columns = new ArrayList<>();
            dimensions.forEach(d -> columns.add(d.column()));
            measures.forEach(m -> columns.add(m.column()));
            return List.copyOf(columns);
        }

        /** Builds an {@link Aggregate}: {@code Aggregate.by(dims).measure(...).where(...).orderBy(...).limit(n)}. */
        public static final class Builder {
            private final List<Dimension> dimensions;
            private final List<Measure> measures = new ArrayList<>();
            private Condition where;
            private final List<Order> order = new ArrayList<>();
            private int limit;

            private Builder(List<Dimension> dimensions) {
                this.dimensions = dimensions;
            }

            public Builder measure(Measure... more) {
                measures.addAll(List.of(more));
                return this;
            }

            public Builder where(Condition condition) {
                this.where = condition;
                return this;
            }

            public Builder orderBy(Order... more) {
                order.addAll(List.of(more));
                return this;
            }

            public Builder limit(int n) {
                this.limit = n;
                return this;
            }

            public Aggregate build() {
                return new Aggregate(dimensions, measures, where, order, limit);
            }
        }
    }

    /** Individual rows: {@code SELECT columns FROM access_logs WHERE ... ORDER BY order LIMIT limit}. */
    record Rows(List<Dimension> columnsShown, Condition where, List<Order> order, int limit) implements InsightQuery {

        public Rows {
            columnsShown = List.copyOf(columnsShown);
            order = List.copyOf(order);
            if (limit <= 0) {
                throw new IllegalArgumentException("raw rows need a positive limit");
            }
        }

        @Override
        public List<ResultColumn> columns() {
            return columnsShown.stream().map(Dimension::column).toList();
        }
    }

    /**
     * SQL written by hand against {@link SqlContext}, which renders the dialect's functions, the time
     * window's partition predicate and the user's filters as bound parameters.
     */
    record ExplicitSql(SqlTemplate template, List<ResultColumn> columns) implements InsightQuery {
        public ExplicitSql {
            Objects.requireNonNull(template, "template");
            columns = List.copyOf(columns);
        }
    }

    /** Writes an explicit insight's SQL for one dialect. */
    @FunctionalInterface
    interface SqlTemplate {
        String render(SqlContext sql);
    }
}
