package dev.apigwinsights.local.replay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.firehose.FirehoseClient;

/**
 * Stands in for the Amazon Data Firehose endpoint ({@code firehose.us-east-1.amazonaws.com}): a
 * WireMock server answering {@code POST /} with {@code X-Amz-Target: Firehose_20150804.PutRecordBatch}
 * in the service's JSON 1.1 protocol, so the real SDK client does its own marshalling (base64
 * record data), response parsing and error mapping.
 */
final class FirehoseFake implements AutoCloseable {
    static final String TARGET = "Firehose_20150804.PutRecordBatch";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String JSON_11 = "application/x-amz-json-1.1";

    private final WireMockServer server = new WireMockServer(options().dynamicPort());

    FirehoseFake() {
        server.start();
    }

    /** A client as replay builds one, pointed here; no SDK retries, so every call is one request. */
    FirehoseClient client() {
        return FirehoseClient.builder()
                .endpointOverride(URI.create(server.baseUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** Forgets stubs, scenarios and received requests. */
    void reset() {
        server.resetAll();
    }

    /** Every call takes every record. */
    void acceptsEverything() {
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET))
                .willReturn(ok("{\"FailedPutCount\":0,\"Encrypted\":false,\"RequestResponses\":[]}")));
    }

    /**
     * Answers the calls in turn with these bodies (PutRecordBatch responses), then takes everything.
     */
    void answersInTurn(String... responses) {
        String state = Scenario.STARTED;
        for (int i = 0; i < responses.length; i++) {
            String next = "call " + (i + 2);
            server.stubFor(post(urlEqualTo("/")).inScenario("turns").whenScenarioStateIs(state)
                    .willReturn(ok(responses[i])).willSetStateTo(next));
            state = next;
        }
        server.stubFor(post(urlEqualTo("/")).inScenario("turns").whenScenarioStateIs(state)
                .willReturn(ok("{\"FailedPutCount\":0,\"Encrypted\":false,\"RequestResponses\":[]}")));
    }

    /** Every call fails with a service error, as the JSON protocol spells it. */
    void failsWith(int status, String type) {
        server.stubFor(post(urlEqualTo("/")).willReturn(error(status, type)));
    }

    /** The first call takes everything, every later one fails with a service error. */
    void acceptsOneCallThenFailsWith(int status, String type) {
        server.stubFor(post(urlEqualTo("/")).inScenario("then fails").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ok("{\"FailedPutCount\":0,\"RequestResponses\":[]}")).willSetStateTo("failing"));
        server.stubFor(post(urlEqualTo("/")).inScenario("then fails").whenScenarioStateIs("failing")
                .willReturn(error(status, type)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, String type) {
        return aResponse().withStatus(status).withHeader("Content-Type", JSON_11)
                .withBody("{\"__type\":\"" + type + "\",\"message\":\"test\"}");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", JSON_11).withBody(body);
    }

    /** The PutRecordBatch requests received, in order. */
    List<LoggedRequest> requests() {
        return server.findAll(postRequestedFor(urlEqualTo("/")));
    }

    /** The records of each request, decoded from base64. */
    List<List<byte[]>> batches() {
        List<List<byte[]>> out = new ArrayList<>();
        for (LoggedRequest r : requests()) {
            List<byte[]> records = new ArrayList<>();
            body(r).get("Records").forEach(rec -> records.add(Base64.getDecoder().decode(rec.get("Data").asText())));
            out.add(records);
        }
        return out;
    }

    static JsonNode body(LoggedRequest r) {
        try {
            return MAPPER.readTree(r.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
