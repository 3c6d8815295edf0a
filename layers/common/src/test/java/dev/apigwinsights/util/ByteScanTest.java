package dev.apigwinsights.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The eight-bytes-at-a-time scans find exactly what a plain loop finds, wherever it is in the word. */
class ByteScanTest {
    private static final byte[] ALPHABET = {'a', 'Z', '0', ' ', '"', '\\', '\n', '\r', '}', ']', '#', 0x01, 0x1F, 0x7F, (byte) 0x80,
        (byte) 0xC3, (byte) 0xFF, 0x5D, 0x23, 0x7D, 0x7C, '?', 0x3E, 0x40};

    @Test
    void findsTheFirstMatchAsAPlainLoopDoes() {
        SplittableRandom random = new SplittableRandom(3);
        for (int round = 0; round < 50_000; round++) {
            byte[] b = new byte[random.nextInt(40)];
            for (int i = 0; i < b.length; i++) {
                b[i] = random.nextInt(4) == 0 ? ALPHABET[random.nextInt(ALPHABET.length)] : (byte) ('a' + random.nextInt(26));
            }
            int from = b.length == 0 ? 0 : random.nextInt(b.length);
            int to = from + random.nextInt(b.length - from + 1);
            assertThat(ByteScan.quoteOrBackslash(b, from, to)).isEqualTo(first(b, from, to, "quote"));
            assertThat(ByteScan.lineBreakOrClosingBrace(b, from, to)).isEqualTo(first(b, from, to, "line"));
            assertThat(ByteScan.notPlainAscii(b, from, to)).isEqualTo(first(b, from, to, "plain"));
            assertThat(ByteScan.notPlainAsciiOrQuestionMark(b, from, to)).isEqualTo(first(b, from, to, "plain?"));
            assertThat(ByteScan.quoteBackslashOrNotAscii(b, from, to)).isEqualTo(first(b, from, to, "quote or high"));
            assertThat(ByteScan.notAscii(b, from, to)).isEqualTo(first(b, from, to, "high"));
        }
    }

    @Test
    void prefixIsTheFirstEightBytesOfARangeWhereverItEnds() {
        SplittableRandom random = new SplittableRandom(4);
        for (int round = 0; round < 20_000; round++) {
            byte[] b = new byte[random.nextInt(24)];
            random.nextBytes(b);
            int from = random.nextInt(b.length + 1);
            int to = from + random.nextInt(b.length - from + 1);
            long expected = 0;
            for (int i = Math.min(to, from + Long.BYTES) - 1; i >= from; i--) {
                expected = expected << 8 | b[i] & 0xff;
            }
            assertThat(ByteScan.prefix(b, from, to)).as("%d..%d of %d", from, to, b.length).isEqualTo(expected);
        }
    }

    private static int first(byte[] b, int from, int to, String kind) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            boolean hit = switch (kind) {
                case "quote" -> c == '"' || c == '\\';
                case "line" -> c == '\n' || c == '\r' || c == '}';
                case "plain" -> c < 0x20 || c == '"' || c == '\\';
                case "quote or high" -> c == '"' || c == '\\' || c < 0;
                case "high" -> c < 0;
                default -> c < 0x20 || c == '"' || c == '\\' || c == '?';
            };
            if (hit) {
                return i;
            }
        }
        return to;
    }
}
