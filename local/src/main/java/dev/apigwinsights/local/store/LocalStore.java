package dev.apigwinsights.local.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The local catalog: an in-memory DuckDB database whose view {@code access_logs} has exactly the
 * Glue table's columns (generated from {@code CanonicalField}, same names and order, plus the
 * partition columns {@code year}, {@code month}, {@code day} as VARCHAR), read from the Parquet
 * files under {@code DATA/logs/}. Athena queries run unchanged apart from dialect functions.
 * {@code access_logs_processing_failed} reads the Firehose error documents, with the columns the
 * stack's crawler would catalog.
 *
 * <p><b>Readers and a running ingest.</b> Nothing here locks the data directory: any number of
 * processes may hold a store open while one {@code ingest} writes. An ingest only adds files, each
 * written elsewhere and renamed into place, so a query sees every file whole or not at all; the
 * file list is taken when a query starts, so each query sees the days committed by then. The
 * view's column list is fixed when the store is opened; {@link #refresh()} re-reads it (needed
 * only when the store was empty at open, or files of a newer schema arrived).
 */
public final class LocalStore implements AutoCloseable {
    private final StoreLayout layout;
    private final Connection connection;

    private LocalStore(StoreLayout layout, Connection connection) {
        this.layout = layout;
        this.connection = connection;
    }

    /**
     * Opens the store of {@code dataDir}; a directory with no data yet (or none at all) gives
     * empty views.
     */
    public static LocalStore open(Path dataDir) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        LocalStore store = new LocalStore(new StoreLayout(dataDir), c);
        try {
            try (Statement s = c.createStatement()) {
                // Row files never change once renamed into place, so their footers can be cached.
                s.execute("SET parquet_metadata_cache = true");
            }
            store.refresh();
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return store;
    }

    /** A connection to the in-memory catalog; closed with the store. Use it from one thread at a time. */
    public Connection connection() {
        return connection;
    }

    public Path dataDir() {
        return layout.root();
    }

    public StoreLayout layout() {
        return layout;
    }

    /** Re-creates the views from the files now in the data directory. */
    public void refresh() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE OR REPLACE VIEW " + StoreSchema.ACCESS_LOGS + " AS " + accessLogsQuery(s));
            s.execute("CREATE OR REPLACE VIEW " + StoreSchema.PROCESSING_FAILED + " AS " + processingFailedQuery());
        }
    }

    private String accessLogsQuery(Statement s) throws SQLException {
        if (!hasFiles(layout.logs(), StoreLayout.ROW_FILE_SUFFIX)) {
            return StoreSchema.emptySelect(StoreSchema.accessLogsColumns());
        }
        String files = StoreSchema.literal(layout.rowFilesGlob());
        Set<String> present = new HashSet<>();
        try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + files + ", union_by_name = true)")) {
            while (rs.next()) {
                present.add(rs.getString(1));
            }
        }
        return "SELECT " + StoreSchema.accessLogsSelect(present) + " FROM read_parquet(" + files
                + ", hive_partitioning = true, hive_types = " + StoreSchema.hiveTypes() + ", union_by_name = true)";
    }

    private String processingFailedQuery() {
        if (!hasFiles(layout.processingFailed(), "")) {
            return StoreSchema.emptySelect(StoreSchema.processingFailedColumns());
        }
        return "SELECT attemptsMade AS attemptsmade, arrivalTimestamp AS arrivaltimestamp, errorCode AS errorcode,"
                + " errorMessage AS errormessage, attemptEndingTimestamp AS attemptendingtimestamp, rawData AS rawdata,"
                + " lambdaArn AS lambdaarn, year, month, day FROM read_json("
                + StoreSchema.literal(layout.processingFailedGlob()) + ", format = 'newline_delimited', columns = "
                + StoreSchema.errorDocumentJsonColumns() + ", hive_partitioning = true, hive_types = "
                + StoreSchema.hiveTypes() + ")";
    }

    /** True when a committed file (at the partition depth, with the suffix) exists under {@code dir}. */
    static boolean hasFiles(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.find(dir, 4, (p, a) -> a.isRegularFile()
                && dir.relativize(p).getNameCount() == 4 && p.getFileName().toString().endsWith(suffix)
                && !p.getFileName().toString().startsWith("."))) {
            return files.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
