package dev.apigwinsights.insights;

import java.util.List;

/**
 * A rendered query: SQL with {@code ?} placeholders for one dialect, and their values in order.
 * JDBC binds them with {@code setString/setLong/setDouble}; Athena takes them as execution
 * parameters ({@link #athenaExecutionParameters()}).
 */
public record SqlQuery(Dialect dialect, String sql, List<Binding> bindings) {

    public SqlQuery {
        bindings = List.copyOf(bindings);
    }

    /**
     * The bindings as Athena {@code ExecutionParameters}: Athena substitutes each as SQL text, so a
     * string becomes a quoted literal with quotes doubled and a number its plain decimal form.
     */
    public List<String> athenaExecutionParameters() {
        return bindings.stream().map(b -> SqlLiterals.literal(b.value())).toList();
    }
}
