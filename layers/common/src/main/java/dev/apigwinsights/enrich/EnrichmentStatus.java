package dev.apigwinsights.enrich;

/**
 * The value of the {@code enrichment_status} column: how the usage-plan and customer columns of a
 * record were obtained. Exactly one per record; the name is what is written.
 */
public enum EnrichmentStatus {
    /** The key was found in the plan that governs the request's API stage; columns are current. */
    OK,
    /** The request carried no API key id (HTTP APIs, or a method that does not require a key). */
    NO_KEY,
    /**
     * The key is in no usage plan for the request's API stage. When the key itself is known (from
     * {@code GetApiKeys} or another plan) {@code api_key_name} and {@code customer_id} are still
     * filled; the plan columns stay null.
     */
    UNKNOWN_KEY,
    /**
     * The columns come from the last good snapshot, which is older than the cache TTL because
     * refreshing it failed (or, after a SnapStart restore, has not succeeded yet). Applied to keys
     * that were found (all columns filled) and to keys that were not (plan columns null): a key
     * missing from an old snapshot may simply be new.
     */
    STALE,
    /** The request had a key but no snapshot could ever be loaded; all enrichment columns are null. */
    UNAVAILABLE
}
