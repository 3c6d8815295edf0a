package dev.apigwinsights.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest streams: a JVM whose heap is smaller than its input ingests all of it. (The benchmark
 * does the same at scale: 10 million records with -Xmx512m, see docs/local-mode.md.)
 */
class BoundedMemoryTest {
    private static final int HEAP_MB = 64;

    @Test
    void ingestsAnInputLargerThanTheHeap(@TempDir Path tmp) throws Exception {
        Path input = tmp.resolve("big.log");
        String padding = "x".repeat(1200);
        int lines = 0;
        try (BufferedWriter w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            while (Files.size(input) < (HEAP_MB + 16) * 1024L * 1024L || lines == 0) {
                for (int i = 0; i < 1000; i++, lines++) {
                    w.write(StoreTestSupport.jsonLine(lines).replace("\"ip\":", "\"identityUserAgent\":\"agent/" + padding + "\",\"ip\":"));
                    w.write('\n');
                }
                w.flush();
            }
        }
        assertThat(Files.size(input)).isGreaterThan(HEAP_MB * 1024L * 1024L);

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP_MB + "m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                Cli.class.getName(), "ingest", "--data", tmp.resolve("store").toString(), "--json", input.toString()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(p.exitValue()).as(out).isZero();
        JsonNode summary = StoreTestSupport.JSON.readTree(out.strip().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(summary.get("rowsWritten").asLong()).isEqualTo(lines);
    }
}
