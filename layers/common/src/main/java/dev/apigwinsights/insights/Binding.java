package dev.apigwinsights.insights;

import java.util.Objects;

/**
 * The value of one {@code ?} of a rendered query, with a name saying what it is ({@code from_time},
 * {@code filter_stage}, {@code slo_target_pct}...), so a saved query or a QuickSight data-set
 * parameter can be mapped to it. Values are Strings, Longs or Doubles only.
 */
public record Binding(String name, Object value) {

    public Binding {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value of " + name);
        if (!(value instanceof String || value instanceof Long || value instanceof Double)) {
            throw new IllegalArgumentException(name + ": a bound value is a String, Long or Double, not " + value.getClass());
        }
    }
}
