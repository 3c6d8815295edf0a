package dev.apigwinsights.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * demo and invoke read their configuration through the Lambda's own wiring and report it, and a
 * bad setting, the same way: the variable named, exit code 2, nothing on stdout.
 */
class ConfigurationReportTest {
    private static final Map<String, String> BAD_FORMAT = Map.of("LOG_FORMAT", "no variables here");

    @Test
    void demoAndInvokeReportABadSettingTheSameWay() {
        CliTestSupport.Result demo = CliTestSupport.run(new DemoCommand(BAD_FORMAT, Clock.systemUTC()),
                "--events", CliTestSupport.events().toString());
        CliTestSupport.Result invoke = CliTestSupport.run(new InvokeCommand(BAD_FORMAT, Clock.systemUTC()),
                "--event", CliTestSupport.events().resolve("firehose-clf.json").toString());
        for (CliTestSupport.Result r : new CliTestSupport.Result[] {demo, invoke}) {
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
        }
        assertThat(demo.err()).startsWith("apigw-insights demo: LOG_FORMAT: ");
        assertThat(invoke.err()).startsWith("apigw-insights invoke: LOG_FORMAT: ");
        assertThat(demo.err().substring("apigw-insights demo: ".length()))
                .isEqualTo(invoke.err().substring("apigw-insights invoke: ".length()));
    }

    @Test
    void theUsagePlansOptionIsTheUsagePlansSettingAndAMissingFileIsNamed() {
        CliTestSupport.Result r = CliTestSupport.run(new InvokeCommand(Map.of(), Clock.systemUTC()),
                "--event", CliTestSupport.events().resolve("firehose-clf.json").toString(), "--usage-plans", "missing.json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("USAGE_PLANS: usage-plans file not found: missing.json");
    }

    @Test
    void bothSayWhichConfigurationTheyRanWith() {
        CliTestSupport.Result demo = CliTestSupport.run(new DemoCommand(Map.of(), Clock.systemUTC()),
                "--events", CliTestSupport.events().toString());
        CliTestSupport.Result invoke = CliTestSupport.run(new InvokeCommand(Map.of(), Clock.systemUTC()),
                "--event", CliTestSupport.events().resolve("firehose-clf.json").toString());
        assertThat(demo.out()).contains("configuration: log format: detected per line");
        assertThat(invoke.err()).contains("configuration: log format: detected per line").contains("usage plans: none");
    }
}
