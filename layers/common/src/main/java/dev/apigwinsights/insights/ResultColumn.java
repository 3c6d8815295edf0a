package dev.apigwinsights.insights;

import java.util.Objects;

/**
 * One column of an insight's result: its name (snake_case, stable: other tools read it), type,
 * unit, role in the chart and a human label.
 */
public record ResultColumn(String name, ValueType type, Unit unit, ColumnRole role, String label) {

    public ResultColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(label, "label");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("result column names are snake_case: " + name);
        }
    }

    public static ResultColumn of(String name, ValueType type, Unit unit, ColumnRole role) {
        return new ResultColumn(name, type, unit, role, labelOf(name));
    }

    /** {@code p95_ms} &rarr; {@code p95}, {@code error_rate_pct} &rarr; {@code Error rate}: the unit is shown apart. */
    static String labelOf(String name) {
        String n = name;
        for (String suffix : new String[] {"_ms", "_pct", "_bytes", "_seconds"}) {
            if (n.endsWith(suffix) && n.length() > suffix.length()) {
                n = n.substring(0, n.length() - suffix.length());
                break;
            }
        }
        String spaced = n.replace('_', ' ');
        if (spaced.matches("p\\d\\d.*")) {
            return spaced;
        }
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
