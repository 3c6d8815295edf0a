package dev.apigwinsights.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwinsights.schema.CanonicalField;
import dev.apigwinsights.schema.CanonicalRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The usage-plans file, starting with the example shipped in {@code events/}. */
class UsagePlansFileTest {
    private static final String REST_API = "a1b2c3d4e5";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));

    private static Path exampleFile() {
        String dir = System.getProperty("apigw.events.dir");
        assertThat(dir).as("system property apigw.events.dir (set by surefire)").isNotNull();
        return Path.of(dir, "usage-plans.json");
    }

    private static CanonicalRecord enrich(Enricher enricher, String apiId, String stage, String keyId) {
        CanonicalRecord r = new CanonicalRecord().set(CanonicalField.API_ID, apiId).set(CanonicalField.STAGE, stage)
                .set(CanonicalField.API_KEY_ID, keyId);
        enricher.enrich(r);
        return r;
    }

    @Test
    void resolvesEveryIdentityOfTheExampleFile() {
        Enricher enricher = Enrichers.fromSetting(exampleFile().toString(), Map.of(), clock);

        CanonicalRecord acme = enrich(enricher, REST_API, "prod", "k1acme0001");
        CanonicalRecord globex = enrich(enricher, REST_API, "prod", "k2globex02");
        CanonicalRecord initechProd = enrich(enricher, REST_API, "prod", "k3initech3");
        CanonicalRecord initechBeta = enrich(enricher, REST_API, "beta", "k3initech3");
        CanonicalRecord umbrella = enrich(enricher, REST_API, "beta", "k4umbrella");
        CanonicalRecord unknown = enrich(enricher, REST_API, "prod", "kzunknown9");
        CanonicalRecord http = enrich(enricher, "h7t8p9q0r1", "$default", null);
        CanonicalRecord webSocket = enrich(enricher, "w5s6k7t8u9", "production", null);

        assertThat(enricher).isInstanceOf(Refreshable.class);
        assertColumns(acme, "acme-prod", "acme", "gold111", "Gold", 100_000L, "MONTH", 500.0, 1000L);
        assertColumns(globex, "globex-prod", "globex", "silver22", "Silver", 10_000L, "DAY", 50.0, 100L);
        assertColumns(initechProd, "initech", "initech", "gold111", "Gold", 100_000L, "MONTH", 500.0, 1000L);
        assertColumns(initechBeta, "initech", "initech", "bronze33", "Bronze", 1000L, "WEEK", 5.0, 10L);
        assertColumns(umbrella, "umbrella-trial", "umbrella", "bronze33", "Bronze", 1000L, "WEEK", 5.0, 10L);
        assertThat(unknown.getString(CanonicalField.ENRICHMENT_STATUS)).isEqualTo("UNKNOWN_KEY");
        assertThat(unknown.getString(CanonicalField.USAGE_PLAN_ID)).isNull();
        assertThat(http.getString(CanonicalField.ENRICHMENT_STATUS)).isEqualTo("NO_KEY");
        assertThat(webSocket.getString(CanonicalField.ENRICHMENT_STATUS)).isEqualTo("NO_KEY");
    }

    private static void assertColumns(CanonicalRecord r, String keyName, String customer, String planId, String planName,
                                      long quota, String period, double rate, long burst) {
        assertThat(r.getString(CanonicalField.ENRICHMENT_STATUS)).isEqualTo("OK");
        assertThat(r.getString(CanonicalField.API_KEY_NAME)).isEqualTo(keyName);
        assertThat(r.getString(CanonicalField.CUSTOMER_ID)).isEqualTo(customer);
        assertThat(r.getString(CanonicalField.USAGE_PLAN_ID)).isEqualTo(planId);
        assertThat(r.getString(CanonicalField.USAGE_PLAN_NAME)).isEqualTo(planName);
        assertThat(r.getLong(CanonicalField.QUOTA_LIMIT)).isEqualTo(quota);
        assertThat(r.getString(CanonicalField.QUOTA_PERIOD)).isEqualTo(period);
        assertThat(r.getLong(CanonicalField.QUOTA_OFFSET)).as("quota offset (events/usage-plans.json: 0)").isZero();
        assertThat(r.getDouble(CanonicalField.THROTTLE_RATE_LIMIT)).isEqualTo(rate);
        assertThat(r.getLong(CanonicalField.THROTTLE_BURST_LIMIT)).isEqualTo(burst);
    }

    @Test
    void acceptsListsGivenAsResponsePagesLikeTheAwsCliPrintsThem() throws IOException {
        String json = """
                {"usagePlans": {"items": [{"id": "gold111", "name": "Gold",
                                           "apiStages": [{"apiId": "a1b2c3d4e5", "stage": "prod"}],
                                           "quota": {"limit": 5, "offset": 0, "period": "DAY"}}]},
                 "usagePlanKeys": {"gold111": {"item": [{"id": "k1acme0001", "type": "API_KEY", "name": "acme-prod",
                                                         "value": "never-kept"}]}},
                 "apiKeys": {"items": [{"id": "k1acme0001", "name": "acme-prod", "customerId": "acme", "enabled": true}]}}
                """;

        UsagePlanSnapshot snapshot = UsagePlansFile.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        UsagePlanSnapshot.Resolution r = snapshot.key("k1acme0001").resolve(REST_API, "prod", null, null);

        assertThat(r.usagePlanName()).isEqualTo("Gold");
        assertThat(r.quotaLimit()).isEqualTo(5L);
        assertThat(r.throttleRateLimit()).as("plan without throttle").isNull();
        assertThat(r.customerId()).isEqualTo("acme");
    }

    @Test
    void rejectsAMalformedFileNamingThePlaceNotTheContent(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("usage-plans.json");
        Files.writeString(bad, "{\"usagePlans\": [{\"name\": \"secret-looking-name\"}]}");

        assertThatThrownBy(() -> Enrichers.fromSetting(bad.toString(), Map.of(), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("usagePlans[0].id is missing")
                .hasMessageNotContaining("secret-looking-name");
    }

    @Test
    void rejectsInvalidJsonWithItsLocationOnly(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("usage-plans.json");
        Files.writeString(bad, "{\"apiKeys\": [ {\"id\": \"k1\", \"value\": \"abcd1234\" ");

        assertThatThrownBy(() -> Enrichers.fromSetting(bad.toString(), Map.of(), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON at line 1")
                .hasMessageNotContaining("abcd1234");
    }

    @Test
    void aMissingFileFailsTheWiring(@TempDir Path dir) {
        assertThatThrownBy(() -> Enrichers.fromSetting(dir.resolve("nope.json").toString(), Map.of(), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("usage-plans file not found");
    }

    @Test
    void rereadsTheFileOnceTheTtlHasPassed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("usage-plans.json");
        Files.copy(exampleFile(), file);
        Enricher enricher = Enrichers.fromSetting(file.toString(), Map.of(), clock);
        assertThat(enrich(enricher, REST_API, "prod", "k1acme0001").getString(CanonicalField.USAGE_PLAN_NAME)).isEqualTo("Gold");

        Files.writeString(file, Files.readString(file).replace("\"Gold\"", "\"Platinum\""));
        clock.advance(java.time.Duration.ofMinutes(6));
        enrich(enricher, REST_API, "prod", "k1acme0001");
        ((UsagePlanEnricher) enricher).pendingRefresh().get();

        assertThat(enrich(enricher, REST_API, "prod", "k1acme0001").getString(CanonicalField.USAGE_PLAN_NAME))
                .isEqualTo("Platinum");
    }
}
