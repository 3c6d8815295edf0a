package dev.apigwinsights.derive;

import static dev.apigwinsights.schema.CanonicalField.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwinsights.schema.CanonicalRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DerivationsStatusAndApiTypeTest {

    private final Derivations derivations = new Derivations(new UserAgentClassifier(100));

    private CanonicalRecord derived(CanonicalRecord r) {
        derivations.derive(r);
        return r;
    }

    @ParameterizedTest
    @CsvSource({"100,1xx", "101,1xx", "200,2xx", "204,2xx", "301,3xx", "404,4xx", "429,4xx", "500,5xx", "599,5xx"})
    void classesAValidStatus(long status, String expected) {
        assertThat(derived(new CanonicalRecord().setLong(STATUS, status)).getString(STATUS_CLASS)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0", "99", "600", "999", "-200"})
    void leavesTheStatusClassNullForAStatusOutOfRange(long status) {
        assertThat(derived(new CanonicalRecord().setLong(STATUS, status)).getString(STATUS_CLASS)).isNull();
    }

    @Test
    void leavesTheStatusClassNullWithoutAStatus() {
        assertThat(derived(new CanonicalRecord()).getString(STATUS_CLASS)).isNull();
    }

    @Test
    void neverOverwritesAStatusClassOrApiTypeTheLogProvided() {
        CanonicalRecord r = new CanonicalRecord().setLong(STATUS, 500L).set(STATUS_CLASS, "custom")
                .set(RESOURCE_PATH, "/pets").set(API_TYPE, "HTTP");

        derived(r);

        assertThat(r.getString(STATUS_CLASS)).isEqualTo("custom");
        assertThat(r.getString(API_TYPE)).isEqualTo("HTTP");
    }

    /** Seed 000 (Sumo Logic): a REST stage logging every variable, so absent ones are "-". */
    @Test
    void recognisesTheSumoLogicRestSampleAsRest() {
        CanonicalRecord r = new CanonicalRecord()
                .set(REQUEST_ID, "bf04adbf-eacc-4601-8c14-94605f242e1a")
                .set(API_ID, "9iljix61i7")
                .set(DOMAIN_NAME, "9iljix61i7.execute-api.eu-north-1.amazonaws.com")
                .setLong(STATUS, 500L)
                .setLong(WAF_LATENCY_MS, 10L)
                .setLong(WAF_STATUS, 200L)
                .set(STAGE, "test");

        assertThat(derived(r).getString(API_TYPE)).isEqualTo("REST");
    }

    @Test
    void recognisesTheConsoleDefaultRestFormatByItsResourcePath() {
        CanonicalRecord r = new CanonicalRecord().set(REQUEST_ID, "c6af9ac6-7b61-11e6-9a41-93e8deadbeef")
                .set(SOURCE_IP, "192.0.2.10").set(HTTP_METHOD, "GET").set(RESOURCE_PATH, "/pets/{petId}")
                .setLong(STATUS, 200L).set(PROTOCOL, "HTTP/1.1").setLong(RESPONSE_LENGTH, 120L);

        assertThat(derived(r).getString(API_TYPE)).isEqualTo("REST");
    }

    /** Seed 002 (Dynatrace tutorial): an HTTP API with routeKey "ANY /". */
    @Test
    void recognisesTheDynatraceHttpApiSampleByItsRouteKey() {
        CanonicalRecord r = new CanonicalRecord().set(REQUEST_ID, "Dzfa6gNrrks42Tw=").set(HTTP_METHOD, "GET")
                .set(ROUTE_KEY, "ANY /").set(PATH, "/getStuff").setLong(STATUS, 200L).set(PROTOCOL, "HTTP/1.1");

        assertThat(derived(r).getString(API_TYPE)).isEqualTo("HTTP");
    }

    @ParameterizedTest
    @CsvSource({"GET /pets/{id}", "ANY /{proxy+}", "POST /", "DELETE /orders/{orderId}/items", "OPTIONS /cors"})
    void recognisesHttpApiRouteKeys(String routeKey) {
        assertThat(derived(new CanonicalRecord().set(ROUTE_KEY, routeKey)).getString(API_TYPE)).isEqualTo("HTTP");
    }

    @Test
    void readsTheDefaultRouteWithAnHttpMethodAsHttp() {
        CanonicalRecord r = new CanonicalRecord().set(ROUTE_KEY, "$default").set(HTTP_METHOD, "POST");

        assertThat(derived(r).getString(API_TYPE)).isEqualTo("HTTP");
    }

    @Test
    void readsTheDefaultRouteWithoutAnHttpRequestLineAsWebSocket() {
        CanonicalRecord r = new CanonicalRecord().set(ROUTE_KEY, "$default").setLong(STATUS, 200L);

        assertThat(derived(r).getString(API_TYPE)).isEqualTo("WEBSOCKET");
    }

    @ParameterizedTest
    @CsvSource({"$connect", "$disconnect", "sendmessage"})
    void readsWebSocketRouteKeysAsWebSocket(String routeKey) {
        assertThat(derived(new CanonicalRecord().set(ROUTE_KEY, routeKey)).getString(API_TYPE)).isEqualTo("WEBSOCKET");
    }

    @Test
    void readsWebSocketOnlyVariablesAsWebSocketEvenWithAnApiKey() {
        CanonicalRecord r = new CanonicalRecord().set(EVENT_TYPE, "MESSAGE").set(CONNECTION_ID, "L0SM9cOFvHcCIhw=")
                .set(MESSAGE_ID, "L0SNXd5WvHcCFlQ=").set(ROUTE_KEY, "sendmessage").set(API_KEY_ID, "abc123");

        assertThat(derived(r).getString(API_TYPE)).isEqualTo("WEBSOCKET");
    }

    @Test
    void readsAConnectedAtTimestampAsWebSocket() {
        assertThat(derived(new CanonicalRecord().setLong(CONNECTED_AT, 1706770069673L)).getString(API_TYPE))
                .isEqualTo("WEBSOCKET");
    }

    @Test
    void ignoresAnOddRouteKeyOnAnHttpRequestAndFallsBackToOtherClues() {
        CanonicalRecord r = new CanonicalRecord().set(ROUTE_KEY, "weird").set(HTTP_METHOD, "GET")
                .set(RESOURCE_PATH, "/pets");

        assertThat(derived(r).getString(API_TYPE)).isEqualTo("REST");
    }

    @Test
    void readsAnApiKeyAsRest() {
        assertThat(derived(new CanonicalRecord().set(API_KEY_ID, "k7x2a9").set(HTTP_METHOD, "GET")).getString(API_TYPE))
                .isEqualTo("REST");
    }

    @ParameterizedTest
    @CsvSource({"QUOTA_EXCEEDED", "WAF_FILTERED", "BAD_REQUEST_BODY", "MISSING_AUTHENTICATION_TOKEN", "INVALID_API_KEY"})
    void readsRestOnlyGatewayResponseTypesAsRest(String type) {
        assertThat(derived(new CanonicalRecord().set(ERROR_RESPONSE_TYPE, type)).getString(API_TYPE)).isEqualTo("REST");
    }

    @Test
    void readsAWebAclArnAsRest() {
        CanonicalRecord r = new CanonicalRecord()
                .set(WEBACL_ARN, "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api-acl/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111");

        assertThat(derived(r).getString(API_TYPE)).isEqualTo("REST");
    }

    @Test
    void readsHttpOnlyKeysKeptInExtraAsHttp() {
        CanonicalRecord r = new CanonicalRecord().set(HTTP_METHOD, "GET").set(PATH, "/")
                .putExtra("dataProcessed", "1024");

        assertThat(derived(r).getString(API_TYPE)).isEqualTo("HTTP");
    }

    @Test
    void doesNotGuessWhenNothingDistinguishesRestFromHttp() {
        CanonicalRecord r = new CanonicalRecord().set(REQUEST_ID, "r-1").set(HTTP_METHOD, "GET").set(PATH, "/pets")
                .setLong(STATUS, 200L).putExtra("custom", "x");

        assertThat(derived(r).getString(API_TYPE)).isNull();
    }
}
