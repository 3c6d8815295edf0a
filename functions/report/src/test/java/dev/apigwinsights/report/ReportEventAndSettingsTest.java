package dev.apigwinsights.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwinsights.reports.ReportPeriod;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Scheduler's input as the template writes it, and the function's environment as the template sets it. */
class ReportEventAndSettingsTest {

    private static ReportEvent event(String json) throws Exception {
        return ReportEvent.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theScheduledTimeFixesThePeriodSoALateRunReportsOnTheSameWeek() throws Exception {
        ReportEvent e = event("{\"report\":\"summary\",\"period\":\"week\",\"scheduledTime\":\"2026-11-23T06:00:00Z\"}");
        ReportPeriod lateRun = e.period(ZoneId.of("Europe/Berlin"), Instant.parse("2026-11-30T09:00:00Z"));
        assertThat(lateRun.range().from()).isEqualTo(Instant.parse("2026-11-15T23:00:00Z"));
        assertThat(lateRun.label()).startsWith("Week 47");
    }

    @Test
    void anUnsubstitutedPlaceholderOrNoTimeMeansNow() throws Exception {
        ReportEvent e = event("{\"report\":\"statements\",\"period\":\"month\",\"scheduledTime\":\"<aws.scheduler.scheduled-time>\"}");
        assertThat(e.kind()).isEqualTo(ReportEvent.Kind.STATEMENTS);
        assertThat(e.period(ZoneId.of("UTC"), Instant.parse("2026-12-01T08:00:00Z")).label()).isEqualTo("November 2026");
    }

    @Test
    void aManualRunTakesARangeAndACustomer() throws Exception {
        ReportEvent e = event("{\"report\":\"statements\",\"from\":\"2026-11-01\",\"to\":\"2026-11-15\",\"customer\":\"acme\"}");
        assertThat(e.customer()).contains("acme");
        assertThat(e.period(ZoneId.of("UTC"), Instant.EPOCH).range().to()).isEqualTo(Instant.parse("2026-11-15T00:00:00Z"));
    }

    @Test
    void badEventsSayWhatIsWrong() {
        assertThatThrownBy(() -> event("{\"report\":\"everything\"}")).hasMessageContaining("summary or statements");
        assertThatThrownBy(() -> event("{\"period\":\"quarter\"}")).hasMessageContaining("day, week or month");
        assertThatThrownBy(() -> event("[]")).hasMessageContaining("JSON object");
    }

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>(Map.of("PROJECT_NAME", "shop-api", "AWS_REGION", "eu-west-1", "ATHENA_WORKGROUP", "shop-api",
                "GLUE_DATABASE", "shop_api", "REPORT_BUCKET", "shop-api-logs", "REPORT_SENDER", "reports@shop.example"));
        env.put("REPORT_RECIPIENTS", "ops@shop.example,pm@shop.example");
        env.put("PRICES", "Gold=0.0004,Silver=0.001");
        env.put("ATTACHMENT_LIMIT_BYTES", "10000000");
        env.put("REPORT_TIME_ZONE", "Europe/Berlin");
        env.put("SES_CONFIGURATION_SET", "");
        return env;
    }

    @Test
    void settingsComeFromTheEnvironmentTheTemplateSets() {
        ReportSettings s = ReportSettings.fromEnvironment(env());
        assertThat(s.recipients()).isEqualTo(List.of("ops@shop.example", "pm@shop.example"));
        assertThat(s.insightSettings().pricePerRequestByPlan()).containsEntry("Gold", 0.0004).containsEntry("Silver", 0.001);
        assertThat(s.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(s.configurationSet()).isEmpty();
        assertThat(s.attachmentLimit()).isEqualTo(10_000_000);
        assertThat(s.statementTagKey()).isEqualTo("report-to");
    }

    @Test
    void aMissingVariableOrBadPriceIsNamed() {
        Map<String, String> env = env();
        env.remove("REPORT_BUCKET");
        assertThatThrownBy(() -> ReportSettings.fromEnvironment(env)).hasMessageContaining("REPORT_BUCKET");
        Map<String, String> prices = env();
        prices.put("PRICES", "Gold");
        assertThatThrownBy(() -> ReportSettings.fromEnvironment(prices)).hasMessageContaining("PLAN=PRICE");
    }
}
