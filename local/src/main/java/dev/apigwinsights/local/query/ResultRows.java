package dev.apigwinsights.local.query;

import dev.apigwinsights.insights.QueryResult;
import dev.apigwinsights.insights.ResultColumn;
import dev.apigwinsights.insights.ValueType;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * What {@link ResultFormat} prints: named columns and a cursor over rows, each value as text (for
 * tables and CSV) or as a JSON-ready object. Two sources: a JDBC result set ({@code query --sql})
 * and an insight's typed result ({@code query --insight}, {@code query --list}), so both print
 * exactly alike. Timestamps are written as Athena prints them, to the millisecond, in UTC.
 */
public interface ResultRows {
    /** Timestamps as Athena prints them, to the millisecond and free of the JVM's time zone. */
    DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    int columnCount();

    /** The name of column {@code i} (0-based). */
    String name(int i);

    /** Whether column {@code i} holds numbers (right-aligned in a table). */
    boolean numeric(int i);

    /** Moves to the next row; false when there is none. */
    boolean next() throws SQLException;

    /** Column {@code i} of the current row as text, or null. */
    String text(int i) throws SQLException;

    /** Column {@code i} of the current row for JSON: a number, boolean, string, map, list or null. */
    Object value(int i) throws SQLException;

    /**
     * Column {@code i} for people (the table format): like {@link #text}, but fractional numbers
     * rounded to two decimals ({@code 12.31294384883242} reads as {@code 12.31}). CSV and JSON keep
     * every digit.
     */
    default String display(int i) throws SQLException {
        Object v = value(i);
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? new java.math.BigDecimal(d).setScale(2, java.math.RoundingMode.HALF_EVEN)
                    .stripTrailingZeros().toPlainString() : Double.toString(d);
        }
        return text(i);
    }

    /** The rows of a JDBC result set, read as they are printed. */
    static ResultRows of(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        return new ResultRows() {
            @Override
            public int columnCount() {
                try {
                    return md.getColumnCount();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public String name(int i) {
                try {
                    return md.getColumnLabel(i + 1);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public boolean numeric(int i) {
                try {
                    return switch (md.getColumnType(i + 1)) {
                        case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.FLOAT, Types.REAL, Types.DOUBLE,
                             Types.NUMERIC, Types.DECIMAL -> true;
                        default -> false;
                    };
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public boolean next() throws SQLException {
                return rs.next();
            }

            @Override
            public String text(int i) throws SQLException {
                int type = md.getColumnType(i + 1);
                if (type == Types.TIMESTAMP) {
                    LocalDateTime t = rs.getObject(i + 1, LocalDateTime.class);
                    return t == null ? null : TIMESTAMP.format(t);
                }
                if (type == Types.TIMESTAMP_WITH_TIMEZONE) {
                    OffsetDateTime t = rs.getObject(i + 1, OffsetDateTime.class);
                    return t == null ? null : TIMESTAMP.format(t.withOffsetSameInstant(ZoneOffset.UTC)) + " UTC";
                }
                String v = rs.getString(i + 1);
                return rs.wasNull() ? null : v;
            }

            @Override
            public Object value(int i) throws SQLException {
                int type = md.getColumnType(i + 1);
                if (type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE || type == Types.DATE || type == Types.TIME) {
                    return text(i);
                }
                return rs.getObject(i + 1);
            }
        };
    }

    /** The rows of an insight's typed result. */
    static ResultRows of(QueryResult result) {
        List<ResultColumn> columns = result.columns();
        Iterator<QueryResult.Row> rows = result.rows().iterator();
        return new ResultRows() {
            private QueryResult.Row row;

            @Override
            public int columnCount() {
                return columns.size();
            }

            @Override
            public String name(int i) {
                return columns.get(i).name();
            }

            @Override
            public boolean numeric(int i) {
                ValueType t = columns.get(i).type();
                return t == ValueType.BIGINT || t == ValueType.DOUBLE;
            }

            @Override
            public boolean next() {
                row = rows.hasNext() ? rows.next() : null;
                return row != null;
            }

            @Override
            public String text(int i) {
                Object v = row.get(i);
                if (v instanceof Instant t) {
                    return TIMESTAMP.format(t.atOffset(ZoneOffset.UTC));
                }
                return v == null ? null : v.toString();
            }

            @Override
            public Object value(int i) {
                Object v = row.get(i);
                return v instanceof Instant ? text(i) : v;
            }
        };
    }
}
