package dev.apigwinsights.local.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ByteArraysTest {

    @Test
    void findsTheFirstMatchAtEveryPositionAndAlignment() {
        for (int length = 0; length <= 40; length++) {
            for (int at = 0; at < length; at++) {
                byte[] b = new byte[length + 3];
                java.util.Arrays.fill(b, (byte) 'x');
                b[at + 1] = '\n';
                b[length] = '\n'; // a later match, or the same one
                assertThat(ByteArrays.indexOf(b, 1, length + 1, (byte) '\n')).as("length %d at %d", length, at).isEqualTo(at + 1);
            }
        }
    }

    @Test
    void answersMinusOneWhenTheRangeHoldsNoMatch() {
        byte[] b = "\nabcdefghijklmnopqrstuvwxyz\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(ByteArrays.indexOf(b, 1, b.length - 1, (byte) '\n')).isEqualTo(-1);
        assertThat(ByteArrays.indexOf(b, 5, 5, (byte) '\n')).isEqualTo(-1);
    }

    @Test
    void agreesWithAPlainScanOnBytesOfEveryValue() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 2_000; round++) {
            byte[] b = new byte[random.nextInt(1, 100)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) random.nextInt(256);
            }
            byte value = random.nextBoolean() ? (byte) 0x0A : (byte) random.nextInt(256);
            int from = random.nextInt(b.length);
            int to = random.nextInt(from, b.length + 1);
            int expected = -1;
            for (int i = from; i < to; i++) {
                if (b[i] == value) {
                    expected = i;
                    break;
                }
            }
            assertThat(ByteArrays.indexOf(b, from, to, value)).isEqualTo(expected);
        }
    }

    @Test
    void flagsExactlyTheBytesThatEqualThePattern() {
        SplittableRandom random = new SplittableRandom(19);
        for (int round = 0; round < 20_000; round++) {
            byte[] b = new byte[8];
            byte value = (byte) random.nextInt(256);
            for (int i = 0; i < 8; i++) {
                int pick = random.nextInt(4);
                b[i] = pick == 0 ? value : pick == 1 ? (byte) (value ^ 1) : pick == 2 ? (byte) (value + 1) : (byte) random.nextInt(256);
            }
            long expected = 0;
            for (int i = 0; i < 8; i++) {
                expected |= b[i] == value ? 0x80L << (i * 8) : 0;
            }
            assertThat(ByteArrays.equalBytes(dev.apigwinsights.util.ByteScan.word(b, 0), (value & 0xFFL) * 0x0101010101010101L)).isEqualTo(expected);
        }
    }
}
