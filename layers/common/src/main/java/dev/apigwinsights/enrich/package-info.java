/**
 * Enrichment: facts that are not in the log line (the usage plan and customer of an API key),
 * loaded from the API Gateway API (or a usage-plans file) into a cached, periodically refreshed
 * snapshot. {@link dev.apigwinsights.enrich.Enrichers#fromSetting} builds the enricher a setting
 * asks for; {@link dev.apigwinsights.enrich.EnrichmentStatus} is the value of the
 * {@code enrichment_status} column. Depends on {@code schema} only; never fails a record.
 */
package dev.apigwinsights.enrich;
