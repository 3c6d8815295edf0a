package dev.apigwinsights.schema;

import dev.apigwinsights.util.ByteArrayBuilder;
import dev.apigwinsights.util.JsonStrings;
import java.util.Map;

/**
 * Writes a {@link CanonicalRecord} as one line of JSON (UTF-8, terminated by {@code \n}) in
 * schema order. Null columns are omitted (the Glue JSON SerDe reads a missing key as null), which
 * keeps output close to input size. Hand-written because it runs once per log entry: no
 * intermediate tree, no reflection. Not thread-safe; one per thread.
 */
public final class CanonicalJsonWriter {
    private static final CanonicalField[] FIELDS = CanonicalField.values();
    private static final byte[][] KEY_PREFIXES = new byte[FIELDS.length][];

    static {
        for (CanonicalField f : FIELDS) {
            KEY_PREFIXES[f.ordinal()] = ("\"" + f.column() + "\":").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    /** Appends the record's JSON line to {@code out}. */
    public void write(CanonicalRecord record, ByteArrayBuilder out) {
        out.append((byte) '{');
        boolean first = true;
        for (CanonicalField f : FIELDS) {
            if (f == CanonicalField.EXTRA) {
                continue;
            }
            Object v = record.get(f);
            if (v == null) {
                continue;
            }
            if (!first) {
                out.append((byte) ',');
            }
            first = false;
            out.append(KEY_PREFIXES[f.ordinal()]);
            if (v instanceof String text) {
                JsonStrings.write(text, out);
            } else if (v instanceof Long l) {
                out.appendDecimal(l);
            } else if (v instanceof Double d) {
                out.appendAscii(Double.isFinite(d) ? Double.toString(d) : "null");
            } else {
                JsonStrings.write(v.toString(), out);
            }
        }
        Map<String, String> extra = record.extra();
        if (!extra.isEmpty()) {
            if (!first) {
                out.append((byte) ',');
            }
            out.append(KEY_PREFIXES[CanonicalField.EXTRA.ordinal()]);
            out.append((byte) '{');
            boolean firstExtra = true;
            for (Map.Entry<String, String> e : extra.entrySet()) {
                if (!firstExtra) {
                    out.append((byte) ',');
                }
                firstExtra = false;
                JsonStrings.write(e.getKey(), out);
                out.append((byte) ':');
                JsonStrings.write(e.getValue(), out);
            }
            out.append((byte) '}');
        }
        out.append((byte) '}');
        out.append((byte) '\n');
    }
}
