package dev.apigwinsights.derive;

import static dev.apigwinsights.schema.CanonicalField.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import dev.apigwinsights.schema.CanonicalRecord;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DerivationsErrorSignatureTest {

    private static final String LAMBDA_TIMEOUT_SIGNATURE = "The Lambda function returned the following error: RequestId: <uuid> "
            + "Error: Task timed out after <n> seconds. Check your Lambda function code and try again.";

    private final Derivations derivations = new Derivations(new UserAgentClassifier(100));

    /** Seed 002: the Dynatrace tutorial's Lambda timeouts, from different invocations and timeouts. */
    @ParameterizedTest
    @CsvSource({
        "01fe3839-4974-40d5-960a-173fcb5ec786, 5.00",
        "7C9E6679-7425-40DE-944B-E07FC1F90AE7, 30.00",
        "a3bb189e-8bf9-3888-9912-ace4e6543002, 900.10",
        "00000000-0000-0000-0000-000000000000, 3",
    })
    void groupsEveryLambdaTimeoutIntoOneSignature(String requestId, String seconds) {
        String message = "The Lambda function returned the following error: RequestId: " + requestId
                + " Error: Task timed out after " + seconds + " seconds. Check your Lambda function code and try again.";

        assertThat(ErrorSignatures.of(message)).isEqualTo(LAMBDA_TIMEOUT_SIGNATURE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Internal server error",
        "Endpoint request timed out",
        "Execution failed due to configuration error: Malformed Lambda proxy response",
        "Execution failed due to configuration error: Invalid permissions on Lambda function",
        "Execution failed due to configuration error: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target",
        "Missing Authentication Token",
        "Lambda function's code threw: X509Certificate rejected, SHA256withRSA on node18",
    })
    void keepsConstantMessagesAsTheyAre(String message) {
        assertThat(ErrorSignatures.of(message)).isEqualTo(message);
    }

    static Stream<Arguments> maskedMessages() {
        return Stream.of(
                Arguments.of("User: arn:aws:sts::123456789012:assumed-role/app-role/i-0abc123def4567890 is not authorized to perform: "
                                + "execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/GET/pets",
                        "User: <arn> is not authorized to perform: execute-api:Invoke on resource: <arn>"),
                Arguments.of("Invalid permissions on Lambda function arn:aws-cn:lambda:cn-north-1:123456789012:function:orders.",
                        "Invalid permissions on Lambda function <arn>."),
                Arguments.of("connect to 10.0.12.7:443 failed: Connection refused", "connect to <ip>:<n> failed: Connection refused"),
                Arguments.of("no route to host 2001:db8::8a2e:370:7334", "no route to host <ip>"),
                Arguments.of("Invalid value 'abc-123' for parameter \"limit\"", "Invalid value '<v>' for parameter \"<v>\""),
                Arguments.of("{\"errorMessage\":\"Order 42 not found\",\"errorType\":\"NotFoundError\"}",
                        "{\"errorMessage\":\"<v>\",\"errorType\":\"<v>\"}"),
                Arguments.of("Request Sca3bFUQgi0EYeA= failed after 1,024 bytes and 250ms",
                        "Request <id>= failed after <n> bytes and <n>ms"),
                Arguments.of("Trace 1-5759e988-bd862e3fe1be46a994272793 status 5xx via HTTP/1.1",
                        "Trace <n>-<id>-<id> status <n>xx via HTTP/<n>"),
                Arguments.of("object at 0x7ffe4a2b crashed", "object at <hex> crashed"),
                Arguments.of("Account 123456789012 exceeded 10000 requests", "Account <n> exceeded <n> requests"),
                Arguments.of("  line one\n\tline   two \r\n ", "line one line two"),
                Arguments.of("\"Internal server error\"", "Internal server error"),
                Arguments.of("api 9iljix61i7 stage test", "api <id> stage test"));
    }

    @ParameterizedTest
    @MethodSource("maskedMessages")
    void masksWhatChangesFromRequestToRequest(String message, String signature) {
        assertThat(ErrorSignatures.of(message)).isEqualTo(signature);
    }

    @Test
    void keepsDifferentErrorsApart() {
        String timeout = ErrorSignatures.of("RequestId: 01fe3839-4974-40d5-960a-173fcb5ec786 Error: Task timed out after 5.00 seconds");
        String exited = ErrorSignatures.of("RequestId: 01fe3839-4974-40d5-960a-173fcb5ec786 Error: Runtime exited with error: signal: killed");

        assertThat(timeout).isNotEqualTo(exited);
    }

    @Test
    void returnsNullForNothingToSign() {
        assertThat(ErrorSignatures.of(null)).isNull();
        assertThat(ErrorSignatures.of("")).isNull();
        assertThat(ErrorSignatures.of(" \n\t ")).isNull();
        assertThat(ErrorSignatures.of("\"\"")).isNull();
    }

    @Test
    void capsTheSignatureLength() {
        String signature = ErrorSignatures.of("word ".repeat(1_000));

        assertThat(signature).hasSizeLessThanOrEqualTo(ErrorSignatures.MAX_LENGTH).startsWith("word word").doesNotEndWith(" ");
    }

    @Test
    void neverSplitsASurrogatePairAtTheCap() {
        String signature = ErrorSignatures.of("x".repeat(ErrorSignatures.MAX_LENGTH - 1) + "\uD83D\uDE00 tail");

        assertThat(signature).hasSize(ErrorSignatures.MAX_LENGTH - 1);
        assertThat(Character.isHighSurrogate(signature.charAt(signature.length() - 1))).isFalse();
    }

    static Stream<Arguments> megabyteMessages() {
        int mb = 1 << 20;
        return Stream.of(
                Arguments.of("letters", (Supplier<String>) () -> "a".repeat(mb)),
                Arguments.of("digits", (Supplier<String>) () -> "9".repeat(mb)),
                Arguments.of("spaces then text", (Supplier<String>) () -> " ".repeat(mb) + "end"),
                Arguments.of("decimal chain", (Supplier<String>) () -> "1.".repeat(mb / 2)),
                Arguments.of("colons", (Supplier<String>) () -> ":".repeat(mb)),
                Arguments.of("double quotes", (Supplier<String>) () -> "\"".repeat(mb)),
                Arguments.of("single quotes between spaces", (Supplier<String>) () -> " '".repeat(mb / 2)),
                Arguments.of("unclosed quotes", (Supplier<String>) () -> ("\"" + " ".repeat(600)).repeat(mb / 601)),
                Arguments.of("quote then word", (Supplier<String>) () -> "\"a".repeat(mb / 2)),
                Arguments.of("uuid-like", (Supplier<String>) () -> "01fe3839-4974-40d5-960a-".repeat(mb / 24)),
                Arguments.of("arn", (Supplier<String>) () -> "arn:aws:" + "x".repeat(mb)),
                Arguments.of("ip-like", (Supplier<String>) () -> "1.1.1.".repeat(mb / 6)),
                Arguments.of("hex colons", (Supplier<String>) () -> "ab:".repeat(mb / 3)),
                Arguments.of("mixed words", (Supplier<String>) () -> "a1b2 ".repeat(mb / 5)),
                Arguments.of("newlines", (Supplier<String>) () -> "\n\r\t".repeat(mb / 3) + "x"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("megabyteMessages")
    void signsA1MbMessageQuicklyAndBoundedly(String shape, Supplier<String> message) {
        String input = message.get();

        String signature = assertTimeout(Duration.ofSeconds(2), () -> ErrorSignatures.of(input));

        assertThat(signature == null ? 0 : signature.length()).isLessThanOrEqualTo(ErrorSignatures.MAX_LENGTH);
    }

    @Test
    void signsTheIntegrationErrorBeforeTheGatewayMessage() {
        CanonicalRecord r = new CanonicalRecord().setLong(STATUS, 500L).set(ERROR_MESSAGE, "Internal Server Error")
                .set(INTEGRATION_ERROR, "The Lambda function returned the following error: RequestId: "
                        + "01fe3839-4974-40d5-960a-173fcb5ec786 Error: Task timed out after 5.00 seconds. "
                        + "Check your Lambda function code and try again.");

        derivations.derive(r);

        assertThat(r.getString(ERROR_SIGNATURE)).isEqualTo(LAMBDA_TIMEOUT_SIGNATURE);
    }

    @Test
    void signsTheGatewayMessageWithoutAnIntegrationError() {
        CanonicalRecord r = new CanonicalRecord().setLong(STATUS, 504L).set(ERROR_MESSAGE, "Endpoint request timed out");

        derivations.derive(r);

        assertThat(r.getString(ERROR_SIGNATURE)).isEqualTo("Endpoint request timed out");
    }

    @Test
    void fallsBackOnTheAuthorizerThenTheWafError() {
        CanonicalRecord authorizer = new CanonicalRecord().setLong(STATUS, 401L)
                .set(AUTHORIZER_ERROR, "Token 7d8ca528-4931-4254-9273-ea5ee853f271 expired");
        CanonicalRecord waf = new CanonicalRecord().setLong(STATUS, 403L).set(WAF_ERROR, "WAF evaluation failed for 10.1.2.3");

        derivations.derive(authorizer);
        derivations.derive(waf);

        assertThat(authorizer.getString(ERROR_SIGNATURE)).isEqualTo("Token <uuid> expired");
        assertThat(waf.getString(ERROR_SIGNATURE)).isEqualTo("WAF evaluation failed for <ip>");
    }

    @Test
    void leavesTheSignatureNullForAnErrorWithoutMessage() {
        CanonicalRecord r = new CanonicalRecord().setLong(STATUS, 404L);

        derivations.derive(r);

        assertThat(r.getString(ERROR_CATEGORY)).isEqualTo("NOT_FOUND");
        assertThat(r.getString(ERROR_SIGNATURE)).isNull();
    }

    @Test
    void neverOverwritesASignatureTheLogProvided() {
        CanonicalRecord r = new CanonicalRecord().setLong(STATUS, 500L).set(ERROR_MESSAGE, "Internal server error")
                .set(ERROR_SIGNATURE, "mine");

        derivations.derive(r);

        assertThat(r.getString(ERROR_SIGNATURE)).isEqualTo("mine");
    }
}
