package dev.apigwinsights.local.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** UTF-16 files (PowerShell 5's redirection) read as the UTF-8 the framings expect. */
class Utf16InputTest {
    private static byte[] viaUtf16Input(byte[] bytes) throws Exception {
        try (InputStream in = Utf16Input.utf8(new BufferedInputStream(new ByteArrayInputStream(bytes), 1 << 16))) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsBothByteOrdersAsUtf8WithSurrogatePairsAcrossItsBuffers() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        StringBuilder text = new StringBuilder();
        String[] picks = {"a", "{\"k\":\"v\"}\n", "\u00e9", "\u20ac", "\ud83d\ude80", "\r\n"};
        while (text.length() < 50_000) {
            text.append(picks[random.nextInt(picks.length)]);
        }
        for (Charset utf16 : new Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
            byte[] bytes = ("\uFEFF" + text).getBytes(utf16);
            assertThat(viaUtf16Input(bytes)).as(utf16.name()).isEqualTo(text.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void leavesEverythingWithoutAByteOrderMarkAsItIs() throws Exception {
        byte[] utf8 = "{\"requestId\":\"r\"}\n\u00e9".getBytes(StandardCharsets.UTF_8);
        assertThat(viaUtf16Input(utf8)).isEqualTo(utf8);
        assertThat(viaUtf16Input(new byte[] {(byte) 0xFF})).containsExactly(0xFF);
        assertThat(viaUtf16Input(new byte[0])).isEmpty();
    }

    @Test
    void replacesALoneSurrogateAtTheEnd() throws Exception {
        byte[] bytes = {(byte) 0xFF, (byte) 0xFE, 'o', 0, 'k', 0, (byte) 0x3d, (byte) 0xd8};
        assertThat(new String(viaUtf16Input(bytes), StandardCharsets.UTF_8)).isEqualTo("ok\uFFFD");
    }
}
