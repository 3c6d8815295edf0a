package dev.apigwinsights.local.store;

import dev.apigwinsights.schema.CanonicalField;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The SQL of the local catalog, generated from {@link CanonicalField} the way the Glue table is:
 * the {@code access_logs} view (every canonical column with its DuckDB type, then the partition
 * columns {@code year}, {@code month}, {@code day} as VARCHAR, exactly as Athena sees them), the
 * JSON column spec that reads the transformer's output, and the error-document view.
 */
public final class StoreSchema {
    /** The table every Athena query names; the local view has the same name and columns. */
    public static final String ACCESS_LOGS = "access_logs";
    /** What the stack's failed-records crawler names the processing-failed table. */
    public static final String PROCESSING_FAILED = "access_logs_processing_failed";
    /**
     * A column stored beside the canonical ones but not in the view: a hash of the original log
     * entry, kept only for rows without a request id, so that re-ingesting the same line is
     * recognised (see docs/local-mode.md, "Idempotency").
     */
    public static final String LINE_HASH = "_line_hash";
    /**
     * The {@code COPY ... TO} options of row files, chosen by measurement (docs/local-mode.md, "File
     * format"): zstd at level 1 costs less CPU to write than the default level 3 for the same size,
     * and Parquet's version 2 encodings (delta-encoded timestamps and integers, delta-length
     * strings) make files about 15% smaller and cut reading CPU by 20&ndash;50% for most insights:
     * {@code request_time}, which every time filter reads, decodes three times faster.
     */
    public static final String ROW_FILE_OPTIONS = "FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, PARQUET_VERSION V2";

    /** A column of a view: name and DuckDB type. */
    public record Column(String name, String duckDbType) {
    }

    private StoreSchema() {
    }

    /** The columns of {@code access_logs}, in order: canonical fields, then partition keys. */
    public static List<Column> accessLogsColumns() {
        List<Column> out = new ArrayList<>();
        for (CanonicalField f : CanonicalField.values()) {
            out.add(new Column(f.column(), f.type().duckDbType()));
        }
        for (String key : CanonicalField.partitionKeys()) {
            out.add(new Column(key, "VARCHAR"));
        }
        return out;
    }

    /** The columns of the processing-failed view: Firehose's document fields, lower-cased as Glue catalogs them. */
    public static List<Column> processingFailedColumns() {
        List<Column> out = new ArrayList<>(List.of(
                new Column("attemptsmade", "BIGINT"),
                new Column("arrivaltimestamp", "BIGINT"),
                new Column("errorcode", "VARCHAR"),
                new Column("errormessage", "VARCHAR"),
                new Column("attemptendingtimestamp", "BIGINT"),
                new Column("rawdata", "VARCHAR"),
                new Column("lambdaarn", "VARCHAR")));
        for (String key : CanonicalField.partitionKeys()) {
            out.add(new Column(key, "VARCHAR"));
        }
        return out;
    }

    /** A double-quoted SQL identifier ({@code user} is a keyword in DuckDB). */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A single-quoted SQL string literal. */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /**
     * The {@code columns=} struct for {@code read_json} over the transformer's canonical lines: the
     * columns {@code kept} accepts, {@code extra} and the line hash always. INT columns are read as
     * BIGINT: the transformer keeps any whole number in them, and an out-of-range one must not fail a
     * whole file (see {@link #storedSelect}).
     */
    static String canonicalJsonColumns(Predicate<String> kept) {
        StringBuilder s = new StringBuilder("{");
        for (CanonicalField f : CanonicalField.values()) {
            if (!keeps(kept, f)) {
                continue;
            }
            String type = f.type() == CanonicalField.Type.INT ? "BIGINT" : f.type().duckDbType();
            s.append(literal(f.column())).append(':').append(literal(type)).append(',');
        }
        s.append(literal(LINE_HASH)).append(":'VARCHAR'}");
        return s.toString();
    }

    /**
     * The projection that turns rows read by {@link #canonicalJsonColumns} with the same {@code kept}
     * into stored rows: INT
     * columns cast to INTEGER; a value outside INTEGER's range becomes null and is kept as text in
     * {@code extra} under {@code <column>_raw}, as the transformer does for values that are not
     * numbers at all.
     */
    static String storedSelect(Predicate<String> kept) {
        List<String> ints = new ArrayList<>();
        for (CanonicalField f : CanonicalField.values()) {
            if (f.type() == CanonicalField.Type.INT && keeps(kept, f)) {
                ints.add(quote(f.column()));
            }
        }
        StringBuilder outOfRange = new StringBuilder();
        StringBuilder rawEntries = new StringBuilder();
        for (String c : ints) {
            String bad = "(" + c + " NOT BETWEEN -2147483648 AND 2147483647)";
            outOfRange.append(outOfRange.length() == 0 ? "" : " OR ").append(bad);
            rawEntries.append(rawEntries.length() == 0 ? "" : ", ")
                    .append("CASE WHEN ").append(bad).append(" THEN {'key': ")
                    .append(literal(c.substring(1, c.length() - 1) + "_raw")).append(", 'value': CAST(").append(c)
                    .append(" AS VARCHAR)} END");
        }
        StringBuilder s = new StringBuilder();
        for (CanonicalField f : CanonicalField.values()) {
            if (!keeps(kept, f)) {
                continue;
            }
            String c = quote(f.column());
            if (s.length() > 0) {
                s.append(", ");
            }
            if (f.type() == CanonicalField.Type.INT) {
                s.append("CASE WHEN ").append(c).append(" BETWEEN -2147483648 AND 2147483647 THEN CAST(").append(c)
                        .append(" AS INTEGER) END AS ").append(c);
            } else if (f == CanonicalField.EXTRA && !ints.isEmpty()) {
                s.append("CASE WHEN ").append(outOfRange).append(" THEN map_concat(coalesce(").append(c)
                        .append(", MAP {}), map_from_entries(list_filter([").append(rawEntries)
                        .append("], lambda e: e IS NOT NULL))) ELSE ").append(c).append(" END AS ").append(c);
            } else {
                s.append(c);
            }
        }
        s.append(", ").append(quote(LINE_HASH));
        return s.toString();
    }

    /** {@code extra} is always kept: an out-of-range integer of a kept column is moved into it. */
    private static boolean keeps(Predicate<String> kept, CanonicalField f) {
        return f == CanonicalField.EXTRA || kept.test(f.column());
    }

    /** The dedupe key of a stored row: its request id, else the hash of its original entry. */
    static String dedupeKey(String alias) {
        String p = alias == null ? "" : alias + ".";
        return "coalesce(" + p + quote(CanonicalField.REQUEST_ID.column()) + ", " + p + quote(LINE_HASH) + ")";
    }

    /**
     * The select list of {@code access_logs} over row files whose columns are {@code present}:
     * each canonical column cast to its type, or a typed null when no file has it yet (files
     * written before a column was added), then the partition columns.
     */
    static String accessLogsSelect(Set<String> present) {
        StringBuilder s = new StringBuilder();
        for (Column c : accessLogsColumns()) {
            if (s.length() > 0) {
                s.append(", ");
            }
            boolean partition = CanonicalField.partitionKeys().contains(c.name());
            String source = partition || present.contains(c.name()) ? quote(c.name()) : "NULL";
            s.append("CAST(").append(source).append(" AS ").append(c.duckDbType()).append(") AS ").append(quote(c.name()));
        }
        return s.toString();
    }

    /** A typed empty relation with the given columns, for a store that has no files yet. */
    static String emptySelect(List<Column> columns) {
        StringBuilder s = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            s.append(i == 0 ? "" : ", ").append("CAST(NULL AS ").append(c.duckDbType()).append(") AS ").append(quote(c.name()));
        }
        return s.append(" WHERE false").toString();
    }

    /** {@code hive_types} making the partition columns VARCHAR, as in the Glue table. */
    static String hiveTypes() {
        StringBuilder s = new StringBuilder("{");
        for (String key : CanonicalField.partitionKeys()) {
            s.append(s.length() == 1 ? "" : ", ").append(literal(key)).append(": 'VARCHAR'");
        }
        return s.append('}').toString();
    }

    /** {@code read_json} columns of a Firehose error document, as written on the wire. */
    static String errorDocumentJsonColumns() {
        return "{'attemptsMade': 'BIGINT', 'arrivalTimestamp': 'BIGINT', 'errorCode': 'VARCHAR', 'errorMessage': 'VARCHAR',"
                + " 'attemptEndingTimestamp': 'BIGINT', 'rawData': 'VARCHAR', 'lambdaArn': 'VARCHAR'}";
    }
}
