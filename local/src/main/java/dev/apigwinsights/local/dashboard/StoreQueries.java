package dev.apigwinsights.local.dashboard;

import dev.apigwinsights.insights.Insight;
import dev.apigwinsights.insights.InsightParams;
import dev.apigwinsights.insights.Insights;
import dev.apigwinsights.insights.JdbcQueryRunner;
import dev.apigwinsights.insights.QueryResult;
import dev.apigwinsights.local.store.LocalStore;
import dev.apigwinsights.local.store.StoreLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Stream;

/**
 * Runs catalog insights on the local store for several request threads at once. DuckDB
 * connections are not thread-safe, so each query borrows one of a fixed set of duplicates of the
 * store's connection (same in-memory catalog, hence the same {@code access_logs} view) and returns
 * it afterwards; the set's size bounds how many queries share the machine's cores.
 */
public final class StoreQueries implements AutoCloseable {

    private final LocalStore store;
    private final Insights insights;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();
    private volatile CachedSummary summary;

    public StoreQueries(LocalStore store, Insights insights, int connections) throws SQLException {
        this.store = store;
        this.insights = insights;
        this.idle = new ArrayBlockingQueue<>(connections);
        org.duckdb.DuckDBConnection main = store.connection().unwrap(org.duckdb.DuckDBConnection.class);
        try {
            for (int i = 0; i < connections; i++) {
                Connection c = main.duplicate();
                all.add(c);
                idle.add(c);
            }
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    public Insights insights() {
        return insights;
    }

    /** Runs insight {@code insight} with {@code params} on a borrowed connection. */
    public QueryResult run(Insight insight, InsightParams params) {
        Connection c = borrow();
        try {
            return insights.run(insight.id(), JdbcQueryRunner.duckDb(c), params);
        } finally {
            idle.add(c);
        }
    }

    /**
     * What the store holds now, cheaply: the number, total size and newest modification time of its
     * row files. Ingest only adds files (renamed into place), so a different fingerprint means new
     * data, and an equal one means answers computed before are still right.
     */
    public String fingerprint() {
        Path logs = store.layout().logs();
        if (!Files.isDirectory(logs)) {
            return "empty";
        }
        long[] files = new long[3];
        try (Stream<Path> found = Files.find(logs, 4, (p, a) -> a.isRegularFile() && p.getFileName().toString().endsWith(StoreLayout.ROW_FILE_SUFFIX))) {
            found.forEach(p -> {
                try {
                    files[0]++;
                    files[1] += Files.size(p);
                    files[2] = Math.max(files[2], Files.getLastModifiedTime(p).toMillis());
                } catch (IOException e) {
                    files[2] = -1;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return "unreadable-" + System.nanoTime();
        }
        return files[0] + "/" + files[1] + "/" + files[2];
    }

    /** What the page shows about the store and bases its time presets on (recomputed when the store changes). */
    public StoreSummary summary() throws SQLException {
        String now = fingerprint();
        CachedSummary cached = summary;
        if (cached != null && cached.fingerprint().equals(now)) {
            return cached.summary();
        }
        StoreSummary fresh = computeSummary();
        summary = new CachedSummary(now, fresh);
        return fresh;
    }

    private record CachedSummary(String fingerprint, StoreSummary summary) {
    }

    private StoreSummary computeSummary() throws SQLException {
        Connection c = borrow();
        try (Statement s = c.createStatement()) {
            long rows;
            Instant first = null;
            Instant last = null;
            String firstDay;
            String lastDay;
            // Row counts and partition values come from the files' metadata and paths; the first
            // and last request times are then read from those two days only.
            try (ResultSet rs = s.executeQuery("SELECT count(*), min(concat(year, '-', month, '-', day)),"
                    + " max(concat(year, '-', month, '-', day)) FROM access_logs")) {
                rs.next();
                rows = rs.getLong(1);
                firstDay = rs.getString(2);
                lastDay = rs.getString(3);
            }
            if (rows > 0) {
                first = timeOnDay(c, "min", firstDay);
                last = timeOnDay(c, "max", lastDay);
            }
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT column_name FROM information_schema.columns"
                    + " WHERE table_name = 'access_logs' ORDER BY ordinal_position")) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            return new StoreSummary(store.dataDir().toString(), rows, Optional.ofNullable(first), Optional.ofNullable(last), columns);
        } finally {
            idle.add(c);
        }
    }

    /** {@code min} or {@code max} of {@code request_time} on one partition day ({@code yyyy-MM-dd}). */
    private static Instant timeOnDay(Connection c, String aggregate, String day) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + aggregate + "(request_time) FROM access_logs"
                + " WHERE year = ? AND month = ? AND day = ?")) {
            String[] parts = day.split("-");
            for (int i = 0; i < 3; i++) {
                p.setString(i + 1, parts[i]);
            }
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                LocalDateTime t = rs.getObject(1, LocalDateTime.class);
                return t == null ? null : t.toInstant(ZoneOffset.UTC);
            }
        }
    }

    private Connection borrow() {
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a store connection", e);
        }
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** The store at a glance: its directory, row count, first and last request time, and columns. */
    public record StoreSummary(String dataDir, long rows, Optional<Instant> first, Optional<Instant> last, List<String> columns) {
    }
}
