package dev.apigwinsights.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Base64 of byte ranges, through the JDK's codec in reused pieces and through {@link WordBase64} (the
 * C1 codec): the same characters and bytes as the JDK's whole-array calls, and the same rejections.
 */
class Base64CodecTest {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    @ParameterizedTest(name = "word codec: {0}")
    @ValueSource(booleans = {false, true})
    void encodesAnyRangeAsTheJdkEncodesTheSameBytes(boolean words) {
        Base64Codec codec = new Base64Codec(words);
        SplittableRandom random = new SplittableRandom(5);
        byte[] data = new byte[200_000];
        random.nextBytes(data);
        for (int length : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 47, 48, 49, 1000, 49_151, 49_152, 49_153, 150_001}) {
            assertEncodes(codec, data, random.nextInt(10), length);
        }
        for (int round = 0; round < 500; round++) {
            assertEncodes(codec, data, random.nextInt(100), random.nextInt(5_000));
        }
    }

    @ParameterizedTest(name = "word codec: {0}")
    @ValueSource(booleans = {false, true})
    void encodesRangesThatEndAtOrNearTheEndOfTheArray(boolean words) {
        Base64Codec codec = new Base64Codec(words);
        SplittableRandom random = new SplittableRandom(7);
        for (int size = 0; size < 40; size++) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            for (int from = 0; from <= size; from++) {
                for (int to = from; to <= size; to++) {
                    assertEncodes(codec, data, from, to - from);
                }
            }
        }
    }

    private static void assertEncodes(Base64Codec codec, byte[] data, int from, int length) {
        byte[] dst = new byte[Base64Codec.encodedLength(length) + 7 + 9];
        Arrays.fill(dst, (byte) '#');
        int written = codec.encode(data, from, length, dst, 7);
        byte[] expected = Base64.getEncoder().encode(Arrays.copyOfRange(data, from, from + length));
        assertThat(written).isEqualTo(expected.length).isEqualTo(Base64Codec.encodedLength(length));
        assertThat(Arrays.copyOfRange(dst, 7, 7 + written)).isEqualTo(expected);
        assertThat(Arrays.copyOfRange(dst, 7 + written, dst.length)).as("nothing written past the end").containsOnly((byte) '#');
    }

    @ParameterizedTest(name = "word codec: {0}")
    @ValueSource(booleans = {false, true})
    void decodesAndRejectsExactlyWhatTheJdkDecoderDoes(boolean words) {
        Base64Codec codec = new Base64Codec(words);
        SplittableRandom random = new SplittableRandom(6);
        String odd = "=\n -_.\"\\\u0080\u00ff\u0000";
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
                    sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
                text = sb.toString();
            }
            for (int e = random.nextInt(3); e > 0 && !text.isEmpty(); e--) {
                int at = random.nextInt(text.length());
                text = text.substring(0, at) + odd.charAt(random.nextInt(odd.length())) + text.substring(at + 1);
            }
            assertDecodes(codec, text);
        }
    }

    @ParameterizedTest(name = "word codec: {0}")
    @ValueSource(booleans = {false, true})
    void decodesEveryByteValueAtEveryPlaceOfShortStringsAsTheJdkDoes(boolean words) {
        Base64Codec codec = new Base64Codec(words);
        SplittableRandom random = new SplittableRandom(8);
        for (int length = 0; length <= 20; length++) {
            for (int round = 0; round < 4; round++) {
                byte[] bytes = new byte[length * 3 / 4 + 1];
                random.nextBytes(bytes);
                String valid = Base64.getEncoder().encodeToString(bytes).substring(0, length);
                for (int at = 0; at < length; at++) {
                    for (int c = 0; c < 256; c++) {
                        assertDecodes(codec, valid.substring(0, at) + (char) c + valid.substring(at + 1));
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "word codec: {0}")
    @ValueSource(booleans = {false, true})
    void decodesPaddingWhereverItStandsAsTheJdkDoes(boolean words) {
        Base64Codec codec = new Base64Codec(words);
        SplittableRandom random = new SplittableRandom(9);
        for (int length = 0; length <= 26; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            String valid = Base64.getEncoder().encodeToString(bytes);
            for (int at = 0; at <= valid.length(); at++) {
                for (String pad : new String[] {"=", "==", "===", "A=", "AA==", "=A", "==A"}) {
                    assertDecodes(codec, valid.substring(0, at) + pad + valid.substring(at));
                    assertDecodes(codec, valid.substring(0, at) + pad);
                    assertDecodes(codec, valid.replace("=", "").substring(0, Math.min(at, valid.replace("=", "").length())) + pad);
                }
            }
        }
    }

    @ParameterizedTest(name = "word codec: {0}")
    @ValueSource(booleans = {false, true})
    void decodesTheUrlAndMimeAlphabetsAsTheBasicJdkDecoderDoes(boolean words) {
        Base64Codec codec = new Base64Codec(words);
        SplittableRandom random = new SplittableRandom(10);
        for (int round = 0; round < 300; round++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            assertDecodes(codec, Base64.getUrlEncoder().encodeToString(bytes));
            assertDecodes(codec, Base64.getMimeEncoder().encodeToString(bytes));
            assertDecodes(codec, Base64.getMimeEncoder(8, new byte[] {'\n'}).encodeToString(bytes));
        }
    }

    @ParameterizedTest(name = "word codec: {0}")
    @ValueSource(booleans = {false, true})
    void decodesIntoABuilderThatMustGrowAndKeepsWhatItHeld(boolean words) {
        Base64Codec codec = new Base64Codec(words);
        SplittableRandom random = new SplittableRandom(11);
        for (int length = 0; length < 100; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            byte[] src = Base64.getEncoder().encode(bytes);
            ByteArrayBuilder out = new ByteArrayBuilder(0);
            out.append(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15});
            assertThat(codec.decode(src, 0, src.length, out)).isTrue();
            assertThat(Arrays.copyOfRange(out.array(), 0, 15)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
            assertThat(Arrays.copyOfRange(out.array(), 15, out.length())).isEqualTo(bytes);
        }
    }

    @Test
    void onlyHotSpotsC1OnlyModeSelectsTheWordCodec() {
        assertThat(Base64Codec.c1Only("mixed mode, emulated-client, sharing")).isTrue();
        assertThat(Base64Codec.c1Only("mixed mode, emulated-client")).isTrue();
        assertThat(Base64Codec.c1Only("mixed mode, sharing")).isFalse();
        assertThat(Base64Codec.c1Only("interpreted mode, sharing")).isFalse();
        assertThat(Base64Codec.c1Only("")).isFalse();
    }

    @Test
    void aC2WithoutTheBase64IntrinsicAlsoGetsTheWordCodec() {
        assertThat(Base64Codec.prefersWords("mixed mode, emulated-client, sharing", () -> {
            throw new AssertionError("C1 alone needs no flag lookup (it costs a cold start 30-80 ms)");
        })).isTrue();
        assertThat(Base64Codec.prefersWords("mixed mode, sharing", () -> false)).isTrue();
        assertThat(Base64Codec.prefersWords("mixed mode, sharing", () -> true)).isFalse();
    }

    @Test
    void readsTheIntrinsicFlagOfTheRunningJvm() throws Exception {
        // a JVM told to run without the intrinsic (as x86 without AVX-512 does on JDK 17) must choose the word codec
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-XX:+UnlockDiagnosticVMOptions", "-XX:-UseBASE64Intrinsics",
                "-cp", System.getProperty("java.class.path"), PrintCodecChoice.class.getName())
                .redirectErrorStream(true).start();
        String printed = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(child.waitFor()).as(printed).isZero();
        assertThat(printed).isEqualTo("word codec: true");
    }

    /** Run in a child JVM by {@link #readsTheIntrinsicFlagOfTheRunningJvm}. */
    static final class PrintCodecChoice {
        public static void main(String[] args) {
            System.out.println("word codec: " + Base64Codec.wordCodecChosen());
        }
    }

    private static void assertDecodes(Base64Codec codec, String text) {
        byte[] src = ("xy" + text + "z").getBytes(StandardCharsets.ISO_8859_1);
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(text.getBytes(StandardCharsets.ISO_8859_1));
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
