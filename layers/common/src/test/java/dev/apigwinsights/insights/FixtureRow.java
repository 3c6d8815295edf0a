package dev.apigwinsights.insights;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One canonical row of the test fixture, by column name (as written to DuckDB). Typed accessors keep
 * the oracles readable.
 */
final class FixtureRow {

    final Map<String, Object> values = new LinkedHashMap<>();

    FixtureRow set(String column, Object value) {
        if (value == null) {
            values.remove(column);
        } else {
            values.put(column, value);
        }
        return this;
    }

    String str(String column) {
        return (String) values.get(column);
    }

    Long lng(String column) {
        Object v = values.get(column);
        return v == null ? null : ((Number) v).longValue();
    }

    Instant time() {
        return (Instant) values.get("request_time");
    }

    /** {@code resource_path} when set, else {@code route_key}. */
    String route() {
        return str("resource_path") != null ? str("resource_path") : str("route_key");
    }

    boolean is(String column, String value) {
        return value.equals(values.get(column));
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
