package dev.apigwinsights.enrich;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Knobs of the usage-plan cache. Every one has a default and an optional environment override
 * (read by {@link #fromEnvironment(Map)}); a malformed or out-of-range value fails the wiring with
 * a message that names the variable, rather than silently falling back.
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>Variable</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>{@value #TTL_ENV}</td><td>300</td>
 *       <td>How long a loaded snapshot counts as fresh. After that it is refreshed in the
 *       background while still being served.</td></tr>
 *   <tr><td>{@value #JITTER_ENV}</td><td>0.1</td>
 *       <td>Each refresh is scheduled up to this fraction of the TTL early (uniformly at random),
 *       so that many instances started together do not call the API together. 0 to 0.5.</td></tr>
 *   <tr><td>{@value #FIRST_LOAD_TIMEOUT_ENV}</td><td>5000</td>
 *       <td>How long the first enrichment (and the first after a SnapStart restore) waits for a
 *       load. The load carries on in the background after the wait gives up.</td></tr>
 *   <tr><td>{@value #EARLY_REFRESH_ENV}</td><td>60</td>
 *       <td>A key that is in no plan for its stage triggers an early refresh, at most once per
 *       this interval and never within it of the previous refresh attempt.</td></tr>
 *   <tr><td>{@value #REFRESH_BUDGET_ENV}</td><td>20000</td>
 *       <td>Time budget of one refresh, all pages and SDK retries (with backoff) included.</td></tr>
 *   <tr><td>{@value #RETRY_AFTER_FAILURE_ENV}</td><td>30</td>
 *       <td>After a failed refresh, wait this long before trying again.</td></tr>
 * </table>
 */
public record UsagePlanCacheConfig(
        Duration ttl,
        double jitterRatio,
        Duration firstLoadTimeout,
        Duration earlyRefreshMinInterval,
        Duration refreshBudget,
        Duration retryAfterFailure) {

    public static final String TTL_ENV = "USAGE_PLAN_CACHE_TTL_SECONDS";
    public static final String JITTER_ENV = "USAGE_PLAN_CACHE_JITTER_RATIO";
    public static final String FIRST_LOAD_TIMEOUT_ENV = "USAGE_PLAN_FIRST_LOAD_TIMEOUT_MS";
    public static final String EARLY_REFRESH_ENV = "USAGE_PLAN_EARLY_REFRESH_MIN_INTERVAL_SECONDS";
    public static final String REFRESH_BUDGET_ENV = "USAGE_PLAN_REFRESH_BUDGET_MS";
    public static final String RETRY_AFTER_FAILURE_ENV = "USAGE_PLAN_RETRY_AFTER_FAILURE_SECONDS";

    private static final double MAX_JITTER_RATIO = 0.5;

    public UsagePlanCacheConfig {
        requirePositive(ttl, "ttl");
        if (!(jitterRatio >= 0 && jitterRatio <= MAX_JITTER_RATIO)) {
            throw new IllegalArgumentException("jitterRatio must be between 0 and " + MAX_JITTER_RATIO + ": " + jitterRatio);
        }
        requireNotNegative(firstLoadTimeout, "firstLoadTimeout");
        requireNotNegative(earlyRefreshMinInterval, "earlyRefreshMinInterval");
        requirePositive(refreshBudget, "refreshBudget");
        requirePositive(retryAfterFailure, "retryAfterFailure");
    }

    public static UsagePlanCacheConfig defaults() {
        return new UsagePlanCacheConfig(Duration.ofMinutes(5), 0.1, Duration.ofSeconds(5),
                Duration.ofMinutes(1), Duration.ofSeconds(20), Duration.ofSeconds(30));
    }

    /** The defaults, overridden by whichever of the variables above are set (blank means unset). */
    public static UsagePlanCacheConfig fromEnvironment(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        UsagePlanCacheConfig d = defaults();
        return new UsagePlanCacheConfig(
                duration(env, TTL_ENV, d.ttl, false, true),
                ratio(env, JITTER_ENV, d.jitterRatio),
                duration(env, FIRST_LOAD_TIMEOUT_ENV, d.firstLoadTimeout, true, false),
                duration(env, EARLY_REFRESH_ENV, d.earlyRefreshMinInterval, false, false),
                duration(env, REFRESH_BUDGET_ENV, d.refreshBudget, true, true),
                duration(env, RETRY_AFTER_FAILURE_ENV, d.retryAfterFailure, false, true));
    }

    private static Duration duration(Map<String, String> env, String name, Duration fallback, boolean millis,
                                     boolean positive) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        long amount;
        try {
            amount = Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of " + (millis ? "milliseconds" : "seconds"), e);
        }
        if (amount < 0 || (positive && amount == 0)) {
            throw new IllegalArgumentException(name + (positive ? " must be positive" : " must not be negative"));
        }
        return millis ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
    }

    private static double ratio(Map<String, String> env, String name, double fallback) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(raw.strip());
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value >= 0 && value <= MAX_JITTER_RATIO)) {
            throw new IllegalArgumentException(name + " must be a number between 0 and " + MAX_JITTER_RATIO);
        }
        return value;
    }

    private static void requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
    }

    private static void requireNotNegative(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative: " + d);
        }
    }
}
