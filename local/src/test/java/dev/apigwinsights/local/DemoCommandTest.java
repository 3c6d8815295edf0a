package dev.apigwinsights.local;

import static dev.apigwinsights.local.StoreTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo runs headless, ingests through the real path, and its store shows every story it promises. */
class DemoCommandTest {
    static final Clock NOW = Clock.fixed(Instant.parse("2024-05-16T09:30:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path tmp;
    static Path data;
    static CliTestSupport.Result run;

    @BeforeAll
    static void demo() {
        data = tmp.resolve("demo");
        run = CliTestSupport.run(new DemoCommand(Map.of(), NOW), "--days", "5", "--data", data.toString(), "--seed", "11", "--no-serve");
    }

    private static Set<Object> values(String sql) throws Exception {
        return rows(data, sql).stream().map(m -> m.values().iterator().next()).collect(Collectors.toSet());
    }

    @Test
    void finishesAndSaysWhereThingsAreAndWhatToRunNext() {
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Generating 5 days", "Firehose results:", "Where things are:", data + "/logs/year=/month=/day=/",
                "What to run next:", "./apigw-insights query --data " + data + " --sql").doesNotContain("No dashboard");
    }

    @Test
    void coversEveryKindOfApiStageAuthAndClient() throws Exception {
        assertThat(values("SELECT DISTINCT api_type FROM access_logs WHERE api_type IS NOT NULL")).containsOnly("REST", "HTTP", "WEBSOCKET");
        assertThat(values("SELECT DISTINCT stage FROM access_logs WHERE stage IS NOT NULL"))
                .contains("prod", "$default", "production");
        assertThat(values("SELECT DISTINCT domain_name FROM access_logs WHERE domain_name IS NOT NULL")).contains("api.example.com");
        assertThat(values("SELECT DISTINCT auth_method FROM access_logs"))
                .contains("API_KEY", "COGNITO_USER_POOL", "COGNITO_IDENTITY", "IAM", "JWT", "LAMBDA_AUTHORIZER", "NONE");
        assertThat(values("SELECT DISTINCT ua_device FROM access_logs WHERE ua_device IS NOT NULL")).hasSizeGreaterThan(3);
        assertThat(values("SELECT DISTINCT contains(source_ip, ':') FROM access_logs")).containsOnly(true, false);
        assertThat(values("SELECT DISTINCT source_kind FROM access_logs")).containsOnly("DIRECT", "CLOUDWATCH");
        // the demo's client networks are national ISPs and hosters whose country an offline database knows
        assertThat(values("SELECT DISTINCT client_country FROM access_logs WHERE client_country IS NOT NULL"))
                .contains("US", "DE", "GB", "FR", "JP", "AU", "CA", "IN");
        assertThat(rows(data, "SELECT count_if(client_country IS NULL) AS unknown, count(*) AS n FROM access_logs"
                + " WHERE source_ip IS NOT NULL").get(0)).satisfies(m -> assertThat(((Number) m.get("unknown")).longValue())
                .isLessThan(((Number) m.get("n")).longValue() / 100));
        assertThat(values("SELECT DISTINCT event_type FROM access_logs WHERE event_type IS NOT NULL"))
                .containsOnly("CONNECT", "MESSAGE", "DISCONNECT");
    }

    @Test
    void customersOfVeryDifferentSizesOneOverQuotaOneThrottledOneUnknownKey() throws Exception {
        List<Map<String, Object>> byCustomer = rows(data, "SELECT customer_id, count(*) AS n FROM access_logs"
                + " WHERE customer_id IS NOT NULL GROUP BY 1 ORDER BY n DESC");
        long biggest = ((Number) byCustomer.get(0).get("n")).longValue();
        long smallest = ((Number) byCustomer.get(byCustomer.size() - 1).get("n")).longValue();
        assertThat(biggest).isGreaterThan(50 * smallest);
        assertThat(values("SELECT DISTINCT customer_id FROM access_logs WHERE error_category = 'QUOTA'")).containsOnly("umbrella");
        assertThat(values("SELECT DISTINCT customer_id FROM access_logs WHERE error_category = 'THROTTLE'")).containsOnly("hooli");
        assertThat(values("SELECT DISTINCT api_key_id FROM access_logs WHERE enrichment_status = 'UNKNOWN_KEY'")).containsOnly("k7vand0009");
        assertThat(values("SELECT DISTINCT usage_plan_name FROM access_logs WHERE usage_plan_name IS NOT NULL"))
                .containsOnly("Enterprise", "Pro", "Starter", "Free");
    }

    @Test
    void showsTheIncidentTheOutageAndTheWafBlocks() throws Exception {
        Map<String, Object> incident = rows(data, "SELECT count_if(status = 504) AS timeouts, max(integration_latency_ms) AS worst,"
                + " count_if(error_signature LIKE '%Task timed out after%') AS lambda_timeouts FROM access_logs").get(0);
        assertThat(((Number) incident.get("timeouts")).longValue()).isGreaterThan(10);
        assertThat(((Number) incident.get("worst")).longValue()).isGreaterThanOrEqualTo(29_000);
        assertThat(((Number) incident.get("lambda_timeouts")).longValue()).isGreaterThan(10);
        assertThat(values("SELECT DISTINCT error_response_type FROM access_logs WHERE api_type = 'WEBSOCKET' AND status = 500"))
                .containsOnly("AUTHORIZER_CONFIGURATION_ERROR");
        assertThat(values("SELECT DISTINCT waf_response_code FROM access_logs WHERE error_category = 'WAF'")).containsOnly("WAF_BLOCK");
        // the execution-log lines exported by mistake are failure documents, not rows
        assertThat(StoreTestSupport.count(data, "access_logs_processing_failed")).isEqualTo(12);
    }

    @Test
    void hasDiurnalAndWeeklyCycles() throws Exception {
        Map<String, Object> r = rows(data, "WITH h AS (SELECT hour(request_time) AS hr, count(*) AS n FROM access_logs GROUP BY 1)"
                + " SELECT max(n) FILTER (WHERE hr = 15) AS peak, max(n) FILTER (WHERE hr = 3) AS trough FROM h").get(0);
        assertThat(((Number) r.get("peak")).longValue()).isGreaterThan(2 * ((Number) r.get("trough")).longValue());
        Map<String, Object> w = rows(data, "SELECT count_if(dayofweek(request_time) IN (0, 6)) / 2.0 AS weekend_day,"
                + " count_if(dayofweek(request_time) IN (2, 3)) / 2.0 AS midweek_day FROM access_logs").get(0);
        assertThat(((Number) w.get("midweek_day")).doubleValue()).isGreaterThan(1.4 * ((Number) w.get("weekend_day")).doubleValue());
    }

    @Test
    void refusesToReplaceADirectoryItDidNotWrite() throws Exception {
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("precious.txt"), "keep me");

        CliTestSupport.Result r = CliTestSupport.run(new DemoCommand(Map.of(), NOW), "--days", "1", "--data", mine.toString(), "--no-serve");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("holds files the demo did not write");
        assertThat(mine.resolve("precious.txt")).hasContent("keep me");
    }

    @Test
    void saysSoWhenDataNamesAFile() throws Exception {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "keep me");

        CliTestSupport.Result r = CliTestSupport.run(new DemoCommand(Map.of(), NOW), "--days", "1", "--data", file.toString(), "--no-serve");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("notes.txt is a file, not a directory");
        assertThat(file).hasContent("keep me");
    }
}
