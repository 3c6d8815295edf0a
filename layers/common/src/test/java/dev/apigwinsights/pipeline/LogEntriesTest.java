package dev.apigwinsights.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
