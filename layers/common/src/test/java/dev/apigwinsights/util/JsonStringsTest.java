package dev.apigwinsights.util;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The one JSON string escaper: what it writes reads back, as JSON and through its own unescaper. */
class JsonStringsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void writesWhatJsonReadsBack() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        String alphabet = "aZ09 \"\\/\n\r\t\b\f\u0000\u0001\u001f\u007f\u00e9\u20ac\ud83d\ude00\ud800x\udc00";
        for (int round = 0; round < 2_000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            ByteArrayBuilder out = new ByteArrayBuilder(8);
            JsonStrings.write(s, out);
            String expected = s.replaceAll("[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]", "\uFFFD");
            assertThat(MAPPER.readValue(out.toByteArray(), String.class)).isEqualTo(expected);
            StringBuilder chars = new StringBuilder();
            JsonStrings.append(s, chars);
            assertThat(MAPPER.readValue(chars.toString(), String.class)).isEqualTo(expected);
            byte[] written = out.toByteArray();
            assertThat(JsonStrings.unescape(written, 1, written.length - 1)).isEqualTo(expected);
        }
    }

    @Test
    void unescapesPlainTextAndOneLetterEscapesEightBytesAtATimeAsTheUnescaperDoes() {
        SplittableRandom random = new SplittableRandom(12);
        String[] pieces = {"a", "Zz09", " ", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\r", "\\b", "\\f", "]", "#", "\u007f",
            "\\u0041", "\"", "\u0001", "\u00e9", "{\\\"status\\\":\\\"200\\\",\\\"ip\\\":\\\"1.2.3.4\\\"}"};
        for (int round = 0; round < 20_000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(30);
            for (int i = 0; i < n; i++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
            int from = random.nextInt(Math.min(3, b.length + 1));
            byte[] dst = new byte[b.length + 16];
            long stopAndEnd = JsonStrings.unescapePlain(b, from, b.length, dst, 5);
            int stop = (int) (stopAndEnd >>> 32);
            int end = (int) stopAndEnd;
            // it read up to where something only the caller reads starts, and read that part exactly
            assertThat(new String(dst, 5, end - 5, StandardCharsets.UTF_8)).as(sb.toString()).isEqualTo(JsonStrings.unescape(b, from, stop));
            boolean atStop = stop == b.length || b[stop] == '"' || b[stop] < 0x20 || stop + 1 == b.length
                    || (b[stop] == '\\' && "\"\\/bfnrt".indexOf(b[stop + 1]) < 0);
            assertThat(atStop).as("stopped at %d from %d in %s", stop, from, java.util.Arrays.toString(b)).isTrue();
        }
    }

    @Test
    void escapesControlCharactersTheShortWayWhereJsonHasOne() {
        ByteArrayBuilder out = new ByteArrayBuilder(8);
        JsonStrings.write("\n\u0001\"", out);
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).isEqualTo("\"\\n\\u0001\\\"\"");
    }
}
