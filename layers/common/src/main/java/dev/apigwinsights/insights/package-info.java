/**
 * The insight catalog: every question an API owner asks of the canonical {@code access_logs}
 * table, defined once as a typed, declarative {@link dev.apigwinsights.insights.Insight} and
 * answered on Athena and DuckDB with the same numbers.
 *
 * <p>{@link dev.apigwinsights.insights.Insights} is the entry point (list, render, run).
 * {@link dev.apigwinsights.insights.InsightCatalog} holds the insights, one class per sheet.
 * {@link dev.apigwinsights.insights.SqlContext} renders SQL per
 * {@link dev.apigwinsights.insights.Dialect} with the partition predicate and bound
 * {@link dev.apigwinsights.insights.Filter} values; a {@link dev.apigwinsights.insights.QueryRunner}
 * runs it and returns a typed {@link dev.apigwinsights.insights.QueryResult}.
 *
 * <p>No engine here: JDBC is the JDK's, the DuckDB driver and the Athena SDK belong to the callers
 * (local mode, the report Lambda), so this package is safe in the Lambda layer.
 */
package dev.apigwinsights.insights;
