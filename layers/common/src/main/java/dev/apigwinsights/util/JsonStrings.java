package dev.apigwinsights.util;

import java.nio.charset.StandardCharsets;

/**
 * The one JSON string escaper (and unescaper) of the project. Escaping follows RFC 8259 with the
 * short forms for {@code \" \\ \n \r \t \b \f}, {@code \}{@code u00XX} for other control characters,
 * and everything else written as UTF-8 (a lone surrogate becomes U+FFFD).
 */
public final class JsonStrings {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private JsonStrings() {
    }

    /**
     * Appends {@code s} as a quoted JSON string literal, UTF-8 encoded. A {@code String}, not any
     * {@code CharSequence}: under C1 (Lambda's default JIT on java17/java21) an interface call per
     * character is never inlined, and it cost 1.6 times what {@code String.charAt} costs.
     */
    public static void write(String s, ByteArrayBuilder out) {
        // Most values are plain ASCII: take the String's bytes in one copy (a char beyond Latin-1
        // becomes '?', so a '?' sends the string the long way) and check them eight at a time. Under
        // C1 that costs half of a String.charAt per character; under C2 the same.
        byte[] latin1 = s.getBytes(StandardCharsets.ISO_8859_1);
        if (ByteScan.notPlainAsciiOrQuestionMark(latin1, 0, latin1.length) == latin1.length) {
            out.ensure(latin1.length + 2);
            byte[] b = out.array();
            int p = out.length();
            b[p] = '"';
            System.arraycopy(latin1, 0, b, p + 1, latin1.length);
            b[p + 1 + latin1.length] = '"';
            out.setLength(p + latin1.length + 2);
            return;
        }
        int n = s.length();
        out.ensure(n * 3 + 2);
        byte[] b = out.array();
        int p = out.length();
        b[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    b[p++] = (byte) c;
                    continue;
                }
                out.setLength(p);
                out.ensure((n - i) * 6 + 2);
                b = out.array();
                b[p++] = '\\';
                char shortForm = shortEscape(c);
                if (shortForm != 0) {
                    b[p++] = (byte) shortForm;
                } else {
                    b[p++] = 'u';
                    b[p++] = '0';
                    b[p++] = '0';
                    b[p++] = HEX[c >> 4];
                    b[p++] = HEX[c & 0xF];
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

    /** Appends {@code s} as a quoted JSON string literal to a character buffer (same escapes as {@link #write}). */
    public static void append(CharSequence s, StringBuilder out) {
        out.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < n
                        && Character.isLowSurrogate(s.charAt(i + 1)))) {
                    out.append('\uFFFD');
                } else if (Character.isHighSurrogate(c)) {
                    out.append(c).append(s.charAt(++i));
                } else {
                    out.append(c);
                }
                continue;
            }
            out.append('\\');
            char shortForm = shortEscape(c);
            if (shortForm != 0) {
                out.append(shortForm);
            } else {
                out.append("u00").append((char) HEX[c >> 4]).append((char) HEX[c & 0xF]);
            }
        }
        out.append('"');
    }

    private static char shortEscape(char c) {
        return switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '\n' -> 'n';
            case '\r' -> 'r';
            case '\t' -> 't';
            case '\b' -> 'b';
            case '\f' -> 'f';
            default -> 0;
        };
    }

    /**
     * Decodes the content of a JSON string literal, {@code b[from, to)} without its quotes.
     * Malformed UTF-8 becomes U+FFFD; a malformed escape is kept as written.
     */
    public static String unescape(byte[] b, int from, int to) {
        int backslash = -1;
        for (int i = from; i < to; i++) {
            if (b[i] == '\\') {
                backslash = i;
                break;
            }
        }
        if (backslash < 0) {
            return new String(b, from, to - from, StandardCharsets.UTF_8);
        }
        StringBuilder sb = new StringBuilder(to - from);
        sb.append(new String(b, from, backslash - from, StandardCharsets.UTF_8));
        int i = backslash;
        int runStart = i;
        while (i < to) {
            if (b[i] != '\\') {
                i++;
                continue;
            }
            sb.append(new String(b, runStart, i - runStart, StandardCharsets.UTF_8));
            if (i + 1 >= to) {
                sb.append('\\');
                i++;
                runStart = i;
                continue;
            }
            byte e = b[i + 1];
            int consumed = 2;
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    int v = i + 6 <= to ? hex4(b, i + 2) : -1;
                    if (v < 0) {
                        sb.append("\\u");
                    } else {
                        sb.append((char) v);
                        consumed = 6;
                    }
                }
                default -> sb.append('\\').append((char) (e & 0xFF));
            }
            i += consumed;
            runStart = i;
        }
        sb.append(new String(b, runStart, to - runStart, StandardCharsets.UTF_8));
        return sb.toString();
    }

    /** What each one-letter escape other than {@code \}{@code u} stands for; -1 elsewhere. */
    private static final byte[] SHORT_ESCAPES = new byte[128];
    private static final long TOP_BYTE = 0xff00000000000000L;

    static {
        java.util.Arrays.fill(SHORT_ESCAPES, (byte) -1);
        SHORT_ESCAPES['"'] = '"';
        SHORT_ESCAPES['\\'] = '\\';
        SHORT_ESCAPES['/'] = '/';
        SHORT_ESCAPES['b'] = '\b';
        SHORT_ESCAPES['f'] = '\f';
        SHORT_ESCAPES['n'] = '\n';
        SHORT_ESCAPES['r'] = '\r';
        SHORT_ESCAPES['t'] = '\t';
    }

    /**
     * Unescapes the content of a JSON string literal from {@code b[from, to)} into {@code dst} at
     * {@code at}, as far as it is plain ASCII and one-letter escapes: it stops before the closing
     * quote, a {@code \}{@code u} escape, an escape cut by {@code to}, a control character or a
     * non-ASCII byte, and leaves those to the caller. Returns {@code (stop << 32) | end}: where it
     * stopped in {@code b}, and where the output ends in {@code dst}. {@code dst} needs room for
     * {@code to - from + 8} bytes from {@code at} (whole words are written, some past the end).
     *
     * <p>Eight bytes at a time: a word with no escape is copied whole, and a word whose only escapes
     * are {@code \"} pairs (the common case in a JSON line inside a JSON string, an escape every few
     * bytes) has its backslashes dropped without a branch per byte; a branch per escape costs a
     * mispredicted jump about as often as there are escapes (0.93 µs per KB measured, 0.73 µs this way).
     */
    public static long unescapePlain(byte[] b, int from, int to, byte[] dst, int at) {
        int i = from;
        int n = at;
        while (true) {
            if (i + Long.BYTES <= to) {
                long w = ByteScan.word(b, i);
                long backslashes = ByteScan.backslashes(w);
                long quotes = ByteScan.quotes(w);
                long other = ByteScan.controlOrHigh(w);
                ByteScan.putWord(dst, n, w);
                if ((backslashes | quotes | other) == 0) {
                    i += Long.BYTES;
                    n += Long.BYTES;
                    continue;
                }
                long pairs = backslashes & ~TOP_BYTE;
                if (other == 0 && pairs << 8 == quotes) {
                    // only \" pairs (and maybe a backslash in the top byte, whose escape the next word
                    // reads): keep every byte but the backslashes, gathered in a register one run between
                    // backslashes at a time (a CloudWatch message has one every few bytes; a loop per byte
                    // was the path's largest cost on C2)
                    int read = Long.BYTES - (int) (backslashes >>> 63);
                    ByteScan.putWord(dst, n, withoutBytesAt(w, pairs));
                    n += read - Long.bitCount(pairs);
                    i += read;
                    continue;
                }
                int plain = ByteScan.firstMarked(backslashes | quotes | other);
                i += plain;
                n += plain;
            } else {
                while (i < to && b[i] >= 0x20 && b[i] != '"' && b[i] != '\\') {
                    dst[n++] = b[i++];
                }
            }
            if (i + 1 >= to || b[i] != '\\') {
                return (long) i << 32 | n;
            }
            byte escaped = b[i + 1];
            byte unescaped = escaped >= 0 ? SHORT_ESCAPES[escaped] : -1;
            if (unescaped < 0) {
                return (long) i << 32 | n;
            }
            dst[n++] = unescaped;
            i += 2;
        }
    }

    /**
     * The bytes of {@code w} (little-endian) but those whose high bit {@code marks} sets, moved down
     * over them; the bytes freed at the top are zero. No mark may be on the top byte.
     */
    private static long withoutBytesAt(long w, long marks) {
        // Lowest mark first: the bytes below it stay, those above move down a byte. Masks, not byte
        // indexes: Long.numberOfTrailingZeros is a call under C1, once per escape here.
        long kept = w;
        int removedBits = 0;
        for (long rest = marks; rest != 0; rest &= rest - 1) {
            long below = (((rest & -rest) >>> 7) - 1) >>> removedBits;
            kept = kept & below | (kept >>> 8) & ~below;
            removedBits += 8;
        }
        return kept;
    }

    private static int hex4(byte[] b, int at) {
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(b[at + k], 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }
}
