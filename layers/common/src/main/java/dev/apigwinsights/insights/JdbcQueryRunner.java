package dev.apigwinsights.insights;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs insights over JDBC: DuckDB in local mode and in tests (the driver is the caller's
 * dependency; this class uses only {@code java.sql}). Not thread-safe: give each thread its own
 * connection (DuckDB: {@code DuckDBConnection#duplicate()}).
 */
public final class JdbcQueryRunner implements QueryRunner {

    private final Connection connection;
    private final Dialect dialect;

    public JdbcQueryRunner(Connection connection, Dialect dialect) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /** A runner for a DuckDB connection whose {@code access_logs} has the canonical columns. */
    public static JdbcQueryRunner duckDb(Connection connection) {
        return new JdbcQueryRunner(connection, Dialect.DUCKDB);
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public QueryResult run(SqlQuery query, List<ResultColumn> columns) {
        if (query.dialect() != dialect) {
            throw new IllegalArgumentException("query rendered for " + query.dialect() + ", runner speaks " + dialect);
        }
        try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
            List<Binding> bindings = query.bindings();
            for (int i = 0; i < bindings.size(); i++) {
                Object v = bindings.get(i).value();
                if (v instanceof String s) {
                    statement.setString(i + 1, s);
                } else if (v instanceof Long l) {
                    statement.setLong(i + 1, l);
                } else {
                    statement.setDouble(i + 1, (Double) v);
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                checkColumns(rs.getMetaData(), columns);
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    Object[] row = new Object[columns.size()];
                    for (int i = 0; i < row.length; i++) {
                        ResultColumn c = columns.get(i);
                        Object raw = c.type() == ValueType.TIMESTAMP ? timestamp(rs, i + 1) : rs.getObject(i + 1);
                        try {
                            row[i] = c.type().coerce(raw);
                        } catch (IllegalArgumentException e) {
                            throw new QueryException("column " + c.name() + ": " + e.getMessage(), e);
                        }
                    }
                    rows.add(row);
                }
                return new QueryResult(columns, rows);
            }
        } catch (SQLException e) {
            throw new QueryException("query failed: " + e.getMessage(), e);
        }
    }

    private static Object timestamp(ResultSet rs, int column) throws SQLException {
        Object raw = rs.getObject(column);
        if (raw == null || raw instanceof String) {
            return raw;
        }
        // Wall-clock fields, read as UTC: the canonical table's timestamps carry no zone.
        return rs.getObject(column, java.time.LocalDateTime.class);
    }

    private static void checkColumns(ResultSetMetaData meta, List<ResultColumn> columns) throws SQLException {
        List<String> actual = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            actual.add(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
        }
        List<String> expected = columns.stream().map(ResultColumn::name).toList();
        if (!actual.equals(expected)) {
            throw new QueryException("the query returned columns " + actual + ", the insight declares " + expected);
        }
    }
}
