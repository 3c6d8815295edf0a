package dev.apigwinsights.schema;

import static dev.apigwinsights.parse.RawAccessLog.isAbsent;

import dev.apigwinsights.parse.RawAccessLog;

/**
 * Turns raw context-variable values into typed canonical columns: {@code -} and empty become
 * null, numbers become numbers, the request time becomes ISO-8601 UTC with milliseconds (from
 * {@code requestTimeEpoch} when present, else {@code requestTime} with its offset honoured).
 * A value that does not fit its column's type is not lost: it goes to {@code extra} under the
 * column name with a {@code _raw} suffix. Stateless and thread-safe.
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
    /** Request times outside 2000-01-01 .. 2100-01-01 are treated as unparsable. */
    private static final long MIN_TIME_MS = 946_684_800_000L;
    private static final long MAX_TIME_MS = 4_102_444_800_000L;

    static {
        SOURCES = new ContextVariable[SOURCED.length][];
        for (int i = 0; i < SOURCED.length; i++) {
            SOURCES[i] = SOURCED[i].sources().toArray(ContextVariable[]::new);
        }
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

    private static void mapRequestTime(RawAccessLog raw, CanonicalRecord out) {
        String epochText = raw.get(ContextVariable.REQUEST_TIME_EPOCH);
        Long epoch = isAbsent(epochText) ? null : RequestTimes.parseEpoch(epochText.strip());
        if (epoch != null && (epoch < MIN_TIME_MS || epoch > MAX_TIME_MS)) {
            epoch = null;
        }
        if (epoch == null && !isAbsent(epochText)) {
            out.putExtra(ContextVariable.REQUEST_TIME_EPOCH.path(), epochText);
        }
        String timeText = raw.get(ContextVariable.REQUEST_TIME);
        if (epoch == null && !isAbsent(timeText)) {
            epoch = RequestTimes.parseRequestTime(timeText);
            if (epoch != null && (epoch < MIN_TIME_MS || epoch > MAX_TIME_MS)) {
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
                Long n = parseWhole(value);
                if (n == null) {
                    out.putExtra(field.column() + "_raw", value);
                } else {
                    out.setLong(field, n);
                }
            }
            case DOUBLE -> {
                try {
                    out.setDouble(field, Double.parseDouble(value.strip()));
                } catch (NumberFormatException e) {
                    out.putExtra(field.column() + "_raw", value);
                }
            }
            default -> out.set(field, value);
        }
    }


    /** Whole numbers; a decimal is rounded (some integrations log fractional latencies). */
    static Long parseWhole(String text) {
        String s = text.strip();
        int n = s.length();
        if (n == 0 || n > 19) {
            return parseDecimal(s);
        }
        int i = 0;
        boolean negative = false;
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            negative = s.charAt(0) == '-';
            i = 1;
            if (n == 1) {
                return null;
            }
        }
        long v = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return parseDecimal(s);
            }
            v = v * 10 + (c - '0');
        }
        return negative ? -v : v;
    }

    private static Long parseDecimal(String s) {
        if (s.isEmpty() || s.length() > 40) {
            return null;
        }
        try {
            double d = Double.parseDouble(s);
            if (Double.isNaN(d) || Double.isInfinite(d) || Math.abs(d) > 9.0e18) {
                return null;
            }
            return Math.round(d);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
