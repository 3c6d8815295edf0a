package dev.apigwinsights.derive;

import static dev.apigwinsights.schema.CanonicalField.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.apigwinsights.schema.CanonicalField;
import dev.apigwinsights.schema.CanonicalRecord;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whole records: every derived column at once, and robustness against hostile values. */
class DerivationsRecordTest {

    private final Derivations derivations = new Derivations(new UserAgentClassifier(1_000));

    /** Seed 000: the Sumo Logic sample access log, as the parser fills it ("-" values are null). */
    @Test
    void derivesEveryColumnOfTheSumoLogicSample() {
        CanonicalRecord r = new CanonicalRecord()
                .set(REQUEST_ID, "bf04adbf-eacc-4601-8c14-94605f242e1a")
                .set(EXTENDED_REQUEST_ID, "Sca3bFUQgi0EYeA=")
                .set(SOURCE_IP, "103.108.207.58")
                .set(REQUEST_TIME, "2024-02-01T06:47:49.673Z")
                .setLong(REQUEST_TIME_EPOCH_MS, 1706770069673L)
                .setLong(STATUS, 500L)
                .set(API_ID, "9iljix61i7")
                .set(DOMAIN_NAME, "9iljix61i7.execute-api.eu-north-1.amazonaws.com")
                .set(ERROR_MESSAGE, "Internal server error")
                .set(ERROR_RESPONSE_TYPE, "DEFAULT_5XX")
                .set(USER_AGENT, DerivationsUserAgentTest.CHROME_MAC)
                .set(INTEGRATION_ERROR, "Execution failed due to configuration error: PKIX path building failed: "
                        + "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target")
                .setLong(INTEGRATION_LATENCY_MS, 258L)
                .set(STAGE, "test")
                .setLong(WAF_LATENCY_MS, 10L)
                .setLong(WAF_STATUS, 200L);

        derivations.derive(r);

        assertThat(r.getString(STATUS_CLASS)).isEqualTo("5xx");
        assertThat(r.getString(API_TYPE)).isEqualTo("REST");
        assertThat(r.getString(REGION)).isEqualTo("eu-north-1");
        assertThat(r.getString(DOMAIN_PREFIX)).isEqualTo("9iljix61i7");
        assertThat(r.getString(UA_FAMILY)).isEqualTo("Chrome");
        assertThat(r.getString(UA_OS)).isEqualTo("Mac OS X");
        assertThat(r.getString(UA_DEVICE)).isEqualTo("Mac");
        assertThat(r.getString(AUTH_METHOD)).isEqualTo("NONE");
        assertThat(r.getString(ERROR_CATEGORY)).isEqualTo("INTEGRATION");
        assertThat(r.getString(ERROR_SIGNATURE)).isEqualTo("Execution failed due to configuration error: PKIX path building failed: "
                + "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target");
    }

    /** Seed 002: the Dynatrace tutorial's successful HTTP API request. */
    @Test
    void derivesEveryColumnOfTheDynatraceSuccessfulRequest() {
        CanonicalRecord r = new CanonicalRecord().set(REQUEST_ID, "Dzfa6gNrrks42Tw=").set(SOURCE_IP, "14.21.74.45")
                .set(HTTP_METHOD, "GET").set(ROUTE_KEY, "ANY /").set(PATH, "/getStuff").setLong(STATUS, 200L)
                .set(PROTOCOL, "HTTP/1.1").setLong(RESPONSE_LENGTH, 33L).setLong(RESPONSE_LATENCY_MS, 1671L)
                .setLong(INTEGRATION_LATENCY_MS, 1665L).setLong(INTEGRATION_STATUS_CODE, 200L);

        derivations.derive(r);

        assertThat(r.getString(STATUS_CLASS)).isEqualTo("2xx");
        assertThat(r.getString(API_TYPE)).isEqualTo("HTTP");
        assertThat(r.getString(REGION)).isNull();
        assertThat(r.getString(DOMAIN_PREFIX)).isNull();
        assertThat(r.getString(UA_FAMILY)).isNull();
        assertThat(r.getString(AUTH_METHOD)).isEqualTo("NONE");
        assertThat(r.getString(ERROR_CATEGORY)).isNull();
        assertThat(r.getString(ERROR_SIGNATURE)).isNull();
    }

    @Test
    void isIdempotent() {
        CanonicalRecord r = new CanonicalRecord().setLong(STATUS, 429L).set(ERROR_MESSAGE, "Limit Exceeded")
                .set(API_KEY_ID, "k7x2a9b3c1").set(USER_AGENT, "curl/8.4.0")
                .set(DOMAIN_NAME, "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com");
        derivations.derive(r);
        String first = r.toString();

        derivations.derive(r);

        assertThat(r.toString()).isEqualTo(first);
        assertThat(r.getString(ERROR_CATEGORY)).isEqualTo("QUOTA");
        assertThat(r.getString(AUTH_METHOD)).isEqualTo("API_KEY");
    }

    @Test
    void neverThrowsOnHostileValuesInAnyColumn() {
        Random random = new Random(20240201L);
        String[] hostile = {
            "", " ", "-", "\u0000", "\uD800", "\uDFFF\uD800", "arn:", "arn:aws", "arn:::::", "execute-api.", ".execute-api.",
            "x.execute-api-fips.", "cognito-idp.", "cognito-idp..", ":", "\"", "'", "$default", "GET", "GET /", " /x",
            "0x", "1.", "1.2.3.", "::", ":::", "WAF_BLOCK", "DEFAULT_5XX", "\"\"\"", "a".repeat(100_000),
        };

        for (int i = 0; i < 5_000; i++) {
            CanonicalRecord r = new CanonicalRecord();
            for (CanonicalField f : CanonicalField.values()) {
                if (random.nextInt(3) != 0) {
                    continue;
                }
                switch (f.type()) {
                    case STRING, TIMESTAMP -> r.set(f, random.nextBoolean()
                            ? hostile[random.nextInt(hostile.length)]
                            : randomString(random));
                    case INT, BIGINT -> r.setLong(f, random.nextBoolean() ? (long) random.nextInt(1_000) : random.nextLong());
                    case DOUBLE -> r.setDouble(f, random.nextDouble());
                    case MAP -> r.putExtra(randomString(random), randomString(random));
                    default -> throw new AssertionError(f.type());
                }
            }
            assertThatCode(() -> derivations.derive(r)).as("record %s", r).doesNotThrowAnyException();
        }
    }

    private static String randomString(Random random) {
        int length = random.nextInt(40);
        StringBuilder sb = new StringBuilder(length);
        String alphabet = "aZ09-_.:/\"' \t\n$,;()[]{}x\u00e9\uD83D\uDE00";
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
