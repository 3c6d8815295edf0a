package dev.apigwinsights.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void acceptsWhatAStrictDecoderAcceptsWhereverTheFirstHighByteIs() {
        SplittableRandom random = new SplittableRandom(23);
        byte[][] pieces = {"a".getBytes(StandardCharsets.UTF_8), "é".getBytes(StandardCharsets.UTF_8), "😀".getBytes(StandardCharsets.UTF_8),
            {(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}};
        for (int round = 0; round < 20_000; round++) {
            ByteArrayBuilder b = new ByteArrayBuilder(64);
            int n = random.nextInt(0, 30);
            for (int i = 0; i < n; i++) {
                b.append(random.nextInt(5) == 0 ? pieces[random.nextInt(pieces.length)] : pieces[0]);
            }
            byte[] bytes = java.util.Arrays.copyOf(b.array(), b.length());
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            assertThat(Utf8.isValid(bytes, from, bytes.length)).isEqualTo(strict(bytes, from, bytes.length));
        }
    }

    private static boolean strict(byte[] b, int from, int to) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, from, to - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
