package dev.apigwinsights.insights;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An insight's typed result: its columns and rows, each value of its column's {@link ValueType} or null. */
public final class QueryResult {

    private final List<ResultColumn> columns;
    private final Map<String, Integer> index;
    private final List<Row> rows;

    public QueryResult(List<ResultColumn> columns, List<Object[]> values) {
        this.columns = List.copyOf(columns);
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < this.columns.size(); i++) {
            idx.put(this.columns.get(i).name(), i);
        }
        this.index = Collections.unmodifiableMap(idx);
        List<Row> r = new ArrayList<>(values.size());
        for (Object[] v : values) {
            if (v.length != this.columns.size()) {
                throw new IllegalArgumentException("row of " + v.length + " values for " + this.columns.size() + " columns");
            }
            r.add(new Row(v.clone()));
        }
        this.rows = Collections.unmodifiableList(r);
    }

    public List<ResultColumn> columns() {
        return columns;
    }

    public List<Row> rows() {
        return rows;
    }

    public int size() {
        return rows.size();
    }

    /** One row; values are read by column name. */
    public final class Row {
        private final Object[] values;

        private Row(Object[] values) {
            this.values = values;
        }

        public Object get(String column) {
            Integer i = index.get(column);
            if (i == null) {
                throw new IllegalArgumentException("no column " + column + "; columns: " + index.keySet());
            }
            return values[i];
        }

        public Object get(int i) {
            return values[i];
        }

        public String getString(String column) {
            return (String) get(column);
        }

        public Long getLong(String column) {
            return (Long) get(column);
        }

        public Double getDouble(String column) {
            return (Double) get(column);
        }

        public Instant getInstant(String column) {
            return (Instant) get(column);
        }

        /** The values in column order (a copy). */
        public List<Object> values() {
            return Collections.unmodifiableList(Arrays.asList(values.clone()));
        }

        @Override
        public String toString() {
            return Arrays.toString(values);
        }
    }
}
