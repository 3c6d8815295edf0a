package dev.apigwinsights.local.util;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Byte-array tests the ingest's hot paths use instead of decoding lines to strings. */
public final class ByteArrays {
    /** Eight bytes of an array as one long, for {@link #indexOf}. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGHS = 0x8080808080808080L;

    private ByteArrays() {
    }

    /** True when {@code b[off, off+len)} starts with {@code prefix}. */
    public static boolean startsWith(byte[] b, int off, int len, byte[] prefix) {
        if (len < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[off + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The index of the first {@code value} in {@code b[from, to)}, or -1. It tests eight bytes at a
     * time (a zero byte of {@code word ^ pattern} is a match): lines are a kilobyte or more, and
     * every one of them is searched for its end at least twice on the way into the store.
     */
    public static int indexOf(byte[] b, int from, int to, byte value) {
        long pattern = (value & 0xFFL) * ONES;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = (long) LONGS.get(b, i) ^ pattern;
            // The lowest flagged byte is the first zero byte: borrows only flag bytes above a zero one.
            long zero = (x - ONES) & ~x & HIGHS;
            if (zero != 0) {
                return i + (Long.numberOfTrailingZeros(zero) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The high bit of each byte of {@code word} that equals the same byte of {@code pattern}, and no
     * other bit: exact, unlike the borrow trick {@link #indexOf} uses, which may also flag bytes
     * above a match (harmless there, where only the first one counts).
     */
    public static long equalBytes(long word, long pattern) {
        long x = word ^ pattern;
        return ~(((x & LOWS) + LOWS) | x | LOWS);
    }
}
