/**
 * {@code ingest}: inputs recognised by content and cut into Firehose records (one framing per
 * kind), the Firehose simulator around the real transformer, and the ordered, parallel pipeline
 * into the store.
 */
package dev.apigwinsights.local.ingest;
