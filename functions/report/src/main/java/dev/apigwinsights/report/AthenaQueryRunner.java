package dev.apigwinsights.report;

import dev.apigwinsights.insights.Dialect;
import dev.apigwinsights.insights.QueryException;
import dev.apigwinsights.insights.QueryResult;
import dev.apigwinsights.insights.QueryRunner;
import dev.apigwinsights.insights.ResultColumn;
import dev.apigwinsights.insights.SqlQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.Row;

/**
 * Runs catalog queries on Athena in the stack's workgroup: {@code StartQueryExecution} with the
 * query's bindings as execution parameters (never spliced into the SQL), polls
 * {@code GetQueryExecution} with exponential backoff, pages through {@code GetQueryResults}, and
 * converts each text cell to its column's type. A FAILED or CANCELLED query (the workgroup cancels
 * queries that scan more than its cutoff) or one that outlives {@code timeout} fails with Athena's
 * reason; bytes scanned are counted for the logs. Thread-safe: a report runs several queries at once.
 */
public final class AthenaQueryRunner implements QueryRunner {
    private static final Logger LOG = LoggerFactory.getLogger(AthenaQueryRunner.class);

    /** How to wait for a query: first pause, growth factor, longest pause, and when to give up. */
    public record Polling(Duration first, double factor, Duration max, Duration timeout) {
        public static final Polling DEFAULT = new Polling(Duration.ofMillis(300), 1.6, Duration.ofSeconds(5), Duration.ofMinutes(10));
    }

    /** Pauses between polls; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final AthenaClient athena;
    private final String workGroup;
    private final String database;
    private final Polling polling;
    private final Sleeper sleeper;
    private final Clock clock;
    private final AtomicLong bytesScanned = new AtomicLong();
    private final AtomicLong queries = new AtomicLong();

    public AthenaQueryRunner(AthenaClient athena, String workGroup, String database, Polling polling, Sleeper sleeper, Clock clock) {
        this.athena = Objects.requireNonNull(athena, "athena");
        this.workGroup = Objects.requireNonNull(workGroup, "workGroup");
        this.database = Objects.requireNonNull(database, "database");
        this.polling = Objects.requireNonNull(polling, "polling");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Dialect dialect() {
        return Dialect.ATHENA;
    }

    /** Bytes Athena scanned for this runner's queries so far (what Athena bills). */
    public long bytesScanned() {
        return bytesScanned.get();
    }

    public long queries() {
        return queries.get();
    }

    @Override
    public QueryResult run(SqlQuery query, List<ResultColumn> columns) {
        if (query.dialect() != Dialect.ATHENA) {
            throw new IllegalArgumentException("query rendered for " + query.dialect() + ", Athena needs " + Dialect.ATHENA);
        }
        String id = athena.startQueryExecution(b -> {
            b.queryString(query.sql())
                    .workGroup(workGroup)
                    .queryExecutionContext(c -> c.database(database));
            if (!query.bindings().isEmpty()) {
                b.executionParameters(query.athenaExecutionParameters());
            }
        }).queryExecutionId();
        QueryExecution execution = await(id);
        long scanned = execution.statistics() == null || execution.statistics().dataScannedInBytes() == null
                ? 0 : execution.statistics().dataScannedInBytes();
        bytesScanned.addAndGet(scanned);
        queries.incrementAndGet();
        List<Object[]> rows = results(id, columns);
        LOG.info("athena query {} succeeded: {} rows, {} bytes scanned", id, rows.size(), scanned);
        return new QueryResult(columns, rows);
    }

    private QueryExecution await(String id) {
        Instant deadline = clock.instant().plus(polling.timeout());
        Duration pause = polling.first();
        while (true) {
            QueryExecution execution = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution();
            QueryExecutionState state = execution.status().state();
            if (state == QueryExecutionState.SUCCEEDED) {
                return execution;
            }
            if (state == QueryExecutionState.FAILED || state == QueryExecutionState.CANCELLED) {
                throw new QueryException("Athena query " + id + " " + state + ": " + reason(execution, state));
            }
            if (!clock.instant().isBefore(deadline)) {
                athena.stopQueryExecution(b -> b.queryExecutionId(id));
                throw new QueryException("Athena query " + id + " did not finish within " + polling.timeout() + "; stopped it");
            }
            try {
                sleeper.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                athena.stopQueryExecution(b -> b.queryExecutionId(id));
                throw new QueryException("interrupted while waiting for Athena query " + id, e);
            }
            long next = Math.min((long) (pause.toMillis() * polling.factor()), polling.max().toMillis());
            pause = Duration.ofMillis(Math.max(next, 1));
        }
    }

    private static String reason(QueryExecution execution, QueryExecutionState state) {
        StringBuilder b = new StringBuilder();
        if (execution.status().stateChangeReason() != null) {
            b.append(execution.status().stateChangeReason());
        }
        if (execution.status().athenaError() != null && execution.status().athenaError().errorMessage() != null
                && !b.toString().contains(execution.status().athenaError().errorMessage())) {
            b.append(b.length() > 0 ? " (" : "").append(execution.status().athenaError().errorMessage()).append(b.length() > 0 ? ")" : "");
        }
        if (state == QueryExecutionState.CANCELLED) {
            b.append(b.length() > 0 ? "; " : "").append("the workgroup cancels queries that scan more than its bytes-scanned cutoff"
                    + " (AthenaBytesScannedCutoff)");
        }
        return b.length() == 0 ? "no reason given" : b.toString();
    }

    private List<Object[]> results(String id, List<ResultColumn> columns) {
        List<Object[]> rows = new ArrayList<>();
        String token = null;
        boolean header = true;
        do {
            String next = token;
            GetQueryResultsResponse page = athena.getQueryResults(b -> b.queryExecutionId(id).maxResults(1000).nextToken(next));
            if (header) {
                checkColumns(id, page.resultSet().resultSetMetadata().columnInfo(), columns);
            }
            for (Row row : page.resultSet().rows()) {
                if (header) {
                    // The first row of the first page repeats the column names.
                    header = false;
                    continue;
                }
                rows.add(convert(id, row.data(), columns));
            }
            header = false;
            token = page.nextToken();
        } while (token != null);
        return rows;
    }

    private static void checkColumns(String id, List<ColumnInfo> info, List<ResultColumn> columns) {
        List<String> actual = info.stream().map(c -> c.name().toLowerCase(java.util.Locale.ROOT)).toList();
        List<String> expected = columns.stream().map(ResultColumn::name).toList();
        if (!actual.equals(expected)) {
            throw new QueryException("Athena query " + id + " returned columns " + actual + ", the insight declares " + expected);
        }
    }

    private static Object[] convert(String id, List<Datum> data, List<ResultColumn> columns) {
        if (data.size() != columns.size()) {
            throw new QueryException("Athena query " + id + " returned a row of " + data.size() + " cells for " + columns.size() + " columns");
        }
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            ResultColumn c = columns.get(i);
            try {
                values[i] = c.type().parse(data.get(i).varCharValue());
            } catch (IllegalArgumentException e) {
                throw new QueryException("Athena query " + id + ", column " + c.name() + ": " + e.getMessage(), e);
            }
        }
        return values;
    }
}
