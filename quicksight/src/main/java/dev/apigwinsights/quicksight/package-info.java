/**
 * The QuickSight side of apigw-insights, as code: a typed description of data sets, sheets,
 * visuals, filters, calculated fields and parameters ({@link dev.apigwinsights.quicksight.DashboardSpec}
 * and its parts), builders that turn it into a QuickSight {@code Definition}
 * ({@link dev.apigwinsights.quicksight.DefinitionBuilder}), the nested CloudFormation template that
 * deploys it ({@link dev.apigwinsights.quicksight.QuickSightTemplate}), and the semantic checks a
 * definition must pass ({@link dev.apigwinsights.quicksight.DefinitionChecks}). What goes on the
 * dashboard is decided from the insight catalog in {@link dev.apigwinsights.quicksight.catalog}.
 */
package dev.apigwinsights.quicksight;
