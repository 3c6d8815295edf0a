package dev.apigwinsights.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogEntriesTest {
    @Test
    void keepsOneLineRecordsWhole() {
        assertThat(LogEntries.split("{\"a\":1}\n")).containsExactly("{\"a\":1}");
        assertThat(LogEntries.split("  \n\t ")).isEmpty();
    }

    @Test
    void splitsJsonLinesAndPlainLines() {
        assertThat(LogEntries.split("{\"a\":1}\n{\"a\":2}\r\n\n")).containsExactly("{\"a\":1}", "{\"a\":2}");
        assertThat(LogEntries.split("1.2.3.4 - - [x]\n5.6.7.8 - - [y]")).containsExactly("1.2.3.4 - - [x]", "5.6.7.8 - - [y]");
    }

    @Test
    void keepsAPrettyPrintedObjectAsOneEntry() {
        assertThat(LogEntries.split("{\n  \"a\": 1,\n  \"b\": {\"c\": 2}\n}\n")).hasSize(1);
    }

    // Issue 7, item 3: several JSON objects in one record are several entries, however separated.

    private static final String A = "{\"requestId\":\"a\",\"status\":\"200\"}";
    private static final String B = "{\"requestId\":\"b\",\"status\":\"404\"}";
    /** API Gateway does not escape quotes: not valid JSON. */
    private static final String BROKEN = "{\"requestId\":\"c\",\"userAgent\":\"say \"hi\" {}\",\"status\":\"500\"}";

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\n\n\n", "\r\n\r\n", "", " ", "\t \n  ", "\n \r\n"})
    void splitsObjectsWhateverSeparatesThem(String separator) {
        assertThat(LogEntries.split(A + separator + B)).containsExactly(A, B);
        assertThat(LogEntries.split(A + separator + BROKEN + separator + B)).containsExactly(A, BROKEN, B);
        assertThat(LogEntries.split(BROKEN + separator + BROKEN)).containsExactly(BROKEN, BROKEN);
    }

    @Test
    void splitsPrettyPrintedObjectsBackToBack() {
        String pretty = "{\n  \"requestId\": \"a\",\n  \"nested\": {\"x\": 1}\n}";
        assertThat(LogEntries.split(pretty + pretty + "\n" + pretty)).hasSize(3).allMatch(e -> e.equals(pretty));
    }

    @Test
    void keepsAValueThatLooksLikeTwoObjectsInsideValidJson() {
        String line = "{\"requestId\":\"a\",\"errorMessage\":\"{\\\"x\\\":1}{\\\"y\\\":2}\\n\"}";
        assertThat(LogEntries.split(line + "\n" + line)).containsExactly(line, line);
    }

    @Test
    void readsSpansOfBytesWithoutABom() {
        byte[] b = ("\uFEFF" + A + "\n" + B).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int[] spans = LogEntries.spans(b, 0, b.length);
        assertThat(spans).containsExactly(3, 3 + A.length(), 4 + A.length(), b.length);
    }
}
