package dev.apigwinsights.enrich;

import dev.apigwinsights.schema.CanonicalRecord;

/**
 * Adds facts that are not in the log line itself (usage plan, customer) to a parsed record.
 * Called once per record, after parsing and derivation, on the transformer's hot path: an
 * implementation must be fast, must not block on the network for long, and must never throw for a
 * record (enrichment failure is recorded in {@code enrichment_status}, not raised).
 */
@FunctionalInterface
public interface Enricher {

    /** An enricher that leaves the enrichment columns null. */
    Enricher NONE = record -> { };

    void enrich(CanonicalRecord record);
}
