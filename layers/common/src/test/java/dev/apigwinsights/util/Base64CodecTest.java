package dev.apigwinsights.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Base64 of byte ranges through reused pieces: the same characters and bytes as the JDK's whole-array calls. */
class Base64CodecTest {
    private final Base64Codec codec = new Base64Codec();

    @Test
    void encodesAnyRangeAsTheJdkEncodesTheSameBytes() {
        SplittableRandom random = new SplittableRandom(5);
        byte[] data = new byte[200_000];
        random.nextBytes(data);
        for (int length : new int[] {0, 1, 2, 3, 4, 5, 47, 48, 49, 1000, 49_151, 49_152, 49_153, 150_001}) {
            assertEncodes(data, random.nextInt(10), length);
        }
        for (int round = 0; round < 500; round++) {
            assertEncodes(data, random.nextInt(100), random.nextInt(5_000));
        }
    }

    private void assertEncodes(byte[] data, int from, int length) {
        byte[] dst = new byte[Base64Codec.encodedLength(length) + 7];
        int written = codec.encode(data, from, length, dst, 7);
        byte[] expected = Base64.getEncoder().encode(Arrays.copyOfRange(data, from, from + length));
        assertThat(written).isEqualTo(expected.length).isEqualTo(Base64Codec.encodedLength(length));
        assertThat(Arrays.copyOfRange(dst, 7, 7 + written)).isEqualTo(expected);
    }

    @Test
    void decodesAndRejectsExactlyWhatTheJdkDecoderDoes() {
        SplittableRandom random = new SplittableRandom(6);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        String odd = "=\n -_.\"\\";
        for (int round = 0; round < 20_000; round++) {
            String text;
            if (random.nextBoolean()) {
                byte[] bytes = new byte[random.nextInt(random.nextInt(10) == 0 ? 70_000 : 200)];
                random.nextBytes(bytes);
                text = Base64.getEncoder().encodeToString(bytes);
                if (random.nextBoolean()) {
                    text = text.replace("=", "");
                }
            } else {
                StringBuilder sb = new StringBuilder();
                int n = random.nextInt(40);
                for (int i = 0; i < n; i++) {
                    sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                text = sb.toString();
            }
            for (int e = random.nextInt(3); e > 0 && !text.isEmpty(); e--) {
                int at = random.nextInt(text.length());
                text = text.substring(0, at) + odd.charAt(random.nextInt(odd.length())) + text.substring(at + 1);
            }
            assertDecodes(text);
        }
    }

    private void assertDecodes(String text) {
        byte[] src = ("xy" + text + "z").getBytes(StandardCharsets.US_ASCII);
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            expected = null;
        }
        ByteArrayBuilder out = new ByteArrayBuilder(4);
        out.append((byte) '!');
        boolean ok = codec.decode(src, 2, src.length - 1, out);
        if (expected == null) {
            assertThat(ok).as(text).isFalse();
        } else {
            assertThat(ok).as(text).isTrue();
            assertThat(Arrays.copyOfRange(out.array(), 1, out.length())).as(text).isEqualTo(expected);
        }
    }
}
