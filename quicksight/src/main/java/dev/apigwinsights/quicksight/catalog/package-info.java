/**
 * From the insight catalog ({@link dev.apigwinsights.insights}) to a QuickSight
 * {@link dev.apigwinsights.quicksight.DashboardSpec}: one sheet per catalog sheet, each
 * declarative insight as visuals over the access-log data set (its derived values as computed
 * columns and calculated fields, its fixed condition as a visual filter), each explicit-SQL insight
 * as a custom-SQL data set with its Athena SQL, the catalog's filters as controls scoped to the
 * visuals whose insight accepts them, and the insights QuickSight cannot show listed with the
 * reason. {@link dev.apigwinsights.quicksight.catalog.CatalogDashboard} is the entry point.
 */
package dev.apigwinsights.quicksight.catalog;
