/**
 * The canonical schema and its vocabulary: {@link dev.apigwinsights.schema.CanonicalField} (the
 * columns, the single source of truth for the writer, the Glue table and every query),
 * {@link dev.apigwinsights.schema.ContextVariable} (the {@code $context} variables a format can
 * log), the record and its JSON writer, request times and the range they must fall in. Depends
 * on {@code util} only.
 */
package dev.apigwinsights.schema;
