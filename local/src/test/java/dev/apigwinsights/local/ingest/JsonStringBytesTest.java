package dev.apigwinsights.local.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonStringBytesTest {
    private static final byte[] PICKS = "ab\"\\\n\t\u0001{}:,é".getBytes(StandardCharsets.UTF_8);

    @Test
    void escapesLikeAPlainLoopAtEveryLengthAndPosition() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 5_000; round++) {
            byte[] in = new byte[random.nextInt(0, 70)];
            for (int i = 0; i < in.length; i++) {
                in[i] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : PICKS[random.nextInt(PICKS.length)];
            }
            byte[] expected = reference(in);
            assertThat(JsonStringBytes.length(in)).isEqualTo(expected.length);
            int at = random.nextInt(0, 9);
            byte[] out = new byte[at + expected.length];
            assertThat(JsonStringBytes.write(out, at, in)).isEqualTo(out.length);
            assertThat(java.util.Arrays.copyOfRange(out, at, out.length)).isEqualTo(expected);
        }
    }

    @Test
    void writesAStringThatJsonReadsBackAsTheMessage() throws Exception {
        String message = "{\"requestId\":\"r-1\",\"userAgent\":\"curl \\\"8\\\"\",\"note\":\"tab\there\u0002 and é\"}";
        byte[] utf8 = message.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[JsonStringBytes.length(utf8)];
        JsonStringBytes.write(out, 0, utf8);
        assertThat(new ObjectMapper().readValue(out, String.class)).isEqualTo(message);
    }

    /** The obvious byte-at-a-time escaper. */
    private static byte[] reference(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('"');
        for (byte c : in) {
            if (c == '"' || c == '\\') {
                out.write('\\');
                out.write(c);
            } else if (c >= 0 && c < 0x20) {
                out.writeBytes(String.format("\\u%04x", c).getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(c);
            }
        }
        out.write('"');
        return out.toByteArray();
    }
}
