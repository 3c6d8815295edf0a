package dev.apigwinsights.insights;

import dev.apigwinsights.schema.CanonicalField;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * An in-memory DuckDB (the local engine) holding the fixture as table {@code access_logs} with the
 * Glue table's columns: every {@link CanonicalField} in its DuckDB type, then the partition
 * columns {@code year/month/day} as VARCHAR, like local mode's view over the Parquet store.
 */
final class FixtureDb {

    private FixtureDb() {
    }

    static Connection open(List<FixtureRow> rows) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Map<String, String> columns = columns();
        StringJoiner ddl = new StringJoiner(", ", "CREATE TABLE access_logs (", ")");
        columns.forEach((name, type) -> ddl.add((name.equals("user") ? "\"user\"" : name) + " " + type));
        try (Statement s = c.createStatement()) {
            s.execute(ddl.toString());
        }
        List<String> names = new ArrayList<>(columns.keySet());
        try (DuckDBAppender appender = ((DuckDBConnection) c).createAppender("access_logs")) {
            for (FixtureRow r : rows) {
                for (String key : r.values.keySet()) {
                    if (!columns.containsKey(key)) {
                        throw new IllegalStateException("fixture column " + key + " is not in access_logs");
                    }
                }
                appender.beginRow();
                for (String name : names) {
                    append(appender, columns.get(name), r.values.get(name));
                }
                appender.endRow();
            }
        }
        return c;
    }

    private static void append(DuckDBAppender appender, String type, Object v) throws SQLException {
        if (v == null) {
            appender.appendNull();
            return;
        }
        switch (type) {
            case "VARCHAR":
                appender.append((String) v);
                break;
            case "INTEGER":
                appender.append(((Number) v).intValue());
                break;
            case "BIGINT":
                appender.append(((Number) v).longValue());
                break;
            case "DOUBLE":
                appender.append(((Number) v).doubleValue());
                break;
            case "TIMESTAMP":
                appender.append(LocalDateTime.ofInstant((Instant) v, ZoneOffset.UTC));
                break;
            default:
                throw new IllegalStateException("the fixture writes no " + type + " values");
        }
    }

    /** The table's columns and DuckDB types, in the Glue table's order. */
    static Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        for (CanonicalField f : CanonicalField.values()) {
            columns.put(f.column(), f.type().duckDbType());
        }
        for (String key : CanonicalField.partitionKeys()) {
            columns.put(key, "VARCHAR");
        }
        return columns;
    }

}
