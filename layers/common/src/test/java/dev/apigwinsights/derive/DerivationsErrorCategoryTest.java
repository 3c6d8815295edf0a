package dev.apigwinsights.derive;

import static dev.apigwinsights.schema.CanonicalField.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwinsights.schema.CanonicalRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DerivationsErrorCategoryTest {

    private final Derivations derivations = new Derivations(new UserAgentClassifier(100));

    private CanonicalRecord derived(CanonicalRecord r) {
        derivations.derive(r);
        return r;
    }

    private String categoryOf(CanonicalRecord r) {
        return derived(r).getString(ERROR_CATEGORY);
    }

    /** Every gateway response type, with its default status and message. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "ACCESS_DENIED                  | 403 | User is not authorized to access this resource | AUTH",
        "API_CONFIGURATION_ERROR        | 500 | Internal server error                          | SERVER",
        "AUTHORIZER_CONFIGURATION_ERROR | 500 | Internal server error                          | SERVER",
        "AUTHORIZER_FAILURE             | 500 | Internal server error                          | SERVER",
        "BAD_REQUEST_PARAMETERS         | 400 | Missing required request parameters: [id]      | VALIDATION",
        "BAD_REQUEST_BODY               | 400 | Invalid request body                           | VALIDATION",
        "EXPIRED_TOKEN                  | 403 | The security token included in the request is expired | AUTH",
        "INTEGRATION_FAILURE            | 504 | Internal server error                          | INTEGRATION",
        "INTEGRATION_TIMEOUT            | 504 | Endpoint request timed out                     | INTEGRATION",
        "INVALID_API_KEY                | 403 | Forbidden                                      | AUTH",
        "INVALID_SIGNATURE              | 403 | The request signature we calculated does not match the signature you provided | AUTH",
        "MISSING_AUTHENTICATION_TOKEN   | 403 | Missing Authentication Token                   | AUTH",
        "QUOTA_EXCEEDED                 | 429 | Limit Exceeded                                 | QUOTA",
        "REQUEST_TOO_LARGE              | 413 | Request Too Long                               | VALIDATION",
        "RESOURCE_NOT_FOUND             | 404 | Not Found                                      | NOT_FOUND",
        "THROTTLED                      | 429 | Too Many Requests                              | THROTTLE",
        "UNAUTHORIZED                   | 401 | Unauthorized                                   | AUTH",
        "UNSUPPORTED_MEDIA_TYPE         | 415 | Unsupported Media Type                         | VALIDATION",
        "WAF_FILTERED                   | 403 | Forbidden                                      | WAF",
    })
    void categorisesEveryGatewayResponseType(String type, long status, String message, String category) {
        CanonicalRecord r = new CanonicalRecord().set(ERROR_RESPONSE_TYPE, type).setLong(STATUS, status).set(ERROR_MESSAGE, message);

        assertThat(categoryOf(r)).isEqualTo(category);
    }

    @Test
    void trustsTheResponseTypeOverACustomisedStatus() {
        CanonicalRecord r = new CanonicalRecord().set(ERROR_RESPONSE_TYPE, "MISSING_AUTHENTICATION_TOKEN").setLong(STATUS, 404L);

        assertThat(categoryOf(r)).isEqualTo("AUTH");
    }

    /** Seed 000: DEFAULT_5XX with a TLS failure towards the integration. */
    @Test
    void readsTheSumoSampleWithAPkixIntegrationErrorAsIntegration() {
        CanonicalRecord r = new CanonicalRecord().setLong(STATUS, 500L).set(ERROR_MESSAGE, "Internal server error")
                .set(ERROR_RESPONSE_TYPE, "DEFAULT_5XX")
                .set(INTEGRATION_ERROR, "Execution failed due to configuration error: PKIX path building failed: "
                        + "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target")
                .setLong(INTEGRATION_LATENCY_MS, 258L);

        assertThat(categoryOf(r)).isEqualTo("INTEGRATION");
    }

    @Test
    void readsAPlainDefault5xxAsServer() {
        CanonicalRecord r = new CanonicalRecord().setLong(STATUS, 500L).set(ERROR_MESSAGE, "Internal server error")
                .set(ERROR_RESPONSE_TYPE, "DEFAULT_5XX");

        assertThat(categoryOf(r)).isEqualTo("SERVER");
    }

    @Test
    void readsDefault4xxByItsMessageThenItsStatus() {
        assertThat(categoryOf(new CanonicalRecord().set(ERROR_RESPONSE_TYPE, "DEFAULT_4XX").setLong(STATUS, 403L)
                .set(ERROR_MESSAGE, "Missing Authentication Token"))).isEqualTo("AUTH");
        assertThat(categoryOf(new CanonicalRecord().set(ERROR_RESPONSE_TYPE, "DEFAULT_4XX").setLong(STATUS, 404L)))
                .isEqualTo("NOT_FOUND");
        assertThat(categoryOf(new CanonicalRecord().set(ERROR_RESPONSE_TYPE, "DEFAULT_4XX").setLong(STATUS, 409L)))
                .isEqualTo("OTHER");
    }

    /** Seed 002: an HTTP API whose Lambda times out logs only integrationErrorMessage. */
    @Test
    void readsTheDynatraceLambdaTimeoutAsIntegration() {
        CanonicalRecord r = new CanonicalRecord().set(ROUTE_KEY, "ANY /").setLong(STATUS, 500L)
                .set(ERROR_MESSAGE, "Internal Server Error")
                .set(INTEGRATION_ERROR, "The Lambda function returned the following error: RequestId: "
                        + "01fe3839-4974-40d5-960a-173fcb5ec786 Error: Task timed out after 5.00 seconds. "
                        + "Check your Lambda function code and try again.");

        assertThat(categoryOf(r)).isEqualTo("INTEGRATION");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "429 | Limit Exceeded                 | QUOTA",
        "429 | Too Many Requests              | THROTTLE",
        "504 | Endpoint request timed out     | INTEGRATION",
        "502 | Malformed Lambda proxy response | INTEGRATION",
        "401 | Unauthorized                   | AUTH",
        "403 | Forbidden                      | AUTH",
        "403 | \"Forbidden\"                  | AUTH",
        "403 | User is not authorized to access this resource with an explicit deny | AUTH",
        "403 | 'User: arn:aws:sts::123456789012:assumed-role/app/i-0abc is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/GET/pets' | AUTH",
        "400 | Invalid request body           | VALIDATION",
        "404 | Not Found                      | NOT_FOUND",
        "500 | Internal server error          | SERVER",
        "503 | Service Unavailable            | SERVER",
    })
    void categorisesTheGatewaysOwnMessagesWithoutAResponseType(long status, String message, String category) {
        CanonicalRecord r = new CanonicalRecord().setLong(STATUS, status).set(ERROR_MESSAGE, message);

        assertThat(categoryOf(r)).isEqualTo(category);
    }

    @Test
    void letsTheQuotaMessageWinOverThe429Status() {
        assertThat(categoryOf(new CanonicalRecord().setLong(STATUS, 429L).set(ERROR_MESSAGE, "limit exceeded")))
                .isEqualTo("QUOTA");
    }

    @Test
    void readsAWafBlockAsWaf() {
        CanonicalRecord r = new CanonicalRecord().setLong(STATUS, 403L).set(WAF_RESPONSE_CODE, "WAF_BLOCK")
                .set(ERROR_MESSAGE, "Forbidden");

        assertThat(categoryOf(r)).isEqualTo("WAF");
    }

    @Test
    void readsAWafBlockWithACustomResponseStatusAsWaf() {
        CanonicalRecord r = new CanonicalRecord().setLong(STATUS, 302L).set(WAF_RESPONSE_CODE, "WAF_BLOCK");

        assertThat(categoryOf(r)).isEqualTo("WAF");
    }

    @Test
    void ignoresAWafAllow() {
        assertThat(categoryOf(new CanonicalRecord().setLong(STATUS, 200L).set(WAF_RESPONSE_CODE, "WAF_ALLOW"))).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "400, VALIDATION", "401, AUTH", "403, AUTH", "404, NOT_FOUND", "405, OTHER", "409, OTHER", "413, VALIDATION",
        "415, VALIDATION", "422, VALIDATION", "429, THROTTLE", "500, SERVER", "501, SERVER", "502, INTEGRATION",
        "503, SERVER", "504, INTEGRATION", "599, SERVER",
    })
    void fallsBackOnTheStatus(long status, String category) {
        assertThat(categoryOf(new CanonicalRecord().setLong(STATUS, status))).isEqualTo(category);
    }

    @Test
    void readsAnAuthorizerErrorOnA401AsAuth() {
        CanonicalRecord r = new CanonicalRecord().setLong(STATUS, 401L).set(AUTHORIZER_ERROR, "Token signature invalid");

        assertThat(categoryOf(r)).isEqualTo("AUTH");
    }

    @ParameterizedTest
    @CsvSource({"200", "201", "204", "301", "304"})
    void leavesSuccessfulRequestsWithoutCategoryOrSignature(long status) {
        CanonicalRecord r = derived(new CanonicalRecord().setLong(STATUS, status));

        assertThat(r.getString(ERROR_CATEGORY)).isNull();
        assertThat(r.getString(ERROR_SIGNATURE)).isNull();
    }

    @Test
    void ignoresAMessageLoggedOnASuccessfulRequest() {
        CanonicalRecord r = derived(new CanonicalRecord().setLong(STATUS, 200L).set(ERROR_MESSAGE, "Internal server error"));

        assertThat(r.getString(ERROR_CATEGORY)).isNull();
        assertThat(r.getString(ERROR_SIGNATURE)).isNull();
    }

    @Test
    void reportsAnIntegrationErrorHiddenBehindA200() {
        CanonicalRecord r = derived(new CanonicalRecord().setLong(STATUS, 200L)
                .set(INTEGRATION_ERROR, "Lambda function failed with error: TypeError: Cannot read properties of undefined"));

        assertThat(r.getString(ERROR_CATEGORY)).isEqualTo("INTEGRATION");
        assertThat(r.getString(ERROR_SIGNATURE)).isEqualTo("Lambda function failed with error: TypeError: Cannot read properties of undefined");
    }

    @Test
    void leavesARecordWithoutStatusOrErrorColumnsUncategorised() {
        assertThat(categoryOf(new CanonicalRecord().set(REQUEST_ID, "r-1"))).isNull();
    }

    @Test
    void categorisesAnErrorMessageWhenTheStatusIsNotLogged() {
        assertThat(categoryOf(new CanonicalRecord().set(ERROR_MESSAGE, "Endpoint request timed out"))).isEqualTo("INTEGRATION");
        assertThat(categoryOf(new CanonicalRecord().set(ERROR_MESSAGE, "Something odd happened"))).isEqualTo("OTHER");
    }

    @Test
    void treatsAStatusOutOfRangeAsNotLogged() {
        assertThat(categoryOf(new CanonicalRecord().setLong(STATUS, 0L))).isNull();
        assertThat(categoryOf(new CanonicalRecord().setLong(STATUS, 0L).set(ERROR_MESSAGE, "Too Many Requests")))
                .isEqualTo("THROTTLE");
    }

    @Test
    void neverOverwritesACategoryTheLogProvidedButStillSignsIt() {
        CanonicalRecord r = derived(new CanonicalRecord().setLong(STATUS, 500L).set(ERROR_CATEGORY, "CUSTOM")
                .set(ERROR_MESSAGE, "Internal server error"));

        assertThat(r.getString(ERROR_CATEGORY)).isEqualTo("CUSTOM");
        assertThat(r.getString(ERROR_SIGNATURE)).isEqualTo("Internal server error");
    }
}
