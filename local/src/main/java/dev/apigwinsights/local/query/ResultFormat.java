package dev.apigwinsights.local.query;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Struct;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How query results are printed: an aligned text table for people, CSV for spreadsheets, or one
 * JSON array of objects keyed by column name for programs. Used by {@code query --sql} and by
 * anything else that prints a result set. Rows are streamed (a table buffers only the first
 * {@value #TABLE_SAMPLE_ROWS} rows to size its columns).
 */
public enum ResultFormat {
    TABLE {
        @Override
        long write(ResultSet rs, PrintWriter out) throws SQLException {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            String[] names = new String[n];
            boolean[] right = new boolean[n];
            int[] width = new int[n];
            for (int i = 0; i < n; i++) {
                names[i] = md.getColumnLabel(i + 1);
                right[i] = numeric(md.getColumnType(i + 1));
                width[i] = names[i].length();
            }
            List<String[]> sample = new ArrayList<>();
            boolean more = rs.next();
            while (more && sample.size() < TABLE_SAMPLE_ROWS) {
                String[] row = cells(rs, n);
                for (int i = 0; i < n; i++) {
                    width[i] = Math.max(width[i], row[i].length());
                }
                sample.add(row);
                more = rs.next();
            }
            String rule = rule(width);
            out.println(rule);
            out.println(line(names, width, new boolean[n]));
            out.println(rule);
            long rows = 0;
            for (String[] row : sample) {
                out.println(line(row, width, right));
                rows++;
            }
            while (more) {
                out.println(line(cells(rs, n), width, right));
                rows++;
                more = rs.next();
            }
            out.println(rule);
            out.println("(" + rows + (rows == 1 ? " row)" : " rows)"));
            return rows;
        }
    },
    CSV {
        @Override
        long write(ResultSet rs, PrintWriter out) throws SQLException {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            StringBuilder header = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                header.append(i == 1 ? "" : ",").append(csv(md.getColumnLabel(i)));
            }
            out.print(header.append("\r\n"));
            long rows = 0;
            while (rs.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    String v = text(rs, i);
                    line.append(i == 1 ? "" : ",").append(v == null ? "" : csv(v));
                }
                out.print(line.append("\r\n"));
                rows++;
            }
            return rows;
        }
    },
    JSON {
        @Override
        long write(ResultSet rs, PrintWriter out) throws SQLException {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            long rows = 0;
            try {
                JsonGenerator g = FACTORY.createGenerator(out);
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.writeRaw('[');
                while (rs.next()) {
                    g.writeRaw(rows == 0 ? "\n" : ",\n");
                    g.writeStartObject();
                    for (int i = 1; i <= n; i++) {
                        g.writeFieldName(md.getColumnLabel(i));
                        writeValue(g, rs, i, md.getColumnType(i));
                    }
                    g.writeEndObject();
                    g.flush();
                    rows++;
                }
                g.writeRaw(rows == 0 ? "]\n" : "\n]\n");
                g.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return rows;
        }
    };

    /** A table sizes its columns from this many rows; later rows keep those widths. */
    public static final int TABLE_SAMPLE_ROWS = 1000;
    /** Longer cells are cut in a table (not in CSV or JSON). */
    static final int TABLE_CELL_LIMIT = 80;
    private static final JsonFactory FACTORY = new JsonFactory();

    /**
     * Prints every row of {@code rs} in this format.
     *
     * @return the number of rows printed
     */
    abstract long write(ResultSet rs, PrintWriter out) throws SQLException;

    /** Prints {@code rs} and flushes. */
    public long print(ResultSet rs, PrintWriter out) throws SQLException {
        long rows = write(rs, out);
        out.flush();
        return rows;
    }

    /** The format named {@code table}, {@code csv} or {@code json} (any case). */
    public static ResultFormat of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static boolean numeric(int sqlType) {
        return switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.FLOAT, Types.REAL, Types.DOUBLE,
                 Types.NUMERIC, Types.DECIMAL -> true;
            default -> false;
        };
    }

    private static String[] cells(ResultSet rs, int n) throws SQLException {
        String[] row = new String[n];
        for (int i = 0; i < n; i++) {
            String v = text(rs, i + 1);
            if (v == null) {
                v = "NULL";
            }
            v = v.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
            row[i] = v.length() > TABLE_CELL_LIMIT ? v.substring(0, TABLE_CELL_LIMIT - 1) + "…" : v;
        }
        return row;
    }

    /** Timestamps as Athena prints them, to the millisecond and free of the JVM's time zone. */
    private static final java.time.format.DateTimeFormatter TIMESTAMP =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    /** A value as text, or null: timestamps like Athena, everything else as DuckDB spells it. */
    private static String text(ResultSet rs, int i) throws SQLException {
        int type = rs.getMetaData().getColumnType(i);
        if (type == Types.TIMESTAMP) {
            java.time.LocalDateTime t = rs.getObject(i, java.time.LocalDateTime.class);
            return t == null ? null : TIMESTAMP.format(t);
        }
        if (type == Types.TIMESTAMP_WITH_TIMEZONE) {
            java.time.OffsetDateTime t = rs.getObject(i, java.time.OffsetDateTime.class);
            return t == null ? null : TIMESTAMP.format(t.withOffsetSameInstant(java.time.ZoneOffset.UTC)) + " UTC";
        }
        String v = rs.getString(i);
        return rs.wasNull() ? null : v;
    }

    private static String rule(int[] width) {
        StringBuilder s = new StringBuilder("+");
        for (int w : width) {
            s.append("-".repeat(w + 2)).append('+');
        }
        return s.toString();
    }

    private static String line(String[] cells, int[] width, boolean[] right) {
        StringBuilder s = new StringBuilder("|");
        for (int i = 0; i < cells.length; i++) {
            String pad = " ".repeat(Math.max(0, width[i] - cells[i].length()));
            s.append(' ').append(right[i] ? pad + cells[i] : cells[i] + pad).append(" |");
        }
        return s.toString();
    }

    private static String csv(String v) {
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    private static void writeValue(JsonGenerator g, ResultSet rs, int i, int sqlType) throws SQLException, IOException {
        Object v = rs.getObject(i);
        if (v == null) {
            g.writeNull();
        } else if (sqlType == Types.TIMESTAMP || sqlType == Types.TIMESTAMP_WITH_TIMEZONE || sqlType == Types.DATE
                || sqlType == Types.TIME) {
            g.writeString(text(rs, i));
        } else {
            writeObject(g, v);
        }
    }

    private static void writeObject(JsonGenerator g, Object v) throws IOException, SQLException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof BigInteger b) {
            g.writeNumber(b);
        } else if (v instanceof BigDecimal b) {
            g.writeNumber(b);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) {
                g.writeNumber(d);
            } else {
                g.writeString(Double.toString(d));
            }
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeObject(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Array a) {
            writeArray(g, (Object[]) a.getArray());
        } else if (v instanceof List<?> l) {
            writeArray(g, l.toArray());
        } else if (v instanceof Struct s) {
            writeArray(g, s.getAttributes());
        } else {
            g.writeString(v.toString());
        }
    }

    private static void writeArray(JsonGenerator g, Object[] items) throws IOException, SQLException {
        g.writeStartArray();
        for (Object o : items) {
            writeObject(g, o);
        }
        g.writeEndArray();
    }
}
