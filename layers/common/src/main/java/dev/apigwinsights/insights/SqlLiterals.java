package dev.apigwinsights.insights;

/** SQL literals, the same in Trino and DuckDB: strings single-quoted with quotes doubled. */
final class SqlLiterals {

    private SqlLiterals() {
    }

    static String literal(Object value) {
        if (value instanceof String s) {
            return "'" + s.replace("'", "''") + "'";
        }
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new IllegalArgumentException("no SQL literal for " + d);
            }
            // DOUBLE, not DECIMAL: both engines read a literal with an exponent as a double.
            String text = Double.toString(d);
            return text.contains("E") ? text : text + "E0";
        }
        throw new IllegalArgumentException("no SQL literal for " + value);
    }
}
