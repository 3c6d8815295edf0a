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
import java.sql.SQLException;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duckdb.DuckDBStruct;

/**
 * How query results are printed: an aligned text table for people, CSV for spreadsheets, or one
 * JSON array of objects keyed by column name for programs. Used by {@code query --sql} and by
 * anything else that prints a result set. Rows are streamed (a table buffers only the first
 * {@value #TABLE_SAMPLE_ROWS} rows to size its columns).
 */
public enum ResultFormat {
    TABLE {
        @Override
        long write(ResultRows rows, PrintWriter out) throws SQLException {
            int n = rows.columnCount();
            String[] names = new String[n];
            boolean[] right = new boolean[n];
            int[] width = new int[n];
            for (int i = 0; i < n; i++) {
                names[i] = rows.name(i);
                right[i] = rows.numeric(i);
                width[i] = names[i].length();
            }
            List<String[]> sample = new ArrayList<>();
            boolean more = rows.next();
            while (more && sample.size() < TABLE_SAMPLE_ROWS) {
                String[] row = cells(rows, n);
                for (int i = 0; i < n; i++) {
                    width[i] = Math.max(width[i], row[i].length());
                }
                sample.add(row);
                more = rows.next();
            }
            String rule = rule(width);
            out.println(rule);
            out.println(line(names, width, new boolean[n]));
            out.println(rule);
            long count = 0;
            for (String[] row : sample) {
                out.println(line(row, width, right));
                count++;
            }
            while (more) {
                out.println(line(cells(rows, n), width, right));
                count++;
                more = rows.next();
            }
            out.println(rule);
            out.println("(" + count + (count == 1 ? " row)" : " rows)"));
            return count;
        }
    },
    CSV {
        @Override
        long write(ResultRows rows, PrintWriter out) throws SQLException {
            int n = rows.columnCount();
            StringBuilder header = new StringBuilder();
            for (int i = 0; i < n; i++) {
                header.append(i == 0 ? "" : ",").append(csv(rows.name(i)));
            }
            out.print(header.append("\r\n"));
            long count = 0;
            while (rows.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    String v = rows.text(i);
                    line.append(i == 0 ? "" : ",").append(v == null ? "" : csv(v));
                }
                out.print(line.append("\r\n"));
                count++;
            }
            return count;
        }
    },
    JSON {
        @Override
        long write(ResultRows rows, PrintWriter out) throws SQLException {
            int n = rows.columnCount();
            long count = 0;
            try {
                JsonGenerator g = FACTORY.createGenerator(out);
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.writeRaw('[');
                while (rows.next()) {
                    g.writeRaw(count == 0 ? "\n" : ",\n");
                    g.writeStartObject();
                    for (int i = 0; i < n; i++) {
                        g.writeFieldName(rows.name(i));
                        writeObject(g, rows.value(i));
                    }
                    g.writeEndObject();
                    g.flush();
                    count++;
                }
                g.writeRaw(count == 0 ? "]\n" : "\n]\n");
                g.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return count;
        }
    };

    /** A table sizes its columns from this many rows; later rows keep those widths. */
    public static final int TABLE_SAMPLE_ROWS = 1000;
    /** Longer cells are cut in a table (not in CSV or JSON). */
    static final int TABLE_CELL_LIMIT = 80;
    private static final JsonFactory FACTORY = new JsonFactory();

    /**
     * Prints every row in this format.
     *
     * @return the number of rows printed
     */
    abstract long write(ResultRows rows, PrintWriter out) throws SQLException;

    /** Prints every row of {@code rs} and flushes. */
    public long print(ResultSet rs, PrintWriter out) throws SQLException {
        return print(ResultRows.of(rs), out);
    }

    /** Prints {@code rows} and flushes. */
    public long print(ResultRows rows, PrintWriter out) throws SQLException {
        long count = write(rows, out);
        out.flush();
        return count;
    }

    /** The format named {@code table}, {@code csv} or {@code json} (any case). */
    public static ResultFormat of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static String[] cells(ResultRows rows, int n) throws SQLException {
        String[] row = new String[n];
        for (int i = 0; i < n; i++) {
            String v = rows.display(i);
            if (v == null) {
                v = "NULL";
            }
            v = v.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
            row[i] = v.length() > TABLE_CELL_LIMIT ? v.substring(0, TABLE_CELL_LIMIT - 1) + "…" : v;
        }
        return row;
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
        } else if (v instanceof DuckDBStruct s) {
            writeObject(g, s.getMap()); // an object keyed by field name, as DuckDB's own JSON gives it
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
