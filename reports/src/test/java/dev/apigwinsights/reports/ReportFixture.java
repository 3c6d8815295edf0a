package dev.apigwinsights.reports;

import dev.apigwinsights.schema.CanonicalField;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.StringJoiner;

/**
 * The report tests' data set: an in-memory DuckDB (the local engine) holding {@code access_logs}
 * with the Glue table's columns (from {@link CanonicalField}, plus the partition columns) and five
 * weeks of deterministic traffic written by {@code fixture.sql}: errors of every kind, three usage
 * plans (DAY, WEEK and MONTH quotas) with keys that hit their quota, and one anomalous hour.
 */
public final class ReportFixture {

    /** The Monday after the report week (week 47 of 2026): "now" for a weekly report. */
    public static final Instant NOW = Instant.parse("2026-11-23T07:00:00Z");
    public static final ReportPeriod WEEK = ReportPeriod.lastComplete(ReportPeriod.Kind.WEEK, ZoneId.of("UTC"), NOW);

    private ReportFixture() {
    }

    public static Connection open() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        StringJoiner ddl = new StringJoiner(", ", "CREATE TABLE access_logs (", ")");
        for (CanonicalField f : CanonicalField.values()) {
            ddl.add('"' + f.column() + "\" " + f.type().duckDbType());
        }
        for (String key : CanonicalField.partitionKeys()) {
            ddl.add(key + " VARCHAR");
        }
        try (Statement s = c.createStatement()) {
            s.execute(ddl.toString());
            for (String statement : script().split(";\\s*\\n")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
        return c;
    }

    private static String script() {
        try (InputStream in = ReportFixture.class.getResourceAsStream("fixture.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
