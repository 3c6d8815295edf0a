package dev.apigwinsights.parse;

import dev.apigwinsights.schema.ContextVariable;

/**
 * Maps a JSON key of an access-log line to the context variable it holds. The standard resolver
 * ({@link KeyAliases}) knows the key names seen in the wild; a stage's own format string yields an
 * exact resolver. Must be thread-safe.
 */
@FunctionalInterface
public interface KeyResolver {

    /** @return the variable, or null when the key is not a known alias (it goes to {@code extra}) */
    ContextVariable resolve(String key);
}
