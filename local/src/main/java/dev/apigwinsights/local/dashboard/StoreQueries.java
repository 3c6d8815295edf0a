package dev.apigwinsights.local.dashboard;

import dev.apigwinsights.insights.Insight;
import dev.apigwinsights.insights.InsightParams;
import dev.apigwinsights.insights.Insights;
import dev.apigwinsights.insights.JdbcQueryRunner;
import dev.apigwinsights.insights.QueryResult;
import dev.apigwinsights.local.store.LocalStore;
import java.sql.Connection;
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

    /** What the page shows about the store and bases its time presets on. */
    public StoreSummary summary() throws SQLException {
        Connection c = borrow();
        try (Statement s = c.createStatement()) {
            long rows;
            Instant first = null;
            Instant last = null;
            try (ResultSet rs = s.executeQuery("SELECT count(*), min(request_time), max(request_time) FROM access_logs")) {
                rs.next();
                rows = rs.getLong(1);
                LocalDateTime min = rs.getObject(2, LocalDateTime.class);
                LocalDateTime max = rs.getObject(3, LocalDateTime.class);
                if (min != null) {
                    first = min.toInstant(ZoneOffset.UTC);
                    last = max.toInstant(ZoneOffset.UTC);
                }
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
