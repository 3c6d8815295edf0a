package dev.apigwinsights.insights;

import java.util.List;

/**
 * Runs a rendered query on an engine and returns typed rows: DuckDB through JDBC
 * ({@link JdbcQueryRunner}) locally, Athena in the report Lambda. The engine's result columns must
 * be exactly {@code columns}, in order; values are converted to each column's {@link ValueType}.
 */
public interface QueryRunner {

    /** The dialect this runner's engine speaks. */
    Dialect dialect();

    /**
     * Runs {@code query} (rendered for {@link #dialect()}).
     *
     * @throws QueryException when the engine fails or returns columns other than {@code columns}
     */
    QueryResult run(SqlQuery query, List<ResultColumn> columns);
}
