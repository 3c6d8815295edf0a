package dev.apigwinsights.enrich;

/**
 * An enricher that caches facts loaded from outside (usage plans) and must not trust them across a
 * SnapStart restore. The Lambda handler's CRaC resource calls {@link #invalidateAfterRestore()}
 * from {@code afterRestore}; this module stays free of {@code org.crac}.
 */
public interface Refreshable {

    /**
     * Marks the cached snapshot as not servable until it has been refreshed, and forgets anything
     * derived from time or randomness at checkpoint (refresh schedule, jitter generator). The next
     * enrichment triggers a refresh and waits for it, within the first-load timeout. Cheap and
     * non-blocking: safe to call from a restore hook.
     */
    void invalidateAfterRestore();
}
