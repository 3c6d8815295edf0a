package dev.apigwinsights.schema;

import java.util.Map;

/**
 * Writes a {@link CanonicalRecord} as one line of JSON (UTF-8, terminated by {@code \n}) in
 * schema order. Null columns are omitted (the Glue JSON SerDe reads a missing key as null), which
 * keeps output close to input size. Hand-written because it runs once per log entry: no
 * intermediate tree, no reflection. Not thread-safe; one per thread.
 */
public final class CanonicalJsonWriter {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
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
            if (v instanceof Long l) {
                out.appendAscii(Long.toString(l));
            } else if (v instanceof Double d) {
                out.appendAscii(Double.isFinite(d) ? Double.toString(d) : "null");
            } else {
                writeString(v.toString(), out);
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
                writeString(e.getKey(), out);
                out.append((byte) ':');
                writeString(e.getValue(), out);
            }
            out.append((byte) '}');
        }
        out.append((byte) '}');
        out.append((byte) '\n');
    }

    /** A JSON string literal, UTF-8 encoded; lone surrogates become U+FFFD. */
    static void writeString(String s, ByteArrayBuilder out) {
        out.ensure(s.length() * 3 + 2);
        byte[] b = out.array();
        int p = out.length();
        b[p++] = '"';
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    b[p++] = (byte) c;
                } else {
                    out.setLength(p);
                    out.ensure((n - i) * 6 + 2);
                    b = out.array();
                    b[p++] = '\\';
                    switch (c) {
                        case '"' -> b[p++] = '"';
                        case '\\' -> b[p++] = '\\';
                        case '\n' -> b[p++] = 'n';
                        case '\r' -> b[p++] = 'r';
                        case '\t' -> b[p++] = 't';
                        case '\b' -> b[p++] = 'b';
                        case '\f' -> b[p++] = 'f';
                        default -> {
                            b[p++] = 'u';
                            b[p++] = '0';
                            b[p++] = '0';
                            b[p++] = HEX[c >> 4];
                            b[p++] = HEX[c & 0xF];
                        }
                    }
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xF0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                int cp = Character.isSurrogate(c) ? 0xFFFD : c;
                b[p++] = (byte) (0xE0 | (cp >> 12));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (cp & 0x3F));
            }
        }
        b[p++] = '"';
        out.setLength(p);
    }
}
