package dev.apigwinsights.enrich;

/**
 * Usage plans could not be loaded: a malformed usage-plans file, an exhausted time budget or a
 * pagination loop. The message is safe to log (no key values, no payload).
 */
final class UsagePlanLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsagePlanLoadException(String message) {
        super(message);
    }

    UsagePlanLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
