/**
 * The local store: the stack's bucket layout on disk (Parquet rows, Firehose error documents) and
 * the embedded DuckDB catalog over it ({@link dev.apigwinsights.local.store.LocalStore}), written
 * idempotently and crash-safely by {@link dev.apigwinsights.local.store.StoreWriter}.
 */
package dev.apigwinsights.local.store;
