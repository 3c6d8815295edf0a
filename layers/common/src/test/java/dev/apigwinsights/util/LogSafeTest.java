package dev.apigwinsights.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 7, item 11: identifiers from the input are fit for a log line. */
class LogSafeTest {
    @Test
    void keepsOrdinaryIdsAsTheyAre() {
        assertThat(LogSafe.id("49546986683135544286507457936321625675700192471156780001")).isEqualTo(
                "49546986683135544286507457936321625675700192471156780001");
        assertThat(LogSafe.id("arn:aws:execute-api:us-east-1:1/prod+x=y@z_w.v")).isEqualTo("arn:aws:execute-api:us-east-1:1/prod+x=y@z_w.v");
    }

    @Test
    void replacesControlCharactersQuotesAndSpacesAndBoundsTheLength() {
        assertThat(LogSafe.id("a\nb\r\"c\" d\u2028e{}")).isEqualTo("a?b??c??d?e??");
        String shown = LogSafe.id("k".repeat(10_000));
        assertThat(shown).startsWith("k".repeat(LogSafe.MAX_LENGTH)).endsWith("...(10000 chars)");
        assertThat(shown.length()).isLessThan(LogSafe.MAX_LENGTH + 20);
        assertThat(LogSafe.id(null)).isEqualTo("null");
    }
}
