package dev.apigwinsights.enrich;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.apigwinsights.enrich.ApiGatewayFake.REST_API;
import static dev.apigwinsights.enrich.ApiGatewayFake.apiKey;
import static dev.apigwinsights.enrich.ApiGatewayFake.plan;
import static dev.apigwinsights.enrich.ApiGatewayFake.planKey;
import static dev.apigwinsights.enrich.ApiGatewayFake.stage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwinsights.schema.CanonicalField;
import dev.apigwinsights.schema.CanonicalRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/**
 * The usage-plan enricher against the real SDK client talking to a fake API Gateway endpoint
 * (WireMock, see {@link ApiGatewayFake}). Time is a {@link MutableClock}: nothing here sleeps to
 * make the cache expire.
 */
class UsagePlanEnricherTest {
    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
    private static final UsagePlanCacheConfig CONFIG = new UsagePlanCacheConfig(Duration.ofMinutes(5), 0.0,
            Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofSeconds(30));
    private static final UsagePlanCacheConfig JITTERED = new UsagePlanCacheConfig(Duration.ofMinutes(5), 0.1,
            Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofSeconds(30));

    private static ApiGatewayFake fake;
    private static ApiGatewayClient client;

    private MutableClock clock;
    private AtomicInteger randomsCreated;

    @BeforeAll
    static void startFake() {
        fake = new ApiGatewayFake();
        client = fake.client();
    }

    @AfterAll
    static void stopFake() {
        client.close();
        fake.close();
    }

    @BeforeEach
    void freshAccount() {
        fake.reset();
        fake.standardAccount();
        clock = new MutableClock(START);
        randomsCreated = new AtomicInteger();
    }

    private UsagePlanEnricher enricher(UsagePlanCacheConfig config) {
        return enricher(config, () -> Long.MIN_VALUE); // nextDouble() == 0.5
    }

    private UsagePlanEnricher enricher(UsagePlanCacheConfig config, RandomGenerator random) {
        return Enrichers.usagePlans(new ApiGatewayUsagePlanSource(client, "fake API Gateway"), config, clock, () -> {
            randomsCreated.incrementAndGet();
            return random;
        });
    }

    private static CanonicalRecord request(String apiId, String stage, String apiKeyId) {
        return new CanonicalRecord()
                .set(CanonicalField.API_ID, apiId)
                .set(CanonicalField.STAGE, stage)
                .set(CanonicalField.API_KEY_ID, apiKeyId)
                .set(CanonicalField.RESOURCE_PATH, "/pets")
                .set(CanonicalField.HTTP_METHOD, "GET");
    }

    private static CanonicalRecord enriched(UsagePlanEnricher enricher, String apiId, String stage, String apiKeyId) {
        CanonicalRecord r = request(apiId, stage, apiKeyId);
        enricher.enrich(r);
        return r;
    }

    private static void awaitRefresh(UsagePlanEnricher enricher) throws Exception {
        enricher.pendingRefresh().get(10, TimeUnit.SECONDS);
    }

    private static String status(CanonicalRecord r) {
        return r.getString(CanonicalField.ENRICHMENT_STATUS);
    }

    @Test
    void followsEveryPageOfPlansPlanKeysAndApiKeys() {
        UsagePlanEnricher enricher = enricher(CONFIG);

        CanonicalRecord acme = enriched(enricher, REST_API, "prod", "k1acme0001");      // plans page 1, keys page 1
        CanonicalRecord initech = enriched(enricher, REST_API, "prod", "k3initech3");   // Gold's keys page 2
        CanonicalRecord umbrella = enriched(enricher, REST_API, "beta", "k4umbrella");  // plans page 2, API keys page 2

        assertThat(acme.getString(CanonicalField.USAGE_PLAN_ID)).isEqualTo("gold111");
        assertThat(initech.getString(CanonicalField.USAGE_PLAN_NAME)).isEqualTo("Gold");
        assertThat(initech.getString(CanonicalField.CUSTOMER_ID)).isEqualTo("initech");
        assertThat(umbrella.getString(CanonicalField.USAGE_PLAN_NAME)).isEqualTo("Bronze");
        assertThat(umbrella.getString(CanonicalField.CUSTOMER_ID)).isEqualTo("umbrella");
        assertThat(List.of(acme, initech, umbrella)).allSatisfy(r -> assertThat(status(r)).isEqualTo("OK"));

        assertThat(fake.requests("/usageplans")).isEqualTo(2);
        assertThat(fake.requests("/usageplans/gold111/keys")).isEqualTo(2);
        assertThat(fake.requests("/apikeys")).isEqualTo(2);
        assertThat(fake.requestsWith("/apikeys", "includeValues", "false")).isEqualTo(2);
        assertThat(fake.requestsWith("/usageplans", "limit", "500")).isEqualTo(2);
    }

    @Test
    void fillsEveryColumnFromTheKeyAndItsPlan() {
        CanonicalRecord r = enriched(enricher(CONFIG), REST_API, "prod", "k1acme0001");

        assertThat(r.getString(CanonicalField.API_KEY_NAME)).isEqualTo("acme-prod");
        assertThat(r.getString(CanonicalField.CUSTOMER_ID)).isEqualTo("acme");
        assertThat(r.getString(CanonicalField.USAGE_PLAN_ID)).isEqualTo("gold111");
        assertThat(r.getString(CanonicalField.USAGE_PLAN_NAME)).isEqualTo("Gold");
        assertThat(r.getLong(CanonicalField.QUOTA_LIMIT)).isEqualTo(100_000L);
        assertThat(r.getString(CanonicalField.QUOTA_PERIOD)).isEqualTo("MONTH");
        assertThat(r.getDouble(CanonicalField.THROTTLE_RATE_LIMIT)).isEqualTo(500.0);
        assertThat(r.getLong(CanonicalField.THROTTLE_BURST_LIMIT)).isEqualTo(1000L);
        assertThat(status(r)).isEqualTo(EnrichmentStatus.OK.name());
    }

    @Test
    void picksThePlanOfTheRequestsStage() {
        UsagePlanEnricher enricher = enricher(CONFIG);

        CanonicalRecord prod = enriched(enricher, REST_API, "prod", "k3initech3");
        CanonicalRecord beta = enriched(enricher, REST_API, "beta", "k3initech3");

        assertThat(prod.getString(CanonicalField.USAGE_PLAN_NAME)).isEqualTo("Gold");
        assertThat(prod.getLong(CanonicalField.QUOTA_LIMIT)).isEqualTo(100_000L);
        assertThat(beta.getString(CanonicalField.USAGE_PLAN_NAME)).isEqualTo("Bronze");
        assertThat(beta.getLong(CanonicalField.QUOTA_LIMIT)).isEqualTo(1000L);
        assertThat(beta.getString(CanonicalField.QUOTA_PERIOD)).isEqualTo("WEEK");
        assertThat(beta.getLong(CanonicalField.QUOTA_OFFSET)).isEqualTo(1L);
        assertThat(prod.getLong(CanonicalField.QUOTA_OFFSET)).isZero();
        assertThat(beta.getDouble(CanonicalField.THROTTLE_RATE_LIMIT)).isEqualTo(5.0);
        assertThat(beta.getLong(CanonicalField.THROTTLE_BURST_LIMIT)).isEqualTo(10L);
    }

    @Test
    void resolvesADisabledKeyBecauseTheLogIsHistory() {
        CanonicalRecord r = enriched(enricher(CONFIG), REST_API, "beta", "k4umbrella");

        assertThat(r.getString(CanonicalField.API_KEY_NAME)).isEqualTo("umbrella-trial");
        assertThat(r.getString(CanonicalField.USAGE_PLAN_ID)).isEqualTo("bronze33");
        assertThat(status(r)).isEqualTo("OK");
    }

    @Test
    void marksAKeyInNoPlanAsUnknown() {
        UsagePlanEnricher enricher = enricher(CONFIG);

        CanonicalRecord stranger = enriched(enricher, REST_API, "prod", "kzunknown9");
        CanonicalRecord wrongStage = enriched(enricher, REST_API, "beta", "k2globex02");

        assertThat(status(stranger)).isEqualTo("UNKNOWN_KEY");
        assertThat(stranger.getString(CanonicalField.API_KEY_NAME)).isNull();
        assertThat(stranger.getString(CanonicalField.USAGE_PLAN_ID)).isNull();
        assertThat(status(wrongStage)).isEqualTo("UNKNOWN_KEY");
        assertThat(wrongStage.getString(CanonicalField.API_KEY_NAME)).isEqualTo("globex-prod");
        assertThat(wrongStage.getString(CanonicalField.CUSTOMER_ID)).isEqualTo("globex");
        assertThat(wrongStage.getString(CanonicalField.USAGE_PLAN_ID)).isNull();
        assertThat(wrongStage.getLong(CanonicalField.QUOTA_LIMIT)).isNull();
    }

    @Test
    void recordsWithoutAKeyAreNoKeyAndNeverCallTheApi() {
        UsagePlanEnricher enricher = enricher(CONFIG);

        CanonicalRecord http = enriched(enricher, "h7t8p9q0r1", "$default", null);
        CanonicalRecord webSocket = enriched(enricher, "w5s6k7t8u9", "production", null);
        CanonicalRecord dash = enriched(enricher, REST_API, "prod", "-");

        assertThat(List.of(http, webSocket, dash)).allSatisfy(r -> {
            assertThat(status(r)).isEqualTo("NO_KEY");
            assertThat(r.getString(CanonicalField.USAGE_PLAN_ID)).isNull();
        });
        assertThat(fake.requests("/usageplans")).isZero();
    }

    @Test
    void appliesAMethodLevelThrottleOfThePlansStage() {
        fake.reset();
        fake.pages("/usageplans", List.of(List.of(plan("gold111", "Gold",
                stage(REST_API, "prod", "/pets/GET", 20.0, 40), 100000, "MONTH", 500.0, 1000))));
        fake.pages("/usageplans/gold111/keys", List.of(List.of(planKey("k1acme0001", "acme-prod"))));
        fake.pages("/apikeys", List.of(List.of(apiKey("k1acme0001", "acme-prod", "acme", true))));
        UsagePlanEnricher enricher = enricher(CONFIG);

        CanonicalRecord get = enriched(enricher, REST_API, "prod", "k1acme0001");
        CanonicalRecord post = request(REST_API, "prod", "k1acme0001").set(CanonicalField.HTTP_METHOD, "POST");
        enricher.enrich(post);

        assertThat(get.getDouble(CanonicalField.THROTTLE_RATE_LIMIT)).isEqualTo(20.0);
        assertThat(get.getLong(CanonicalField.THROTTLE_BURST_LIMIT)).isEqualTo(40L);
        assertThat(post.getDouble(CanonicalField.THROTTLE_RATE_LIMIT)).isEqualTo(500.0);
        assertThat(post.getLong(CanonicalField.THROTTLE_BURST_LIMIT)).isEqualTo(1000L);
    }

    @Test
    void retriesAThrottledCallAndSucceeds() {
        fake.server().stubFor(get(urlPathEqualTo("/usageplans")).withQueryParam("position", absent()).atPriority(1)
                .inScenario("throttled").whenScenarioStateIs(STARTED).willSetStateTo("calm")
                .willReturn(ApiGatewayFake.error(429, "TooManyRequestsException")));

        CanonicalRecord r = enriched(enricher(CONFIG), REST_API, "prod", "k1acme0001");

        assertThat(status(r)).isEqualTo("OK");
        assertThat(r.getString(CanonicalField.USAGE_PLAN_NAME)).isEqualTo("Gold");
        assertThat(fake.requests("/usageplans")).isEqualTo(3); // 429, page 1 again, page 2
    }

    @Test
    void servesTheLastGoodSnapshotAsStaleWhileRefreshesKeepFailing() throws Exception {
        UsagePlanEnricher enricher = enricher(CONFIG);
        assertThat(status(enriched(enricher, REST_API, "prod", "k1acme0001"))).isEqualTo("OK");
        fake.failEverything(500, "InternalFailure");

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        CanonicalRecord duringRefresh = enriched(enricher, REST_API, "prod", "k1acme0001");
        awaitRefresh(enricher);
        CanonicalRecord found = enriched(enricher, REST_API, "prod", "k1acme0001");
        CanonicalRecord notFound = enriched(enricher, REST_API, "prod", "kzunknown9");

        assertThat(status(duringRefresh)).isEqualTo("OK");
        assertThat(status(found)).isEqualTo("STALE");
        assertThat(found.getString(CanonicalField.USAGE_PLAN_NAME)).isEqualTo("Gold");
        assertThat(found.getString(CanonicalField.CUSTOMER_ID)).isEqualTo("acme");
        assertThat(found.getLong(CanonicalField.QUOTA_LIMIT)).isEqualTo(100_000L);
        assertThat(status(notFound)).isEqualTo("STALE");
        assertThat(notFound.getString(CanonicalField.USAGE_PLAN_ID)).isNull();

        int callsAfterFailure = fake.requests("/usageplans");
        clock.advance(Duration.ofSeconds(29));
        enriched(enricher, REST_API, "prod", "k1acme0001");
        awaitRefresh(enricher);
        assertThat(fake.requests("/usageplans")).as("no retry before retryAfterFailure").isEqualTo(callsAfterFailure);

        clock.advance(Duration.ofSeconds(2));
        enriched(enricher, REST_API, "prod", "k1acme0001");
        awaitRefresh(enricher);
        assertThat(fake.requests("/usageplans")).isGreaterThan(callsAfterFailure);
    }

    @Test
    void recoversFromStaleWhenTheApiComesBack() throws Exception {
        UsagePlanEnricher enricher = enricher(CONFIG);
        enriched(enricher, REST_API, "prod", "k1acme0001");
        fake.failEverything(503, "ServiceUnavailableException");
        clock.advance(Duration.ofMinutes(6));
        enriched(enricher, REST_API, "prod", "k1acme0001");
        awaitRefresh(enricher);
        assertThat(status(enriched(enricher, REST_API, "prod", "k1acme0001"))).isEqualTo("STALE");

        fake.resetStubs();
        fake.standardAccount();
        clock.advance(Duration.ofSeconds(31));
        enriched(enricher, REST_API, "prod", "k1acme0001");
        awaitRefresh(enricher);

        assertThat(status(enriched(enricher, REST_API, "prod", "k1acme0001"))).isEqualTo("OK");
    }

    @Test
    void reportsUnavailableWhenNoSnapshotCouldEverBeLoaded() {
        fake.failEverything(403, "AccessDeniedException");
        UsagePlanEnricher enricher = enricher(CONFIG);

        CanonicalRecord withKey = enriched(enricher, REST_API, "prod", "k1acme0001");
        CanonicalRecord withoutKey = enriched(enricher, "h7t8p9q0r1", "$default", null);

        assertThat(status(withKey)).isEqualTo("UNAVAILABLE");
        assertThat(withKey.getString(CanonicalField.USAGE_PLAN_ID)).isNull();
        assertThat(withKey.getString(CanonicalField.API_KEY_NAME)).isNull();
        assertThat(status(withoutKey)).isEqualTo("NO_KEY");
        assertThat(fake.requests("/usageplans")).as("access denied is not retried").isEqualTo(1);
    }

    @Test
    void refreshesInTheBackgroundOnceTheTtlHasPassed() throws Exception {
        UsagePlanEnricher enricher = enricher(CONFIG);
        enriched(enricher, REST_API, "prod", "k1acme0001");
        moveAcmeToSilver();

        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        CanonicalRecord beforeTtl = enriched(enricher, REST_API, "prod", "k1acme0001");
        assertThat(enricher.pendingRefresh()).isDone();
        clock.advance(Duration.ofSeconds(2));
        CanonicalRecord servedWhileRefreshing = enriched(enricher, REST_API, "prod", "k1acme0001");
        awaitRefresh(enricher);
        CanonicalRecord afterRefresh = enriched(enricher, REST_API, "prod", "k1acme0001");

        assertThat(beforeTtl.getString(CanonicalField.USAGE_PLAN_NAME)).isEqualTo("Gold");
        assertThat(servedWhileRefreshing.getString(CanonicalField.USAGE_PLAN_NAME)).isEqualTo("Gold");
        assertThat(status(servedWhileRefreshing)).isEqualTo("OK");
        assertThat(afterRefresh.getString(CanonicalField.USAGE_PLAN_NAME)).isEqualTo("Silver");
        assertThat(afterRefresh.getLong(CanonicalField.QUOTA_LIMIT)).isEqualTo(10_000L);
        assertThat(fake.requests("/usageplans")).isEqualTo(4); // two pages, twice
    }

    @Test
    void jitterSchedulesEachRefreshUpToTheRatioBeforeTheTtl() throws Exception {
        UsagePlanEnricher enricher = enricher(JITTERED, () -> Long.MIN_VALUE); // 0.5 of 30 s: due at 285 s
        enriched(enricher, REST_API, "prod", "k1acme0001");

        clock.advance(Duration.ofSeconds(284));
        enriched(enricher, REST_API, "prod", "k1acme0001");
        assertThat(fake.requests("/usageplans")).isEqualTo(2);
        clock.advance(Duration.ofSeconds(2));
        enriched(enricher, REST_API, "prod", "k1acme0001");
        awaitRefresh(enricher);

        assertThat(fake.requests("/usageplans")).isEqualTo(4);
        assertThat(randomsCreated).hasValue(1);
    }

    @Test
    void anUnknownKeyTriggersOneEarlyRefreshPerInterval() throws Exception {
        UsagePlanEnricher enricher = enricher(CONFIG);
        enriched(enricher, REST_API, "prod", "k1acme0001");
        addHooliToGold();

        CanonicalRecord rightAfterLoad = enriched(enricher, REST_API, "prod", "k5hooli005");
        assertThat(enricher.pendingRefresh()).as("no early refresh within the interval of the load").isDone();
        assertThat(fake.requests("/usageplans")).isEqualTo(2);

        clock.advance(Duration.ofSeconds(61));
        CanonicalRecord triggering = enriched(enricher, REST_API, "prod", "k5hooli005");
        awaitRefresh(enricher);
        CanonicalRecord afterRefresh = enriched(enricher, REST_API, "prod", "k5hooli005");

        assertThat(status(rightAfterLoad)).isEqualTo("UNKNOWN_KEY");
        assertThat(status(triggering)).isEqualTo("UNKNOWN_KEY");
        assertThat(status(afterRefresh)).isEqualTo("OK");
        assertThat(afterRefresh.getString(CanonicalField.CUSTOMER_ID)).isEqualTo("hooli");
        assertThat(fake.requests("/usageplans")).isEqualTo(4);

        clock.advance(Duration.ofSeconds(30));
        enriched(enricher, REST_API, "prod", "kzunknown9");
        enriched(enricher, REST_API, "prod", "kzunknown9");
        awaitRefresh(enricher);
        assertThat(fake.requests("/usageplans")).as("rate-limited").isEqualTo(4);

        clock.advance(Duration.ofSeconds(31));
        enriched(enricher, REST_API, "prod", "kzunknown9");
        awaitRefresh(enricher);
        assertThat(fake.requests("/usageplans")).isEqualTo(6);
    }

    /** Issue 7, item 11: ids from the log line appear in logs only sanitised and bounded. */
    @Test
    void logsTheIdsOfAnUnknownKeyOnlySanitisedAndBounded() throws Exception {
        UsagePlanEnricher enricher = enricher(CONFIG);
        enriched(enricher, REST_API, "prod", "k1acme0001");
        clock.advance(Duration.ofSeconds(61));
        String forgedKey = "k9\n[main] ERROR forged log line " + "x".repeat(5_000);
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stderr = System.err;
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            enriched(enricher, "api\r\nid", "st\u0000age", forgedKey);
            awaitRefresh(enricher);
        } finally {
            System.setErr(stderr);
        }
        String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        String line = log.lines().filter(l -> l.contains("refreshing usage plans early")).findFirst().orElseThrow();
        assertThat(line).contains("k9??main??ERROR?forged").contains("api??id").contains("st?age").contains("chars)");
        assertThat(line.length()).isLessThan(600);
        assertThat(log.lines().filter(l -> l.contains("forged")).count()).as("no forged line").isEqualTo(1);
    }

    @Test
    void refreshesBeforeServingAfterASnapStartRestore() {
        UsagePlanEnricher enricher = enricher(JITTERED);
        enriched(enricher, REST_API, "prod", "k1acme0001");
        moveAcmeToSilver();

        enricher.invalidateAfterRestore();
        CanonicalRecord afterRestore = enriched(enricher, REST_API, "prod", "k1acme0001");

        assertThat(afterRestore.getString(CanonicalField.USAGE_PLAN_NAME)).isEqualTo("Silver");
        assertThat(status(afterRestore)).isEqualTo("OK");
        assertThat(randomsCreated).as("jitter generator re-created after restore").hasValue(2);
    }

    @Test
    void servesTheCheckpointedSnapshotOnlyAsStaleWhenTheRefreshAfterRestoreFails() {
        UsagePlanEnricher enricher = enricher(CONFIG);
        enriched(enricher, REST_API, "prod", "k1acme0001");
        fake.failEverything(500, "InternalFailure");

        enricher.invalidateAfterRestore();
        CanonicalRecord afterRestore = enriched(enricher, REST_API, "prod", "k1acme0001");

        assertThat(status(afterRestore)).isEqualTo("STALE");
        assertThat(afterRestore.getString(CanonicalField.USAGE_PLAN_NAME)).isEqualTo("Gold");
    }

    @Test
    void waitsForTheFirstLoadOnlyUpToTheTimeout() throws Exception {
        fake.slowSinglePage("/usageplans", Duration.ofMillis(1500),
                List.of(plan("gold111", "Gold", stage(REST_API, "prod"), 100000, "MONTH", 500.0, 1000)));
        UsagePlanCacheConfig impatient = new UsagePlanCacheConfig(Duration.ofMinutes(5), 0.0, Duration.ofMillis(100),
                Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofSeconds(30));
        UsagePlanEnricher enricher = enricher(impatient);

        long t0 = System.nanoTime();
        CanonicalRecord first = enriched(enricher, REST_API, "prod", "k1acme0001");
        CanonicalRecord second = enriched(enricher, REST_API, "prod", "k1acme0001");
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        awaitRefresh(enricher);
        CanonicalRecord loaded = enriched(enricher, REST_API, "prod", "k1acme0001");

        assertThat(status(first)).isEqualTo("UNAVAILABLE");
        assertThat(status(second)).isEqualTo("UNAVAILABLE");
        assertThat(waitedMs).as("one bounded wait, not one per record").isLessThan(1000);
        assertThat(status(loaded)).isEqualTo("OK");
        assertThat(fake.requests("/usageplans")).isEqualTo(1);
    }

    @Test
    void usesTheOnlyPlanOfAKeyWhenTheLogHasNoApiIdOrStage() {
        UsagePlanEnricher enricher = enricher(CONFIG);

        CanonicalRecord single = enriched(enricher, null, null, "k1acme0001");
        CanonicalRecord ambiguous = enriched(enricher, null, null, "k3initech3");
        CanonicalRecord byStage = enriched(enricher, null, "beta", "k3initech3");

        assertThat(single.getString(CanonicalField.USAGE_PLAN_NAME)).isEqualTo("Gold");
        assertThat(status(single)).isEqualTo("OK");
        assertThat(status(ambiguous)).isEqualTo("UNKNOWN_KEY");
        assertThat(ambiguous.getString(CanonicalField.CUSTOMER_ID)).isEqualTo("initech");
        assertThat(ambiguous.getString(CanonicalField.USAGE_PLAN_ID)).isNull();
        assertThat(byStage.getString(CanonicalField.USAGE_PLAN_NAME)).isEqualTo("Bronze");
    }

    @Test
    void overwritesTheColumnsOfAReusedRecord() {
        UsagePlanEnricher enricher = enricher(CONFIG);
        CanonicalRecord r = enriched(enricher, REST_API, "prod", "k1acme0001");

        r.set(CanonicalField.API_KEY_ID, null);
        enricher.enrich(r);

        assertThat(status(r)).isEqualTo("NO_KEY");
        assertThat(r.getString(CanonicalField.USAGE_PLAN_ID)).isNull();
        assertThat(r.getLong(CanonicalField.QUOTA_LIMIT)).isNull();
        assertThat(r.getDouble(CanonicalField.THROTTLE_RATE_LIMIT)).isNull();
    }

    private void moveAcmeToSilver() {
        fake.resetStubs();
        fake.standardAccount();
        fake.pages("/usageplans/gold111/keys", List.of(List.of(planKey("k3initech3", "initech")), List.of()));
        fake.pages("/usageplans/silver22/keys", List.of(List.of(planKey("k2globex02", "globex-prod"),
                planKey("k1acme0001", "acme-prod"))));
    }

    private void addHooliToGold() {
        fake.resetStubs();
        fake.standardAccount();
        fake.pages("/usageplans/gold111/keys", List.of(
                List.of(planKey("k1acme0001", "acme-prod")),
                List.of(planKey("k3initech3", "initech"), planKey("k5hooli005", "hooli-prod"))));
        fake.pages("/apikeys", List.of(
                List.of(apiKey("k1acme0001", "acme-prod", "acme", true), apiKey("k2globex02", "globex-prod", "globex", true)),
                List.of(apiKey("k3initech3", "initech", "initech", true), apiKey("k4umbrella", "umbrella-trial", "umbrella", false),
                        apiKey("k5hooli005", "hooli-prod", "hooli", true))));
    }
}
