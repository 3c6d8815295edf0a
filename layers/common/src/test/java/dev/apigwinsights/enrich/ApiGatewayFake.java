package dev.apigwinsights.enrich;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/**
 * Stands in for the API Gateway control-plane endpoint ({@code apigateway.us-east-1.amazonaws.com}):
 * a WireMock server answering {@code GET /usageplans}, {@code /usageplans/{id}/keys} and
 * {@code /apikeys} in the REST API's own JSON wire format ({@code {"item": [...], "position": ...}},
 * errors as {@code x-amzn-ErrorType} + {@code {"message": ...}}), so that the real SDK client does
 * its own marshalling, pagination tokens, error parsing and retries.
 */
final class ApiGatewayFake implements AutoCloseable {
    static final String REST_API = "a1b2c3d4e5";

    private final WireMockServer server;

    ApiGatewayFake() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
    }

    URI endpoint() {
        return URI.create(server.baseUrl());
    }

    /** Forgets stubs, scenarios and the request journal. */
    void reset() {
        server.resetAll();
    }

    /** Replaces the stubs (the account changed) and keeps the request journal. */
    void resetStubs() {
        server.resetMappings();
        server.resetScenarios();
    }

    int requests(String path) {
        return server.countRequestsMatching(getRequestedFor(urlPathEqualTo(path)).build()).getCount();
    }

    int requestsWith(String path, String query, String value) {
        return server.countRequestsMatching(getRequestedFor(urlPathEqualTo(path)).withQueryParam(query, equalTo(value)).build())
                .getCount();
    }

    WireMockServer server() {
        return server;
    }

    /**
     * The account of the shared fixtures, split over several pages: plans (2 pages), Gold's keys
     * (2 pages) and API keys (2 pages).
     */
    void standardAccount() {
        pages("/usageplans", List.of(
                List.of(plan("gold111", "Gold", stage(REST_API, "prod"), 100000, "MONTH", 500.0, 1000),
                        plan("silver22", "Silver", stage(REST_API, "prod"), 10000, "DAY", 50.0, 100)),
                List.of(plan("bronze33", "Bronze", stage(REST_API, "beta"), 1000, "WEEK", 5.0, 10))));
        pages("/usageplans/gold111/keys", List.of(
                List.of(planKey("k1acme0001", "acme-prod")),
                List.of(planKey("k3initech3", "initech"))));
        pages("/usageplans/silver22/keys", List.of(List.of(planKey("k2globex02", "globex-prod"))));
        pages("/usageplans/bronze33/keys", List.of(List.of(planKey("k3initech3", "initech"),
                planKey("k4umbrella", "umbrella-trial"))));
        pages("/apikeys", List.of(
                List.of(apiKey("k1acme0001", "acme-prod", "acme", true),
                        apiKey("k2globex02", "globex-prod", "globex", true)),
                List.of(apiKey("k3initech3", "initech", "initech", true),
                        apiKey("k4umbrella", "umbrella-trial", "umbrella", false))));
    }

    /**
     * Serves {@code pages} of a paginated GET: the first without a {@code position} parameter, each
     * next one at the position named by the page before it; the last page names none.
     */
    void pages(String path, List<List<String>> pages) {
        for (int i = 0; i < pages.size(); i++) {
            MappingBuilder request = get(urlPathEqualTo(path));
            request = i == 0 ? request.withQueryParam("position", absent())
                    : request.withQueryParam("position", equalTo(position(path, i)));
            String next = i + 1 < pages.size() ? ",\"position\":\"" + position(path, i + 1) + "\"" : "";
            server.stubFor(request.willReturn(json(200, "{\"item\":[" + String.join(",", pages.get(i)) + "]" + next + "}")));
        }
    }

    /** Every request fails with this status and AWS error type (e.g. 500 / InternalFailure). */
    void failEverything(int status, String errorType) {
        server.stubFor(get(anyUrl()).atPriority(1).willReturn(error(status, errorType)));
    }

    /** Serves {@code path} as a single page, only after {@code delay}. */
    void slowSinglePage(String path, Duration delay, List<String> items) {
        server.stubFor(get(urlPathEqualTo(path)).atPriority(1)
                .willReturn(json(200, "{\"item\":[" + String.join(",", items) + "]}").withFixedDelay((int) delay.toMillis())));
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static ResponseDefinitionBuilder error(int status, String errorType) {
        return json(status, "{\"message\":\"" + errorType + " from the fake\"}").withHeader("x-amzn-ErrorType", errorType);
    }

    static String position(String path, int page) {
        // opaque, URL-unsafe characters included, as real tokens are base64
        return "tok+" + Math.abs(path.hashCode()) + "/" + page + "=";
    }

    static String stage(String apiId, String stage) {
        return "{\"apiId\":\"" + apiId + "\",\"stage\":\"" + stage + "\"}";
    }

    static String stage(String apiId, String stage, String methodKey, double rate, int burst) {
        return "{\"apiId\":\"" + apiId + "\",\"stage\":\"" + stage + "\",\"throttle\":{\"" + methodKey
                + "\":{\"burstLimit\":" + burst + ",\"rateLimit\":" + rate + "}}}";
    }

    static String plan(String id, String name, String stagesJson, long quota, String period, double rate, int burst) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"description\":\"" + name + " plan\","
                + "\"apiStages\":[" + stagesJson + "],"
                // Weekly quotas start on Monday (offset 1) so that enrichment must carry the offset through.
                + "\"quota\":{\"limit\":" + quota + ",\"offset\":" + (period.equals("WEEK") ? 1 : 0) + ",\"period\":\"" + period + "\"},"
                + "\"throttle\":{\"burstLimit\":" + burst + ",\"rateLimit\":" + rate + "},\"tags\":{}}";
    }

    /** A GetUsagePlanKeys item; the real API includes the key value, so the fake does too. */
    static String planKey(String id, String name) {
        return "{\"id\":\"" + id + "\",\"type\":\"API_KEY\",\"name\":\"" + name + "\",\"value\":\"SECRET-" + id + "\"}";
    }

    static String apiKey(String id, String name, String customerId, boolean enabled) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"customerId\":\"" + customerId + "\","
                + "\"enabled\":" + enabled + ",\"createdDate\":1735689600,\"lastUpdatedDate\":1735689600,"
                + "\"stageKeys\":[\"" + REST_API + "/prod\"]}";
    }

    /** The real client, pointed at the fake, with static test credentials and quick retries. */
    ApiGatewayClient client() {
        return ApiGatewayClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTESTFAKE", "fake-secret")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.configure(StandardRetryStrategy.builder())
                        .maxAttempts(3)
                        .backoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(5)))
                        .throttlingBackoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(5)))
                        .circuitBreakerEnabled(false)
                        .build()))
                .build();
    }

    @Override
    public void close() {
        server.stop();
    }
}
