package dev.apigwinsights.local.ingest;

import dev.apigwinsights.local.store.StoreSchema;
import dev.apigwinsights.schema.CanonicalField;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Objects the stack's Firehose delivered as Parquet (its default output): rows converted against
 * the Glue table. DuckDB turns the file's canonical columns back into canonical JSON lines, which
 * are then stored as {@link CanonicalRowsFraming} stores the JSON mode's objects. DuckDB needs a
 * file (Parquet keeps its index at the end): Parquet from standard input, gzip or an archive is
 * copied to a temporary file first.
 */
final class ParquetRowsFraming implements Framing {

    @Override
    public void read(InputStream in, InputContext context, RecordSink sink) throws IOException {
        Path copy = null;
        Path parquet = context.file();
        if (parquet == null) {
            copy = Files.createTempFile("apigw-insights-parquet-", ".parquet");
            Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            parquet = copy;
        }
        Path json = Files.createTempFile("apigw-insights-parquet-", ".ndjson");
        try {
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
                String file = StoreSchema.literal(parquet.toString());
                Map<String, String> present = new HashMap<>();
                try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + file + ")")) {
                    while (rs.next()) {
                        present.put(rs.getString(1), rs.getString(2));
                    }
                }
                StringBuilder select = new StringBuilder();
                for (CanonicalField f : CanonicalField.values()) {
                    String type = present.get(f.column());
                    if (type == null) {
                        continue;
                    }
                    String c2 = StoreSchema.quote(f.column());
                    // A time written as text (another tool's Parquet) is left as it is: a row whose
                    // text is not the canonical ISO form goes through the transformer, which reads it.
                    boolean typedTime = f == CanonicalField.REQUEST_TIME && (type.startsWith("TIMESTAMP") || type.equals("DATE"));
                    select.append(select.length() == 0 ? "" : ", ").append(typedTime
                            ? "strftime(CAST(" + c2 + " AS TIMESTAMP), '%Y-%m-%dT%H:%M:%S.%gZ') AS " + c2 : c2);
                }
                if (select.length() == 0) {
                    throw new IOException("Parquet file without any apigw-insights column");
                }
                s.execute("COPY (SELECT " + select + " FROM read_parquet(" + file + ")) TO "
                        + StoreSchema.literal(json.toString()) + " (FORMAT json)");
            } catch (SQLException e) {
                throw new IOException("unreadable Parquet: " + e.getMessage().lines().findFirst().orElse(""), e);
            }
            try (InputStream rows = Files.newInputStream(json)) {
                InputKind.CANONICAL_ROWS.framing().read(rows, context, sink);
            }
        } finally {
            Files.deleteIfExists(json);
            if (copy != null) {
                Files.deleteIfExists(copy);
            }
        }
    }
}
