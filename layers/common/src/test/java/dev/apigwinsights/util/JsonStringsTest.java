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
    void escapesControlCharactersTheShortWayWhereJsonHasOne() {
        ByteArrayBuilder out = new ByteArrayBuilder(8);
        JsonStrings.write("\n\u0001\"", out);
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).isEqualTo("\"\\n\\u0001\\\"\"");
    }
}
