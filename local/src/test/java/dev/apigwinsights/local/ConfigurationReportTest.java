package dev.apigwinsights.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * invoke and ingest read their configuration through the Lambda's own wiring and report a bad
 * setting the same way: the variable named, exit code 2, nothing on stdout and nothing stored. The
 * demo runs with its own settings only (a shell's LOG_FORMAT must not change it).
 */
class ConfigurationReportTest {
    private static final Map<String, String> BAD_FORMAT = Map.of("LOG_FORMAT", "no variables here");

    @TempDir
    Path data;

    @Test
    void ingestAndInvokeReportABadSettingTheSameWay() throws Exception {
        CliTestSupport.Result ingest = CliTestSupport.run(new IngestCommand(BAD_FORMAT, Clock.systemUTC(), InputStream.nullInputStream()),
                "--data", data.toString(), CliTestSupport.events().resolve("lines/rest-clf.log").toString());
        CliTestSupport.Result invoke = CliTestSupport.run(new InvokeCommand(BAD_FORMAT, Clock.systemUTC()),
                "--event", CliTestSupport.events().resolve("firehose-clf.json").toString());
        for (CliTestSupport.Result r : new CliTestSupport.Result[] {ingest, invoke}) {
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
        }
        assertThat(ingest.err()).startsWith("apigw-insights ingest: LOG_FORMAT: ");
        assertThat(invoke.err()).startsWith("apigw-insights invoke: LOG_FORMAT: ");
        assertThat(ingest.err().substring("apigw-insights ingest: ".length()))
                .isEqualTo(invoke.err().substring("apigw-insights invoke: ".length()));
        assertThat(Files.exists(data.resolve("logs"))).isFalse();
    }

    @Test
    void theUsagePlansOptionIsTheUsagePlansSettingAndAMissingFileIsNamed() {
        CliTestSupport.Result r = CliTestSupport.run(new InvokeCommand(Map.of(), Clock.systemUTC()),
                "--event", CliTestSupport.events().resolve("firehose-clf.json").toString(), "--usage-plans", "missing.json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("USAGE_PLANS: usage-plans file not found: missing.json");
    }

    @Test
    void invokeSaysWhichConfigurationItRanWith() {
        CliTestSupport.Result invoke = CliTestSupport.run(new InvokeCommand(Map.of(), Clock.systemUTC()),
                "--event", CliTestSupport.events().resolve("firehose-clf.json").toString());
        assertThat(invoke.err()).contains("configuration: log format: detected per line").contains("usage plans: none")
                .contains("GeoIP: bundled snapshot");
    }
}
