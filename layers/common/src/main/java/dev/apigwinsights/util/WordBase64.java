package dev.apigwinsights.util;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Standard padded base64 (RFC 4648) written for C1, the only JIT Lambda runs unless SnapStart is on:
 * C1 neither vectorises nor has an intrinsic for the JDK's codec, whose loops move one byte and do one
 * table lookup per character, each with its bounds check. Here a 64-bit read takes eight characters
 * (or six bytes), a table maps two characters to 12 bits (or 12 bits to two characters), and one
 * 64-bit write stores the result: four lookups per six bytes. Decoding accepts and rejects exactly
 * what {@code Base64.getDecoder().decode(byte[])} does (the whole-string rules are restated in
 * {@link #decode}); {@code Base64CodecTest} holds both directions to the JDK's codec.
 */
final class WordBase64 {
    private static final VarHandle LITTLE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final byte[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final long HIGHS = 0x8080808080808080L;
    /** A character's six bits, or -1 when it is not in the alphabet (padding included). */
    private static final int[] SIX = new int[256];
    /**
     * Two ASCII characters read as a little-endian 16-bit number (the first character lowest) to
     * their 12 bits, or -1 when either is not in the alphabet. Indexed only with bytes below 0x80.
     */
    private static final short[] TWELVE = new short[1 << 15];
    /** Twelve bits to their two characters as a little-endian 16-bit number (the first character lowest). */
    private static final short[] PAIRS = new short[1 << 12];

    static {
        Arrays.fill(SIX, -1);
        Arrays.fill(TWELVE, (short) -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            SIX[ALPHABET[i]] = i;
        }
        for (int hi = 0; hi < ALPHABET.length; hi++) {
            for (int lo = 0; lo < ALPHABET.length; lo++) {
                TWELVE[ALPHABET[hi] | ALPHABET[lo] << 8] = (short) (hi << 6 | lo);
                PAIRS[hi << 6 | lo] = (short) (ALPHABET[hi] | ALPHABET[lo] << 8);
            }
        }
    }

    private WordBase64() {
    }

    /** Encodes {@code src[from, from + length)} into {@code dst} at {@code at}, padded; returns the characters written. */
    static int encode(byte[] src, int from, int length, byte[] dst, int at) {
        int end = from + length;
        // six bytes a round, read as eight: stop while eight are still in the array
        int wordsEnd = Math.min(end - 6, src.length - 8);
        int i = from;
        int o = at;
        for (; i <= wordsEnd; i += 6) {
            // a little-endian read and shifts: a big-endian read (a byte swap) measured 30% slower under C1
            long w = (long) LITTLE.get(src, i);
            int first = ((int) w & 0xff) << 16 | (int) w & 0xff00 | (int) (w >>> 16) & 0xff;
            int second = (int) (w >>> 8) & 0xff0000 | (int) (w >>> 24) & 0xff00 | (int) (w >>> 40) & 0xff;
            long chars = PAIRS[first >>> 12] | PAIRS[first & 0xfff] << 16
                    | (long) PAIRS[second >>> 12] << 32 | (long) PAIRS[second & 0xfff] << 48;
            LITTLE.set(dst, o, chars);
            o += 8;
        }
        for (; i + 3 <= end; i += 3) {
            int bits = (src[i] & 0xff) << 16 | (src[i + 1] & 0xff) << 8 | src[i + 2] & 0xff;
            int hi = PAIRS[bits >>> 12];
            int lo = PAIRS[bits & 0xfff];
            dst[o] = (byte) hi;
            dst[o + 1] = (byte) (hi >>> 8);
            dst[o + 2] = (byte) lo;
            dst[o + 3] = (byte) (lo >>> 8);
            o += 4;
        }
        if (i < end) {
            int b0 = src[i] & 0xff;
            int b1 = i + 1 < end ? src[i + 1] & 0xff : 0;
            dst[o] = ALPHABET[b0 >>> 2];
            dst[o + 1] = ALPHABET[(b0 << 4 | b1 >>> 4) & 0x3f];
            dst[o + 2] = i + 1 < end ? ALPHABET[(b1 << 2) & 0x3f] : (byte) '=';
            dst[o + 3] = '=';
            o += 4;
        }
        return o - at;
    }

    /**
     * Decodes {@code src[from, to)} and appends the bytes to {@code out}; false (with {@code out}
     * possibly extended beyond what it held: the caller resets it) when the JDK's decoder would
     * throw. Its rules for a whole string: every group of four characters but the last is four
     * alphabet characters; the last group is two, three or four of them, or two followed by
     * {@code ==}, or three followed by {@code =}; no character may follow padding. Bits below the
     * last byte are ignored, as the JDK ignores them.
     */
    static boolean decode(byte[] src, int from, int to, ByteArrayBuilder out) {
        int length = to - from;
        if (length == 0) {
            return true;
        }
        // a long write stores eight bytes for six: two bytes of room past the decoded length
        out.ensure(length / 4 * 3 + 3 + 2);
        byte[] dst = out.array();
        int o = out.length();
        int last = from + (length - 1) / 4 * 4;
        int i = from;
        for (; i + 8 <= last; i += 8) {
            long w = (long) LITTLE.get(src, i);
            if ((w & HIGHS) != 0) {
                return false;
            }
            int a = TWELVE[(int) w & 0x7fff];
            int b = TWELVE[(int) (w >>> 16) & 0x7fff];
            int c = TWELVE[(int) (w >>> 32) & 0x7fff];
            int d = TWELVE[(int) (w >>> 48)];
            if ((a | b | c | d) < 0) {
                return false;
            }
            int first = a << 12 | b;
            int second = c << 12 | d;
            LITTLE.set(dst, o, first >>> 16 | first & 0xff00 | (first & 0xff) << 16
                    | (long) (second >>> 16 | second & 0xff00 | (second & 0xff) << 16) << 24);
            o += 6;
        }
        if (i < last) {
            int bits = SIX[src[i] & 0xff] << 18 | SIX[src[i + 1] & 0xff] << 12 | SIX[src[i + 2] & 0xff] << 6 | SIX[src[i + 3] & 0xff];
            if (bits < 0) {
                return false;
            }
            dst[o] = (byte) (bits >>> 16);
            dst[o + 1] = (byte) (bits >>> 8);
            dst[o + 2] = (byte) bits;
            o += 3;
        }
        int n = decodeLastGroup(src, last, to, dst, o);
        if (n < 0) {
            return false;
        }
        out.setLength(o + n);
        return true;
    }

    /** The bytes of the last group {@code src[from, to)} (one to four characters) written at {@code o}, or -1 if it is invalid. */
    private static int decodeLastGroup(byte[] src, int from, int to, byte[] dst, int o) {
        int n = to - from;
        if (n < 2) {
            return -1;
        }
        int c0 = SIX[src[from] & 0xff];
        int c1 = SIX[src[from + 1] & 0xff];
        if ((c0 | c1) < 0) {
            return -1;
        }
        int bits = c0 << 18 | c1 << 12;
        if (n == 2 || n == 4 && src[from + 2] == '=' && src[from + 3] == '=') {
            dst[o] = (byte) (bits >>> 16);
            return 1;
        }
        int c2 = SIX[src[from + 2] & 0xff];
        if (c2 < 0) {
            return -1;
        }
        bits |= c2 << 6;
        if (n == 3 || src[from + 3] == '=') {
            dst[o] = (byte) (bits >>> 16);
            dst[o + 1] = (byte) (bits >>> 8);
            return 2;
        }
        int c3 = SIX[src[from + 3] & 0xff];
        if (c3 < 0) {
            return -1;
        }
        bits |= c3;
        dst[o] = (byte) (bits >>> 16);
        dst[o + 1] = (byte) (bits >>> 8);
        dst[o + 2] = (byte) bits;
        return 3;
    }
}
