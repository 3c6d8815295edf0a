package dev.apigwinsights.local.ingest;

import dev.apigwinsights.local.util.ByteArrays;
import dev.apigwinsights.util.ByteScan;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 bytes as a JSON string, without decoding them: quote, backslash and control characters
 * escaped, every other byte copied as is. It runs once per event of a CloudWatch export, whose
 * messages are JSON with a quote every half dozen bytes. The sizing pass, which lets the caller
 * allocate the output once at its exact size, looks at eight bytes at a time; the copy is a plain
 * loop (measured: as fast as copying words and stopping at each quote, since quotes are so dense).
 */
final class JsonStringBytes {
    private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    /** Added to a byte's low seven bits, sets the high bit exactly when the byte is 0x20 or more. */
    private static final long FROM_SPACE = 0x6060606060606060L;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private JsonStringBytes() {
    }

    /** The length of {@link #write}'s output for {@code utf8}, quotes included. */
    static int length(byte[] utf8) {
        int n = utf8.length + 2;
        int i = 0;
        for (; i + Long.BYTES <= utf8.length; i += Long.BYTES) {
            long w = ByteScan.word(utf8, i);
            n += Long.bitCount(ByteArrays.equalBytes(w, QUOTES) | ByteArrays.equalBytes(w, BACKSLASHES)) + 5 * Long.bitCount(control(w));
        }
        for (; i < utf8.length; i++) {
            n += extra(utf8[i]);
        }
        return n;
    }

    /** Writes {@code utf8} as a JSON string at {@code out[p]}; returns the position after it. */
    static int write(byte[] out, int p, byte[] utf8) {
        out[p++] = '"';
        for (byte c : utf8) {
            if (c >= 0x20 && c != '"' && c != '\\' || c < 0) {
                out[p++] = c;
            } else {
                p = escape(out, p, c);
            }
        }
        out[p++] = '"';
        return p;
    }

    private static int escape(byte[] out, int p, byte c) {
        out[p++] = '\\';
        if (c == '"' || c == '\\') {
            out[p++] = c;
        } else {
            out[p++] = 'u';
            out[p++] = '0';
            out[p++] = '0';
            out[p++] = HEX[c >> 4];
            out[p++] = HEX[c & 0xF];
        }
        return p;
    }

    /** Bytes the escape of {@code c} adds: 1 for a quote or backslash, 5 for a control character. */
    private static int extra(byte c) {
        if (c >= 0 && c < 0x20) {
            return 5;
        }
        return c == '"' || c == '\\' ? 1 : 0;
    }

    /** The high bit of each byte of {@code w} below 0x20 (a control character), exactly. */
    private static long control(long w) {
        return ~(((w & LOWS) + FROM_SPACE) | w | LOWS);
    }
}
