/**
 * Parsers: one access-log entry in, the raw value of each {@code $context} variable out
 * ({@link dev.apigwinsights.parse.RawAccessLog}, the one door every parser writes through and
 * where secrets are dropped). JSON lines with any key names ({@link dev.apigwinsights.parse.KeyAliases}),
 * including JSON that API Gateway wrote without escaping quotes; the auto-detecting parser for
 * lines of unknown format. Depends on {@code schema} (the vocabulary) and {@code util}.
 */
package dev.apigwinsights.parse;
