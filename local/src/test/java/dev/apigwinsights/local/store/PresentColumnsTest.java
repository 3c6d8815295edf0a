package dev.apigwinsights.local.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwinsights.schema.CanonicalField;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresentColumnsTest {
    private static final String[] COLUMNS = columns();
    private static final String[] TRICKY = {"plain", "a \\\"quoted\\\" }{, value", "back\\\\slash\\\\", "", "{\\\"not\\\":\\\"nested\\\"}",
        "\\u00e9t\\u00e9 \\ud83d\\ude00", "comma, and ] bracket"};

    @TempDir
    Path tmp;

    @Test
    void marksTheTopLevelKeysOfATransformerLine() {
        PresentColumns c = new PresentColumns();
        add(c, "{\"request_id\":\"r1\",\"status\":404,\"user_agent\":\"x \\\",\\\"path\\\":\\\"}{\\\", y\","
                + "\"extra\":{\"k\":\"v},{\",\"n\":\"[\"}}\n");

        assertThat(c.all()).isFalse();
        assertThat(c.has("status")).isTrue();
        assertThat(c.has("user_agent")).isTrue();
        assertThat(c.has("extra")).isTrue();
        assertThat(c.has("path")).as("only inside a string").isFalse();
        assertThat(c.has("stage")).isFalse();
        assertThat(c.has(StoreSchema.LINE_HASH)).as("the dedupe key's columns are always written").isTrue();
    }

    @Test
    void findsKeysOutOfSchemaOrderAndIgnoresUnknownOnes() {
        PresentColumns c = new PresentColumns();
        add(c, "{\"stage\":\"prod\",\"not_a_column\":[1,{\"a\":\"]\"}],\"api_id\":\"a1\"}");
        add(c, "{\"http_method\":\"GET\"}");

        assertThat(c.all()).isFalse();
        assertThat(c.has("stage")).isTrue();
        assertThat(c.has("api_id")).isTrue();
        assertThat(c.has("http_method")).isTrue();
        assertThat(c.has("not_a_column")).isFalse();
    }

    @Test
    void keepsEveryColumnForRowsNotInTheTransformersShapeOrPassedThrough() {
        for (String odd : List.of("{ \"stage\":\"prod\"}", "[1]", "", "{}")) {
            PresentColumns c = new PresentColumns();
            add(c, odd);
            assertThat(c.all()).as(odd).isTrue();
            assertThat(c.has("path")).as(odd).isTrue();
        }
        PresentColumns passedThrough = new PresentColumns();
        passedThrough.addAll();
        assertThat(passedThrough.has("path")).isTrue();
    }

    /**
     * What the store relies on: every column DuckDB reads a value of from a spool (as the commit
     * reads it) is marked, whatever the key order, nulls and string contents. A null or a nested
     * map's key named like a column may mark a column too: that only writes an all-null column.
     * Rows without either are marked exactly.
     */
    @Test
    void marksEveryColumnDuckDbReadsAValueOfOnRandomRows() throws IOException, SQLException {
        SplittableRandom random = new SplittableRandom(17);
        for (int round = 0; round < 60; round++) {
            boolean exact = round % 2 == 0;
            PresentColumns c = new PresentColumns();
            List<String> rows = new ArrayList<>();
            int width = random.nextInt(1, 12);
            for (int r = 0; r < random.nextInt(1, 30); r++) {
                StringBuilder row = new StringBuilder("{");
                int from = random.nextInt(COLUMNS.length);
                for (int k = 0; k < width; k++) {
                    String column = COLUMNS[(from + k * 7) % COLUMNS.length];
                    row.append(row.length() == 1 ? "" : ",").append('"').append(column).append("\":").append(value(column, random, exact));
                }
                rows.add(row.append('}').toString());
                add(c, rows.get(rows.size() - 1) + "\n");
            }
            assertThat(c.all()).isFalse();
            Path spool = Files.write(tmp.resolve("spool-" + round + ".ndjson"), rows, StandardCharsets.UTF_8);
            long[] values = nonNull(spool);
            for (int i = 0; i < COLUMNS.length; i++) {
                String column = COLUMNS[i];
                boolean always = column.equals("request_id") || column.equals(StoreSchema.LINE_HASH);
                if (values[i] > 0 || always) {
                    assertThat(c.has(column)).as("round %d column %s", round, column).isTrue();
                } else if (exact) {
                    assertThat(c.has(column)).as("round %d column %s", round, column).isFalse();
                }
            }
        }
    }

    /** A value of the column's type; unless {@code exact}, sometimes null, and a nested map keyed by column names. */
    private static String value(String column, SplittableRandom random, boolean exact) {
        if (!exact && random.nextInt(4) == 0) {
            return "null";
        }
        if (column.equals("extra")) {
            String key = exact ? "k" : COLUMNS[random.nextInt(COLUMNS.length)];
            return "{\"" + key + "\":\"" + TRICKY[random.nextInt(TRICKY.length)] + "\",\"j\":\"v\"}";
        }
        CanonicalField f = field(column);
        if (f != null && (f.type() == CanonicalField.Type.INT || f.type() == CanonicalField.Type.BIGINT)) {
            return Integer.toString(random.nextInt(-5, 100_000));
        }
        if (f != null && f.type() == CanonicalField.Type.DOUBLE) {
            return random.nextInt(1000) + ".25";
        }
        if (f != null && f.type() == CanonicalField.Type.TIMESTAMP) {
            return "\"2024-02-01 06:47:0" + random.nextInt(10) + ".123\"";
        }
        return "\"" + TRICKY[random.nextInt(TRICKY.length)] + "\"";
    }

    /** Per column of {@link #COLUMNS}, the values DuckDB reads from the spool as the store's commit does. */
    private static long[] nonNull(Path spool) throws SQLException {
        StringBuilder counts = new StringBuilder();
        for (String column : COLUMNS) {
            counts.append(counts.length() == 0 ? "" : ", ").append("count(").append(StoreSchema.quote(column)).append(')');
        }
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + counts + " FROM read_json(" + StoreSchema.literal(spool.toString())
                     + ", format = 'newline_delimited', columns = " + StoreSchema.canonicalJsonColumns(column -> true) + ")")) {
            rs.next();
            long[] out = new long[COLUMNS.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = rs.getLong(i + 1);
            }
            return out;
        }
    }

    private static CanonicalField field(String column) {
        for (CanonicalField f : CanonicalField.values()) {
            if (f.column().equals(column)) {
                return f;
            }
        }
        return null;
    }

    private static String[] columns() {
        List<String> out = new ArrayList<>();
        for (CanonicalField f : CanonicalField.values()) {
            out.add(f.column());
        }
        out.add(StoreSchema.LINE_HASH);
        return out.toArray(String[]::new);
    }

    private static void add(PresentColumns c, String row) {
        byte[] b = ("xx" + row).getBytes(StandardCharsets.UTF_8);
        c.add(b, 2, b.length - 2);
    }
}
