/**
 * Paginated PDF reports and per-customer statements, built from the insight catalog only: a
 * {@link dev.apigwinsights.reports.layout.ReportLayout} names catalog insights section by section,
 * {@link dev.apigwinsights.reports.ReportBuilder} runs them through a
 * {@link dev.apigwinsights.insights.QueryRunner} (Athena in the report Lambda, DuckDB locally) and
 * {@link dev.apigwinsights.reports.render.PdfReportRenderer} turns the results into a PDF. No
 * SQL, no AWS SDK clients, no Lambda types and no DuckDB here.
 */
package dev.apigwinsights.reports;
