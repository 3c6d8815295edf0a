package dev.apigwinsights.util;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the next of a few byte values in a byte array eight bytes at a time (SWAR: one 64-bit read,
 * then bit tricks find a matching byte in the word), for the loops that walk every byte of a batch:
 * the end of each base64 {@code data} string in the event, the end of each string value in a log
 * line, the line breaks that split a record. Neither JIT vectorises a byte loop that may exit early;
 * measured on a 1.8 KB string, this takes 0.4 µs where the plain loop took 1.0 µs, under C1 (the
 * VarHandle read is inlined there too) and under C2 alike.
 */
public final class ByteScan {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = repeat('"');
    private static final long BACKSLASHES = repeat('\\');
    private static final long LINE_FEEDS = repeat('\n');
    private static final long CARRIAGE_RETURNS = repeat('\r');
    private static final long CLOSING_BRACES = repeat('}');
    private static final long QUESTION_MARKS = repeat('?');

    private ByteScan() {
    }

    /** The index of the first {@code "} or {@code \} in {@code b[from, to)}, or {@code to}. */
    public static int quoteOrBackslash(byte[] b, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long w = (long) LONGS.get(b, i);
            long hits = zeroBytes(w ^ QUOTES) | zeroBytes(w ^ BACKSLASHES);
            if (hits != 0) {
                return i + firstMarked(hits);
            }
        }
        for (; i < to; i++) {
            byte c = b[i];
            if (c == '"' || c == '\\') {
                return i;
            }
        }
        return to;
    }

    /**
     * The index of the first {@code "}, {@code \} or non-ASCII byte in {@code b[from, to)}, or
     * {@code to}: a string value that ends at a quote found this way is plain ASCII, so its String needs
     * no UTF-8 check (a per-byte loop under C1).
     */
    public static int quoteBackslashOrNotAscii(byte[] b, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long w = (long) LONGS.get(b, i);
            long hits = zeroBytes(w ^ QUOTES) | zeroBytes(w ^ BACKSLASHES) | w & HIGHS;
            if (hits != 0) {
                return i + firstMarked(hits);
            }
        }
        for (; i < to; i++) {
            byte c = b[i];
            if (c == '"' || c == '\\' || c < 0) {
                return i;
            }
        }
        return to;
    }

    /**
     * The first eight bytes of {@code b[from, to)} (fewer when it is shorter, the rest zero) as a
     * little-endian number: with the length and {@link #word} of the last eight, two numbers that
     * tell keys of up to sixteen bytes apart.
     */
    public static long prefix(byte[] b, int from, int to) {
        int length = to - from;
        if (length >= Long.BYTES) {
            return (long) LONGS.get(b, from);
        }
        if (from + Long.BYTES <= b.length) {
            return (long) LONGS.get(b, from) & (1L << (length << 3)) - 1;
        }
        long w = 0;
        for (int i = to - 1; i >= from; i--) {
            w = w << 8 | b[i] & 0xff;
        }
        return w;
    }

    /** The index of the first line feed, carriage return or {@code }} in {@code b[from, to)}, or {@code to}. */
    public static int lineBreakOrClosingBrace(byte[] b, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long w = (long) LONGS.get(b, i);
            long hits = zeroBytes(w ^ LINE_FEEDS) | zeroBytes(w ^ CARRIAGE_RETURNS) | zeroBytes(w ^ CLOSING_BRACES);
            if (hits != 0) {
                return i + firstMarked(hits);
            }
        }
        for (; i < to; i++) {
            byte c = b[i];
            if (c == '\n' || c == '\r' || c == '}') {
                return i;
            }
        }
        return to;
    }

    /**
     * The index of the first byte in {@code b[from, to)} that a JSON string cannot hold as it is
     * (a quote, a backslash, a control character) or that is not ASCII; or {@code to}.
     */
    public static int notPlainAscii(byte[] b, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long w = (long) LONGS.get(b, i);
            // bytes >= 0x80, bytes < 0x20 (adding 0x60 sets the high bit only from 0x20 up), quotes, backslashes
            long hits = controlOrHigh(w) | quotes(w) | backslashes(w);
            if (hits != 0) {
                return i + firstMarked(hits);
            }
        }
        for (; i < to; i++) {
            byte c = b[i];
            if (c < 0x20 || c == '"' || c == '\\') {
                return i;
            }
        }
        return to;
    }

    /** The index of the first byte that is not ASCII (0x80 or more) in {@code b[from, to)}, or {@code to}. */
    public static int notAscii(byte[] b, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long high = (long) LONGS.get(b, i) & HIGHS;
            if (high != 0) {
                return i + firstMarked(high);
            }
        }
        for (; i < to; i++) {
            if (b[i] < 0) {
                return i;
            }
        }
        return to;
    }

    /** As {@link #notPlainAscii}, also stopping at a {@code ?}. */
    public static int notPlainAsciiOrQuestionMark(byte[] b, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long w = (long) LONGS.get(b, i);
            long hits = controlOrHigh(w) | quotes(w) | backslashes(w) | zeroBytes(w ^ QUESTION_MARKS);
            if (hits != 0) {
                return i + firstMarked(hits);
            }
        }
        for (; i < to; i++) {
            byte c = b[i];
            if (c < 0x20 || c == '"' || c == '\\' || c == '?') {
                return i;
            }
        }
        return to;
    }

    /** The eight bytes at {@code i}, little-endian (the first byte lowest). */
    public static long word(byte[] b, int i) {
        return (long) LONGS.get(b, i);
    }

    /** Writes {@code w} as eight bytes at {@code i}, little-endian. */
    static void putWord(byte[] b, int i, long w) {
        LONGS.set(b, i, w);
    }

    /**
     * The index of the lowest byte whose high bit {@code marks} sets (only high bits set, at least
     * one): what {@code Long.numberOfTrailingZeros(marks) >>> 3} gives, without the call that is
     * under C1 (not an intrinsic there, and too large to inline) once per scan.
     */
    static int firstMarked(long marks) {
        return (int) (((marks & -marks) >>> 7) * 0x0001020304050607L >>> 56);
    }

    /** The high bit of each byte of {@code w} that is a quote. */
    static long quotes(long w) {
        return zeroBytes(w ^ QUOTES);
    }

    /** The high bit of each byte of {@code w} that is a backslash. */
    static long backslashes(long w) {
        return zeroBytes(w ^ BACKSLASHES);
    }

    /** The high bit of each byte of {@code w} that is a control character or not ASCII. */
    static long controlOrHigh(long w) {
        return (w | ~(w + 0x6060606060606060L)) & HIGHS;
    }

    /**
     * The high bit of each zero byte of {@code v}, and possibly of bytes above a zero byte (a borrow
     * can carry upwards, never downwards): the lowest set bit is always the first zero byte, which is
     * all the scans above use.
     */
    private static long zeroBytes(long v) {
        return (v - ONES) & ~v & HIGHS;
    }

    private static long repeat(char c) {
        return ONES * c;
    }
}
