package dev.apigwinsights.derive;

/**
 * Why a request failed; the value of the {@code error_category} column (null for successful
 * requests). The rules are documented on {@link Derivations}.
 */
public enum ErrorCategory {
    /** The gateway or an authorizer refused the caller's credentials (401/403 family). */
    AUTH,
    /** A usage-plan quota was exhausted ({@code QUOTA_EXCEEDED}, "Limit Exceeded"). */
    QUOTA,
    /** Rate limiting ({@code THROTTLED}, "Too Many Requests", 429). */
    THROTTLE,
    /** The request was malformed or failed validation (400, 413, 415, 422). */
    VALIDATION,
    /** No resource or route matched (404). */
    NOT_FOUND,
    /** AWS WAF blocked the request. */
    WAF,
    /** API Gateway could not get a valid response from the integration (timeouts, connection and configuration errors, 502/504). */
    INTEGRATION,
    /** Any other server-side failure: a 5xx from the backend, gateway or authorizer malfunction. */
    SERVER,
    /** An error that fits no other category. */
    OTHER
}
