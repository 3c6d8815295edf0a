package dev.apigwinsights.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.event.Level;

class JsonLinesLoggerTest {
    @Test
    void writesOneJsonObjectPerLineAndNeverTheExceptionMessage() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Logger log = new JsonLinesLoggerFactory(Level.INFO, new PrintStream(bytes, true, StandardCharsets.UTF_8)).getLogger("t");
        log.debug("hidden {}", 1);
        log.warn("record {} failed: {}", "id-1", "quote \" and\nnewline", new IllegalStateException("payload: secret"));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(1);
        JsonNode n = new ObjectMapper().readTree(lines[0]);
        assertThat(n.get("level").asText()).isEqualTo("WARN");
        assertThat(n.get("message").asText()).isEqualTo("record id-1 failed: quote \" and\nnewline");
        assertThat(n.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(lines[0]).doesNotContain("secret");
    }

    @Test
    void readsTheLevelLambdaConfigures() {
        assertThat(JsonLinesLogger.levelFrom("debug")).isEqualTo(Level.DEBUG);
        assertThat(JsonLinesLogger.levelFrom(null)).isEqualTo(Level.INFO);
        assertThat(JsonLinesLogger.levelFrom("FATAL")).isEqualTo(Level.ERROR);
    }
}
