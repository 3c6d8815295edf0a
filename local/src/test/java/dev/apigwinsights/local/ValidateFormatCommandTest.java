package dev.apigwinsights.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwinsights.parse.template.ConsolePresets;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateFormatCommandTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(ValidateFormatCommand command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void reportsAUsableFormatAndParsesASampleLineBack() {
        Run run = run(new ValidateFormatCommand(), ConsolePresets.REST_CLF);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Result: VALID", "Sample line:", "[21/Nov/2025:05:02:03 +0000]\"GET /pets/{petId} HTTP/1.1\"",
                "resourcePath      = /pets/{petId}", "Round trip: OK");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void exitsWithOneForAFormatApiGatewayWouldReject() {
        Run run = run(new ValidateFormatCommand(), "{\"status\":\"$context.status\"}");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Result: INVALID", "requires $context.requestId or $context.extendedRequestId");
    }

    @Test
    void readsTheFormatFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("format.json");
        Files.writeString(file, ConsolePresets.HTTP_JSON + "\n", StandardCharsets.UTF_8);

        Run run = run(new ValidateFormatCommand(), "--file", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Format: JSON, 8 variables", "routeKey          = GET /pets/{petId}")
                .doesNotContain("single line");
    }

    @Test
    void readsTheFormatFromStandardInput() {
        ValidateFormatCommand command = new ValidateFormatCommand(
                new ByteArrayInputStream("$context.requestId,$context.status\n".getBytes(StandardCharsets.UTF_8)));

        Run run = run(command, "--file", "-");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Format: plain layout", "status    = 200");
    }

    @Test
    void exitsWithTwoOnUsageAndInputErrors(@TempDir Path dir) {
        assertThat(run(new ValidateFormatCommand()).exitCode()).isEqualTo(2);
        assertThat(run(new ValidateFormatCommand(), "$context.requestId", "--file", "x").exitCode()).isEqualTo(2);
        Run missing = run(new ValidateFormatCommand(), "--file", dir.resolve("nope.txt").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("file not found");
    }
}
