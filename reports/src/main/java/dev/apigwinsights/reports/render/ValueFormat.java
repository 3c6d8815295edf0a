package dev.apigwinsights.reports.render;

import dev.apigwinsights.insights.ResultColumn;
import dev.apigwinsights.insights.Unit;
import dev.apigwinsights.insights.ValueType;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the report writes a value of a catalog column, from its type and {@link Unit}: counts with
 * thousands separators, percentages with two decimals (an availability of 99.95 % must not read
 * 100 %), latencies in ms or s, bytes in kB/MB/GB, times in the report's time zone. One place, so
 * tables, KPI tiles and charts agree.
 */
public final class ValueFormat {

    /** What an absent value (SQL NULL) reads as. */
    public static final String NONE = "–";

    private final ZoneId zone;
    private final String currency;
    private final DateTimeFormatter time;

    public ValueFormat(ZoneId zone, String currency) {
        this.zone = zone;
        this.currency = currency == null ? "" : currency;
        this.time = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH).withZone(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** A table cell: the full value. */
    public String cell(ResultColumn column, Object value) {
        if (value == null) {
            return NONE;
        }
        if (column.type() == ValueType.TIMESTAMP) {
            return time.format((Instant) value);
        }
        if (column.type() == ValueType.STRING || column.type() == ValueType.BOOLEAN) {
            return value.toString();
        }
        return number(column.unit(), ((Number) value).doubleValue(), column.type() == ValueType.BIGINT, false);
    }

    /** A KPI tile: counts and bytes shortened (1.23 M, 4.5 GB). */
    public String headline(ResultColumn column, Object value) {
        if (value == null) {
            return NONE;
        }
        if (!(value instanceof Number n)) {
            return cell(column, value);
        }
        return number(column.unit(), n.doubleValue(), column.type() == ValueType.BIGINT, true);
    }

    /** True when the column is right-aligned in tables (numbers and times). */
    public static boolean numeric(ResultColumn column) {
        return column.type() == ValueType.BIGINT || column.type() == ValueType.DOUBLE;
    }

    private String number(Unit unit, double v, boolean integer, boolean compact) {
        if (Double.isNaN(v)) {
            return NONE;
        }
        switch (unit) {
            case PERCENT:
                return percent(v);
            case MILLISECONDS:
                return Math.abs(v) >= 10_000 ? String.format(Locale.ENGLISH, "%,.1f s", v / 1000) : String.format(Locale.ENGLISH, "%,.0f ms", v);
            case SECONDS:
                return String.format(Locale.ENGLISH, "%,.1f s", v);
            case BYTES:
                return bytes(v);
            case CURRENCY:
                return (money(v) + " " + currency).trim();
            case RATIO:
                return String.format(Locale.ENGLISH, "%.2f×", v);
            case SCORE:
                return String.format(Locale.ENGLISH, "%.1f", v);
            case COUNT:
                if (compact) {
                    return compactCount(v);
                }
                return integer || v == Math.rint(v) ? String.format(Locale.ENGLISH, "%,.0f", v) : String.format(Locale.ENGLISH, "%,.1f", v);
            default:
                // Codes and ordinals (status, weekday): no separators.
                return integer || v == Math.rint(v) ? String.format(Locale.ENGLISH, "%.0f", v) : String.format(Locale.ENGLISH, "%.2f", v);
        }
    }

    static String percent(double v) {
        if (v != 0 && Math.abs(v) < 0.01) {
            return v > 0 ? "< 0.01 %" : "> −0.01 %";
        }
        return String.format(Locale.ENGLISH, "%.2f %%", v);
    }

    /** Two decimals for amounts; a price per request such as 0.0004 keeps its significant digits. */
    static String money(double v) {
        if (v != 0 && Math.abs(v) < 0.01) {
            return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ENGLISH, "%,.2f", v);
    }

    static String bytes(double v) {
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB"};
        double x = v;
        int i = 0;
        while (Math.abs(x) >= 1000 && i < units.length - 1) {
            x /= 1000;
            i++;
        }
        return i == 0 ? String.format(Locale.ENGLISH, "%.0f B", x) : String.format(Locale.ENGLISH, "%.1f %s", x, units[i]);
    }

    static String compactCount(double v) {
        double a = Math.abs(v);
        if (a < 10_000) {
            return String.format(Locale.ENGLISH, "%,.0f", v);
        }
        if (a < 1_000_000) {
            return String.format(Locale.ENGLISH, "%.1f k", v / 1000);
        }
        if (a < 1_000_000_000) {
            return String.format(Locale.ENGLISH, "%.2f M", v / 1_000_000);
        }
        return String.format(Locale.ENGLISH, "%.2f B", v / 1_000_000_000);
    }

    /** A generation or period time, e.g. {@code Mon 23 Nov 2026 07:00 CET}. */
    public String moment(Instant t) {
        return DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm zzz", Locale.ENGLISH).withZone(zone).format(t);
    }
}
