/**
 * The local dashboard: an embedded HTTP server ({@link dev.apigwinsights.local.dashboard.DashboardServer},
 * the {@code serve} command) that answers the insight catalog over the local store as JSON, and the
 * self-contained HTML snapshot ({@link dev.apigwinsights.local.dashboard.Snapshot}, the
 * {@code dashboard} command). Both pages come from one template and one script
 * ({@link dev.apigwinsights.local.dashboard.DashboardPage}, resources beside this package), drawn
 * from the catalog's sheets, insights, chart kinds, units and filters
 * ({@link dev.apigwinsights.local.dashboard.CatalogJson}); nothing here computes a number itself.
 */
package dev.apigwinsights.local.dashboard;
