package dev.apigwinsights.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One access-log entry in the canonical schema. Values are held by {@link CanonicalField}: strings
 * for STRING and TIMESTAMP columns, {@link Long} for INT and BIGINT, {@link Double} for DOUBLE.
 * Absent values (the log's {@code -}) are null. Mutable on purpose: parsers, derivations and
 * enrichers fill one record in turn.
 */
public final class CanonicalRecord {
    private final Object[] values = new Object[CanonicalField.count()];
    private Map<String, String> extra;

    public String getString(CanonicalField field) {
        Object v = values[field.ordinal()];
        return v == null ? null : v.toString();
    }

    public Long getLong(CanonicalField field) {
        Object v = values[field.ordinal()];
        return v instanceof Number n ? n.longValue() : null;
    }

    public Double getDouble(CanonicalField field) {
        Object v = values[field.ordinal()];
        return v instanceof Number n ? n.doubleValue() : null;
    }

    /** The raw stored value: a String, Long or Double, or null. */
    public Object get(CanonicalField field) {
        return values[field.ordinal()];
    }

    public boolean has(CanonicalField field) {
        return values[field.ordinal()] != null;
    }

    public CanonicalRecord set(CanonicalField field, String value) {
        checkKind(field, field.type() == CanonicalField.Type.STRING || field.type() == CanonicalField.Type.TIMESTAMP);
        values[field.ordinal()] = value;
        return this;
    }

    public CanonicalRecord setLong(CanonicalField field, Long value) {
        checkKind(field, field.type() == CanonicalField.Type.INT || field.type() == CanonicalField.Type.BIGINT);
        values[field.ordinal()] = value;
        return this;
    }

    public CanonicalRecord setDouble(CanonicalField field, Double value) {
        checkKind(field, field.type() == CanonicalField.Type.DOUBLE);
        values[field.ordinal()] = value;
        return this;
    }

    /** Log keys that have no column, in the order they appeared. Never null. */
    public Map<String, String> extra() {
        return extra == null ? Collections.emptyMap() : Collections.unmodifiableMap(extra);
    }

    public CanonicalRecord putExtra(String key, String value) {
        if (extra == null) {
            extra = new LinkedHashMap<>();
        }
        extra.put(key, value);
        return this;
    }

    private static void checkKind(CanonicalField field, boolean ok) {
        if (!ok) {
            throw new IllegalArgumentException(field.column() + " is of type " + field.type());
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("CanonicalRecord{");
        for (CanonicalField f : CanonicalField.values()) {
            Object v = values[f.ordinal()];
            if (v != null) {
                sb.append(f.column()).append('=').append(v).append(", ");
            }
        }
        return sb.append("extra=").append(extra()).append('}').toString();
    }
}
