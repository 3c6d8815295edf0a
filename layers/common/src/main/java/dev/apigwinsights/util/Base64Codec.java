package dev.apigwinsights.util;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.Base64;
import java.util.function.BooleanSupplier;

/**
 * Standard base64 (RFC 4648, padded) for byte ranges, without allocating: the JDK's encoder and
 * decoder only take whole arrays, so ranges go through them in pieces of exact power-of-two sizes
 * held here and reused. That keeps the JDK's code, which C2 replaces with a vectorised intrinsic
 * where the CPU has one (encoding 1.4 KB took 0.04 µs there, a scalar loop 1 µs); without the
 * intrinsic the JDK's code is a loop of a byte and a lookup per character. Decoding accepts and
 * rejects exactly what {@code Base64.getDecoder().decode(byte[])} does for the same characters.
 *
 * <p>{@link WordBase64} is used instead where the JDK's code runs as that loop: a JVM that runs C1
 * only ({@code -XX:TieredStopAtLevel=1}: Lambda's java17 and java21, java25 without SnapStart), where
 * it takes about 60% of the JDK codec's time, and a C2 whose {@code UseBASE64Intrinsics} is off (x86
 * without AVX-512 on JDK 17, as on the 2-core build machine), where an encode and a decode of 400-800
 * bytes took 2.4-2.8 ns a byte against the JDK codec's 3.8-3.9. Not thread-safe: one per thread.
 */
public final class Base64Codec {
    /** Pieces of 3·2^k bytes (encoding) and 4·2^k characters (decoding), k up to this. */
    private static final int LEVELS = 15;
    /** Bytes encoded in one call of {@link #encode} at most: the largest piece. */
    public static final int MAX_ENCODE_CHUNK = 3 << (LEVELS - 1);

    /**
     * HotSpot names its C1-only mode (stopping at tier 1, as Lambda does) in this property, read at no
     * cost; the JVM's flags themselves are behind the management beans, whose first use costs 30-80 ms
     * of a cold start, so they are asked only when C1 is not alone. A JVM that does not answer keeps
     * the JDK's codec.
     */
    private static final boolean WORDS = prefersWords(System.getProperty("java.vm.info", ""), Base64Codec::jitHasBase64Intrinsic);

    private final boolean words;
    private final Base64.Encoder encoder = Base64.getEncoder();
    private final Base64.Decoder decoder = Base64.getDecoder();
    private final byte[][] bytePieces = new byte[LEVELS][];
    private final byte[][] charPieces = new byte[LEVELS][];
    private final byte[][] tails = new byte[5][];
    private final byte[] scratch = new byte[4 << (LEVELS - 1)];

    /** The codec for this JVM's JIT. */
    public Base64Codec() {
        this(WORDS);
    }

    /** {@code words}: {@link WordBase64} rather than the JDK's codec. */
    Base64Codec(boolean words) {
        this.words = words;
    }

    /** Whether {@code vmInfo}, HotSpot's {@code java.vm.info}, says only C1 compiles ("emulated-client"). */
    static boolean c1Only(String vmInfo) {
        return vmInfo.contains("emulated-client");
    }

    /** Whether {@link WordBase64} beats the JDK's codec here: C1 alone, or no intrinsic (asked only when C1 is not alone). */
    static boolean prefersWords(String vmInfo, BooleanSupplier jitHasBase64Intrinsic) {
        return c1Only(vmInfo) || !jitHasBase64Intrinsic.getAsBoolean();
    }

    /** False only when HotSpot says its {@code UseBASE64Intrinsics} flag is off. */
    private static boolean jitHasBase64Intrinsic() {
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            VMOption flag = hotSpot == null ? null : hotSpot.getVMOption("UseBASE64Intrinsics");
            return flag == null || !"false".equals(flag.getValue());
        } catch (RuntimeException | LinkageError e) {
            return true; // not HotSpot, or the management modules are left out of this runtime
        }
    }

    /** Whether this JVM's default codec is {@link WordBase64}, for benchmarks that report it. */
    public static boolean wordCodecChosen() {
        return WORDS;
    }

    /** Base64 characters for {@code bytes} bytes, padded. */
    public static int encodedLength(int bytes) {
        return (bytes + 2) / 3 * 4;
    }

    /**
     * Encodes {@code src[from, from + length)} (at most {@link #MAX_ENCODE_CHUNK} bytes unless this is
     * the last range of the data) into {@code dst} at {@code at}; returns the characters written.
     * Only the last range of some data may have a length that is not a multiple of 3 (it is padded).
     */
    public int encode(byte[] src, int from, int length, byte[] dst, int at) {
        if (words) {
            return WordBase64.encode(src, from, length, dst, at);
        }
        int done = 0;
        int written = 0;
        int whole = length - length % 3;
        while (done < whole) {
            int level = Math.min(LEVELS - 1, 31 - Integer.numberOfLeadingZeros((whole - done) / 3));
            byte[] piece = piece(bytePieces, level, 3 << level);
            System.arraycopy(src, from + done, piece, 0, piece.length);
            int n = encoder.encode(piece, scratch);
            System.arraycopy(scratch, 0, dst, at + written, n);
            done += piece.length;
            written += n;
        }
        if (done < length) {
            byte[] tail = tail(length - done);
            System.arraycopy(src, from + done, tail, 0, tail.length);
            int n = encoder.encode(tail, scratch);
            System.arraycopy(scratch, 0, dst, at + written, n);
            written += n;
        }
        return written;
    }

    /**
     * Decodes the base64 characters {@code src[from, to)} and appends the bytes to {@code out};
     * returns false (with {@code out} possibly extended: the caller resets it) when they are not
     * valid base64 for {@code Base64.getDecoder()}.
     */
    public boolean decode(byte[] src, int from, int to, ByteArrayBuilder out) {
        if (words) {
            return WordBase64.decode(src, from, to, out);
        }
        int length = to - from;
        if (length == 0) {
            return true;
        }
        // Every group but the last is decoded in pieces and must give three bytes per four characters
        // (padding there is an error for the whole string too); the last group is decoded alone.
        int last = from + (length - 1) / 4 * 4;
        int done = from;
        out.ensure(length / 4 * 3 + 3);
        try {
            while (done < last) {
                int level = Math.min(LEVELS - 1, 31 - Integer.numberOfLeadingZeros((last - done) / 4));
                byte[] piece = piece(charPieces, level, 4 << level);
                System.arraycopy(src, done, piece, 0, piece.length);
                int n = decoder.decode(piece, scratch);
                if (n != piece.length / 4 * 3) {
                    return false;
                }
                append(out, n);
                done += piece.length;
            }
            byte[] tail = tail(to - last);
            System.arraycopy(src, last, tail, 0, tail.length);
            append(out, decoder.decode(tail, scratch));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void append(ByteArrayBuilder out, int n) {
        out.ensure(n);
        System.arraycopy(scratch, 0, out.array(), out.length(), n);
        out.setLength(out.length() + n);
    }

    private static byte[] piece(byte[][] pieces, int level, int size) {
        byte[] piece = pieces[level];
        if (piece == null) {
            piece = new byte[size];
            pieces[level] = piece;
        }
        return piece;
    }

    private byte[] tail(int length) {
        byte[] tail = tails[length];
        if (tail == null) {
            tail = new byte[length];
            tails[length] = tail;
        }
        return tail;
    }
}
