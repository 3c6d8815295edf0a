package dev.apigwinsights.pipeline;

import static dev.apigwinsights.parse.RawAccessLog.isAbsent;

import dev.apigwinsights.parse.RawAccessLog;
import dev.apigwinsights.schema.CanonicalField;
import dev.apigwinsights.schema.CanonicalRecord;
import dev.apigwinsights.schema.ContextVariable;
import dev.apigwinsights.schema.RequestTimeWindow;
import dev.apigwinsights.schema.RequestTimes;

/**
 * Turns raw context-variable values into typed canonical columns: {@code -} and empty become
 * null, numbers become numbers, the request time becomes ISO-8601 UTC with milliseconds (from
 * {@code requestTimeEpoch} when present, else {@code requestTime} with its offset honoured).
 * A value that does not fit its column's type is not lost: it goes to {@code extra} under the
 * column name with a {@code _raw} suffix. That covers numbers a Glue column cannot hold, which
 * would otherwise fail the whole Firehose record in Parquet conversion: {@code int} columns take
 * whole numbers in the 32-bit range only ({@code 200.7}, {@code 200d}, {@code 99999999999} are
 * not status codes), {@code bigint} columns whole numbers in the 64-bit range or a plain decimal
 * (rounded: some integrations log fractional latencies), {@code double} columns finite decimal
 * numbers; no exponents, Java suffixes, hex or {@code NaN} anywhere. Request times outside the
 * {@link RequestTimeWindow} are unreadable. Thread-safe.
 */
public final class CanonicalMapper {
    private static final CanonicalField[] SOURCED = java.util.Arrays.stream(CanonicalField.values())
            .filter(f -> !f.sources().isEmpty())
            .toArray(CanonicalField[]::new);
    private static final ContextVariable[][] SOURCES;
    /** Variables no column reads (xrayTraceId, dataProcessed, ...): kept in extra, never dropped. */
    private static final ContextVariable[] WITHOUT_COLUMN = java.util.Arrays.stream(ContextVariable.values())
            .filter(v -> !v.secret() && v != ContextVariable.REQUEST_TIME && v != ContextVariable.REQUEST_TIME_EPOCH)
            .filter(v -> java.util.Arrays.stream(CanonicalField.values()).noneMatch(f -> f.sources().contains(v)))
            .toArray(ContextVariable[]::new);
    private final RequestTimeWindow window;

    static {
        SOURCES = new ContextVariable[SOURCED.length][];
        for (int i = 0; i < SOURCED.length; i++) {
            SOURCES[i] = SOURCED[i].sources().toArray(ContextVariable[]::new);
        }
    }

    public CanonicalMapper(RequestTimeWindow window) {
        this.window = window;
    }

    public void map(RawAccessLog raw, CanonicalRecord out) {
        for (int i = 0; i < SOURCED.length; i++) {
            CanonicalField field = SOURCED[i];
            String value = firstPresent(raw, SOURCES[i]);
            if (value != null) {
                store(field, value, out);
            }
        }
        mapRequestTime(raw, out);
        for (ContextVariable v : WITHOUT_COLUMN) {
            String value = raw.get(v);
            if (!isAbsent(value)) {
                out.putExtra(v.path(), value);
            }
        }
        for (int i = 0; i < raw.extraCount(); i++) {
            String v = raw.extraValue(i);
            if (!isAbsent(v)) {
                out.putExtra(raw.extraKey(i), v);
            }
        }
    }

    private void mapRequestTime(RawAccessLog raw, CanonicalRecord out) {
        String epochText = raw.get(ContextVariable.REQUEST_TIME_EPOCH);
        Long epoch = isAbsent(epochText) ? null : RequestTimes.parseEpoch(epochText.strip());
        if (epoch != null && !window.contains(epoch)) {
            epoch = null;
        }
        if (epoch == null && !isAbsent(epochText)) {
            out.putExtra(ContextVariable.REQUEST_TIME_EPOCH.path(), epochText);
        }
        String timeText = raw.get(ContextVariable.REQUEST_TIME);
        if (epoch == null && !isAbsent(timeText)) {
            epoch = RequestTimes.parseRequestTime(timeText);
            if (epoch != null && !window.contains(epoch)) {
                epoch = null;
            }
            if (epoch == null) {
                out.putExtra(ContextVariable.REQUEST_TIME.path(), timeText);
            }
        }
        if (epoch != null) {
            setTime(out, epoch);
        }
    }

    /** Sets both time columns from epoch milliseconds. */
    public static void setTime(CanonicalRecord out, long epochMs) {
        out.setLong(CanonicalField.REQUEST_TIME_EPOCH_MS, epochMs);
        out.set(CanonicalField.REQUEST_TIME, RequestTimes.formatIso(epochMs));
    }

    private static String firstPresent(RawAccessLog raw, ContextVariable[] sources) {
        for (ContextVariable v : sources) {
            String value = raw.get(v);
            if (!isAbsent(value)) {
                return value;
            }
        }
        return null;
    }

    private static void store(CanonicalField field, String value, CanonicalRecord out) {
        switch (field.type()) {
            case INT, BIGINT -> {
                Long n = parseWhole(value, field.type() == CanonicalField.Type.BIGINT);
                if (n == null || (field.type() == CanonicalField.Type.INT && (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE))) {
                    out.putExtra(field.column() + "_raw", value);
                } else {
                    out.setLong(field, n);
                }
            }
            case DOUBLE -> {
                Double d = parseDecimalNumber(value);
                if (d == null) {
                    out.putExtra(field.column() + "_raw", value);
                } else {
                    out.setDouble(field, d);
                }
            }
            default -> out.set(field, value);
        }
    }

    /**
     * A whole number ({@code [+-]digits}) that fits a long; with {@code allowDecimal}, also a plain
     * decimal ({@code [+-]digits.digits}), rounded half away from zero. Null for anything else.
     */
    static Long parseWhole(String text, boolean allowDecimal) {
        String s = text.strip();
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        int digitsStart = i;
        long v = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            int d = c - '0';
            if (v > (Long.MAX_VALUE - d) / 10) {
                return null; // beyond a long
            }
            v = v * 10 + d;
        }
        if (i == digitsStart) {
            return null;
        }
        if (i < n) {
            if (!allowDecimal || s.charAt(i) != '.' || i + 1 == n) {
                return null;
            }
            boolean roundUp = s.charAt(i + 1) >= '5';
            for (int k = i + 1; k < n; k++) {
                char c = s.charAt(k);
                if (c < '0' || c > '9') {
                    return null;
                }
            }
            if (roundUp) {
                if (v == Long.MAX_VALUE) {
                    return null;
                }
                v++;
            }
        }
        return negative ? -v : v;
    }

    /** A finite decimal number: {@code [+-]digits[.digits]}; null for anything else. */
    static Double parseDecimalNumber(String text) {
        String s = text.strip();
        int n = s.length();
        int i = n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        int digits = 0;
        boolean dot = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !dot && digits > 0 && i + 1 < n) {
                dot = true;
            } else {
                return null;
            }
        }
        if (digits == 0 || n > 64) {
            return null;
        }
        double d = Double.parseDouble(s);
        return Double.isFinite(d) ? d : null;
    }
}
