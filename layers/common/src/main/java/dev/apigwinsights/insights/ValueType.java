package dev.apigwinsights.insights;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * The type of a result column or filter value, with its Java representation: {@code STRING} is a
 * {@link String}, {@code BIGINT} a {@link Long}, {@code DOUBLE} a {@link Double}, {@code TIMESTAMP}
 * an {@link Instant} (the canonical table's timestamps are UTC), {@code BOOLEAN} a {@link Boolean}.
 * Runners convert what their engine returns with {@link #coerce} (JDBC objects) or {@link #parse}
 * (Athena returns every value as text).
 */
public enum ValueType {
    STRING("varchar"),
    BIGINT("bigint"),
    DOUBLE("double"),
    TIMESTAMP("timestamp"),
    BOOLEAN("boolean");

    /** Athena writes {@code 2024-03-01 12:00:00.000}; the fraction is optional and of any length. */
    private static final DateTimeFormatter SQL_TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[ HH:mm[:ss]]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .toFormatter();

    private final String sqlType;

    ValueType(String sqlType) {
        this.sqlType = sqlType;
    }

    /** The type name both Trino and DuckDB accept in {@code CAST(x AS type)}. */
    public String sqlType() {
        return sqlType;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Converts a value as a JDBC driver returns it into this type's Java representation; null stays
     * null. Throws {@link IllegalArgumentException} for a value that cannot be this type.
     */
    public Object coerce(Object raw) {
        if (raw == null) {
            return null;
        }
        switch (this) {
            case STRING:
                return raw.toString();
            case BIGINT:
                if (raw instanceof Number n) {
                    if (raw instanceof Double || raw instanceof Float || raw instanceof BigDecimal) {
                        double d = n.doubleValue();
                        if (d != Math.rint(d)) {
                            throw new IllegalArgumentException("not an integer: " + raw);
                        }
                    }
                    return n.longValue();
                }
                return parse(raw.toString());
            case DOUBLE:
                if (raw instanceof Number n) {
                    return n.doubleValue();
                }
                return parse(raw.toString());
            case TIMESTAMP:
                if (raw instanceof Instant i) {
                    return i;
                }
                if (raw instanceof LocalDateTime t) {
                    return t.toInstant(ZoneOffset.UTC);
                }
                if (raw instanceof OffsetDateTime t) {
                    return t.toInstant();
                }
                if (raw instanceof LocalDate d) {
                    return d.atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                if (raw instanceof java.sql.Timestamp t) {
                    // Drivers build a Timestamp from the wall-clock fields: read them back the same way.
                    return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
                }
                return parse(raw.toString());
            case BOOLEAN:
                if (raw instanceof Boolean b) {
                    return b;
                }
                return parse(raw.toString());
            default:
                throw new AssertionError(this);
        }
    }

    /** Parses a value written as text (Athena results, filter arguments); empty text is null. */
    public Object parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String t = text.trim();
        try {
            switch (this) {
                case STRING:
                    return text;
                case BIGINT:
                    return Long.parseLong(t);
                case DOUBLE:
                    if (t.equalsIgnoreCase("NaN")) {
                        return Double.NaN;
                    }
                    return Double.parseDouble(t);
                case TIMESTAMP:
                    if (t.endsWith("Z") || t.contains("T")) {
                        return TimeRange.parseInstant(t);
                    }
                    String noZone = t.endsWith(" UTC") ? t.substring(0, t.length() - 4) : t;
                    return LocalDateTime.parse(noZone, SQL_TIMESTAMP).toInstant(ZoneOffset.UTC);
                case BOOLEAN:
                    if (t.equalsIgnoreCase("true")) {
                        return Boolean.TRUE;
                    }
                    if (t.equalsIgnoreCase("false")) {
                        return Boolean.FALSE;
                    }
                    throw new IllegalArgumentException("not a boolean: " + text);
                default:
                    throw new AssertionError(this);
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a " + id() + ": '" + text + "'", e);
        }
    }
}
