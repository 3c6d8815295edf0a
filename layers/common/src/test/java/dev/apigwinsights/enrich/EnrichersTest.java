package dev.apigwinsights.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwinsights.schema.CanonicalField;
import dev.apigwinsights.schema.CanonicalRecord;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrichersTest {
    private final Clock clock = Clock.systemUTC();

    @Test
    void nullBlankAndNoneMeanNoEnrichment() {
        assertThat(Enrichers.fromSetting(null, Map.of(), clock)).isSameAs(Enricher.NONE);
        assertThat(Enrichers.fromSetting("  ", Map.of(), clock)).isSameAs(Enricher.NONE);
        assertThat(Enrichers.fromSetting("none", Map.of(), clock)).isSameAs(Enricher.NONE);
        assertThat(Enrichers.fromSetting("NONE", Map.of(), clock)).isSameAs(Enricher.NONE);
    }

    /**
     * SnapStart priming enriches through the production kind of enricher (so its code is compiled
     * and its call site keeps its class after restore) over the bundled usage plans, never the account.
     */
    @Test
    void primingEnrichesLikeTheAccountButFromTheUsagePlansItIsGiven() throws Exception {
        try (ApiGatewayFake account = new ApiGatewayFake()) {
            Enricher production = Enrichers.fromSetting("aws", Map.of("AWS_REGION", "us-east-1",
                    "APIGW_ENDPOINT_OVERRIDE", account.endpoint().toString()), clock);
            Enricher priming;
            try (java.io.InputStream plans = java.nio.file.Files.newInputStream(dev.apigwinsights.eventkit.Fixtures.path("usage-plans.json"))) {
                priming = Enrichers.forPriming(production, plans, clock);
            }
            assertThat(priming).isInstanceOf(production.getClass()).isNotSameAs(production);
            for (String[] keyAndStatus : new String[][] {{"k1acme0001", "OK"}, {"kzunknown9", "UNKNOWN_KEY"}}) {
                CanonicalRecord r = new CanonicalRecord();
                r.set(CanonicalField.API_KEY_ID, keyAndStatus[0]);
                r.set(CanonicalField.API_ID, ApiGatewayFake.REST_API);
                r.set(CanonicalField.STAGE, "prod");
                priming.enrich(r);
                assertThat(r.getString(CanonicalField.ENRICHMENT_STATUS)).as(keyAndStatus[0]).isEqualTo(keyAndStatus[1]);
            }
            Thread.sleep(200); // an early refresh for the unknown key would reach the account now
            assertThat(account.requests("/usageplans") + account.requests("/apikeys")).as("calls to the account").isZero();
        }
        try (java.io.InputStream plans = new java.io.ByteArrayInputStream(new byte[0])) {
            assertThat(Enrichers.forPriming(Enricher.NONE, plans, clock)).isSameAs(Enricher.NONE);
        }
    }

    @Test
    void theAccountNeedsARegion() {
        assertThatThrownBy(() -> Enrichers.fromSetting("aws", Map.of(), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AWS_REGION");
    }

    @Test
    void badCacheKnobsFailTheWiring() {
        assertThatThrownBy(() -> Enrichers.fromSetting("aws",
                Map.of("AWS_REGION", "us-east-1", "USAGE_PLAN_CACHE_TTL_SECONDS", "soon"), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("USAGE_PLAN_CACHE_TTL_SECONDS");
    }

    /**
     * The production wiring (region from the environment, default credentials chain, standard
     * retries) reaching a fake API Gateway through APIGW_ENDPOINT_OVERRIDE.
     */
    @Test
    void awsReadsTheAccountThroughTheDefaultCredentialsChain() {
        Map<String, String> saved = new HashMap<>();
        for (String p : new String[] {"aws.accessKeyId", "aws.secretAccessKey"}) {
            saved.put(p, System.getProperty(p));
        }
        System.setProperty("aws.accessKeyId", "AKIDTESTFAKE");
        System.setProperty("aws.secretAccessKey", "fake-secret");
        try (ApiGatewayFake fake = new ApiGatewayFake()) {
            fake.standardAccount();
            Enricher enricher = Enrichers.fromSetting("aws", Map.of(
                    "AWS_REGION", "us-east-1",
                    "APIGW_ENDPOINT_OVERRIDE", fake.endpoint().toString()), clock);
            CanonicalRecord r = new CanonicalRecord().set(CanonicalField.API_ID, "a1b2c3d4e5")
                    .set(CanonicalField.STAGE, "beta").set(CanonicalField.API_KEY_ID, "k3initech3");

            enricher.enrich(r);

            assertThat(enricher).isInstanceOf(Refreshable.class);
            assertThat(r.getString(CanonicalField.USAGE_PLAN_NAME)).isEqualTo("Bronze");
            assertThat(r.getString(CanonicalField.ENRICHMENT_STATUS)).isEqualTo("OK");
        } finally {
            saved.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }
}
