package dev.apigwinsights.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwinsights.schema.ContextVariable;
import dev.apigwinsights.eventkit.Fixtures;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class JsonAccessLogParserTest {
    private final JsonAccessLogParser parser = new JsonAccessLogParser(KeyAliases.standard());

    private RawAccessLog parse(String line) throws AccessLogParseException {
        RawAccessLog raw = new RawAccessLog();
        parser.parse(line, raw);
        return raw;
    }


    @Test
    void mapsTheConsoleDefaultKeys() throws Exception {
        RawAccessLog raw = parse(Fixtures.lines("rest-console-json.jsonl").get(0));
        assertThat(raw.get(ContextVariable.IDENTITY_SOURCE_IP)).isEqualTo("192.0.2.20");
        assertThat(raw.get(ContextVariable.RESOURCE_PATH)).isEqualTo("/items/{id}");
        assertThat(raw.get(ContextVariable.REQUEST_TIME)).isEqualTo("29/Feb/2024:23:59:50 -0800");
        assertThat(raw.get(ContextVariable.IDENTITY_CALLER)).isEqualTo("-");
        assertThat(raw.extraCount()).isZero();
    }

    @Test
    void mapsTheReferenceSampleKeysIncludingItsClaimNames() throws Exception {
        RawAccessLog raw = parse(Fixtures.lines("rest-reference-sample.jsonl").get(6));
        assertThat(raw.get(ContextVariable.IDENTITY_API_KEY_ID)).isEqualTo("k1acme0001");
        assertThat(raw.get(ContextVariable.AUTHORIZER_CLAIMS_SUB)).isEqualTo("3f6b1c9e-1111-2222-3333-444455556666");
        assertThat(raw.get(ContextVariable.AUTHORIZER_CLAIMS_ISS)).startsWith("https://cognito-idp.us-east-1");
        assertThat(raw.get(ContextVariable.WAF_RESPONSE_CODE)).isEqualTo("WAF_ALLOW");
        assertThat(raw.get(ContextVariable.AUTHORIZER_INTEGRATION_LATENCY)).isEqualTo("-");
        // the two placeholders the sample logs literally have no variable: kept, not lost
        assertThat(raw.extras()).containsKeys("authorizerClaimsProperty", "authorizerProperty");
    }

    @Test
    void mapsSumoLogicKeysAndPrefersRealValuesOverDashes() throws Exception {
        RawAccessLog raw = parse(Fixtures.lines("rest-sumo.jsonl").get(0));
        assertThat(raw.get(ContextVariable.IDENTITY_SOURCE_IP)).isEqualTo("103.108.207.58");
        assertThat(raw.get(ContextVariable.INTEGRATION_ERROR)).startsWith("Execution failed due to configuration error: PKIX");
        assertThat(raw.get(ContextVariable.INTEGRATION_LATENCY)).isEqualTo("258");
        assertThat(raw.get(ContextVariable.WAF_LATENCY)).isEqualTo("10");
        assertThat(raw.get(ContextVariable.ERROR_RESPONSE_TYPE)).isEqualTo("DEFAULT_5XX");
        assertThat(raw.get(ContextVariable.REQUEST_TIME_EPOCH)).isEqualTo("1706770069673");
    }

    @Test
    void mapsElasticKeysAndNeverKeepsTheCertificatePem() throws Exception {
        String line = Fixtures.lines("rest-elastic.jsonl").get(0);
        RawAccessLog raw = parse(line);
        assertThat(raw.get(ContextVariable.CLIENT_CERT_SUBJECT_DN)).isEqualTo("CN=client0.example.com,O=Acme");
        assertThat(raw.get(ContextVariable.CLIENT_CERT_SERIAL_NUMBER)).isEqualTo("0a:1b:2c:3d:00");
        assertThat(raw.get(ContextVariable.IDENTITY_USER_AGENT)).isEqualTo("curl/8.4.0");
        assertThat(raw.get(ContextVariable.CLIENT_CERT_PEM)).isNull();
        assertThat(raw.extras().values()).noneMatch(v -> v.contains("BEGIN CERTIFICATE"));
    }

    @Test
    void neverKeepsApiKeyValues() throws Exception {
        RawAccessLog raw = parse("{\"requestId\":\"r1\",\"apiKey\":\"s3cr3t-key-value\",\"identity.apiKey\":\"s3cr3t\",\"apiKeyId\":\"k1\"}");
        assertThat(raw.get(ContextVariable.IDENTITY_API_KEY)).isNull();
        assertThat(raw.get(ContextVariable.IDENTITY_API_KEY_ID)).isEqualTo("k1");
        assertThat(raw.extras()).isEmpty();
    }

    @Test
    void acceptsDottedSnakeAndCaseVariantsOfKeyNames() throws Exception {
        RawAccessLog raw = parse("{\"identity.sourceIp\":\"1.1.1.1\",\"HTTP_METHOD\":\"PUT\",\"Status\":\"201\","
                + "\"integration.status\":\"200\",\"$context.requestId\":\"abc\",\"user_agent\":\"x\"}");
        assertThat(raw.get(ContextVariable.IDENTITY_SOURCE_IP)).isEqualTo("1.1.1.1");
        assertThat(raw.get(ContextVariable.HTTP_METHOD)).isEqualTo("PUT");
        assertThat(raw.get(ContextVariable.STATUS)).isEqualTo("201");
        assertThat(raw.get(ContextVariable.INTEGRATION_STATUS_GROUPED)).isEqualTo("200");
        assertThat(raw.get(ContextVariable.REQUEST_ID)).isEqualTo("abc");
        assertThat(raw.get(ContextVariable.IDENTITY_USER_AGENT)).isEqualTo("x");
    }

    @Test
    void flattensNestedObjectsAndKeepsUnknownKeysInExtra() throws Exception {
        RawAccessLog raw = parse("{\"identity\":{\"sourceIp\":\"9.9.9.9\",\"userAgent\":\"ua\"},\"tenant\":\"t-1\","
                + "\"tags\":[\"a\",\"b\"],\"status\":200,\"latencyBucket\":null}");
        assertThat(raw.get(ContextVariable.IDENTITY_SOURCE_IP)).isEqualTo("9.9.9.9");
        assertThat(raw.get(ContextVariable.STATUS)).isEqualTo("200");
        assertThat(raw.extras()).containsEntry("tenant", "t-1").containsEntry("tags", "[\"a\",\"b\"]")
                .doesNotContainKey("latencyBucket");
    }

    @Test
    void readsPrettyPrintedJsonAsOneObject() throws Exception {
        RawAccessLog raw = parse(new String(Fixtures.bytes("lines/pretty.json"), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(raw.get(ContextVariable.REQUEST_ID)).isEqualTo("pp000001");
        assertThat(raw.get(ContextVariable.ROUTE_KEY)).isEqualTo("GET /health");
    }

    @Test
    void repairsUnescapedQuotesInAUserAgentKeepingTheValueVerbatim() throws Exception {
        RawAccessLog raw = parse(Fixtures.lines("broken-json.jsonl").get(0));
        assertThat(raw.get(ContextVariable.IDENTITY_USER_AGENT)).isEqualTo("Mozilla/5.0 \"Quoted\" Browser\\x (v1)");
        assertThat(raw.get(ContextVariable.RESPONSE_LATENCY)).isEqualTo("12");
    }

    @Test
    void repairsALambdaErrorWhoseMessageIsItselfJson() throws Exception {
        RawAccessLog raw = parse(Fixtures.lines("broken-json.jsonl").get(1));
        assertThat(raw.get(ContextVariable.INTEGRATION_ERROR_MESSAGE))
                .isEqualTo("{\"errorMessage\":\"boom\",\"errorType\":\"Error\",\"stackTrace\":[\"at x (/var/task/index.js:3:9)\"]}");
        assertThat(raw.get(ContextVariable.STATUS)).isEqualTo("502");
        assertThat(raw.get(ContextVariable.RESPONSE_LATENCY)).isEqualTo("30");
    }

    @Test
    void repairsUnquotedDashesFromUnquotedTemplateVariables() throws Exception {
        RawAccessLog raw = parse(Fixtures.lines("broken-json.jsonl").get(2));
        assertThat(raw.get(ContextVariable.STATUS)).isEqualTo("-");
        assertThat(raw.get(ContextVariable.RESPONSE_LATENCY)).isEqualTo("7");
    }

    @Test
    void repairIsExactForTemplateKeysEvenWhenAValueLooksLikeAKnownKey() throws Exception {
        JsonAccessLogParser templated = new JsonAccessLogParser(KeyAliases.standard(), Set.of("rid", "msg", "status"));
        RawAccessLog raw = new RawAccessLog();
        templated.parse("{\"rid\":\"1\",\"msg\":\"say \"hi\",\"ip\":\"no\"\",\"status\":\"500\"}", raw);
        assertThat(raw.extras()).containsEntry("msg", "say \"hi\",\"ip\":\"no\"");
        assertThat(raw.get(ContextVariable.STATUS)).isEqualTo("500");
    }

    @Test
    void refusesLinesWhoseStructureCannotBeRecoveredWithoutQuotingThem() {
        String secretish = "{\"requestId\":\"b9\",\"ip\":\"198.51.100.9\",\"status\":\"200";
        assertThatThrownBy(() -> parse(secretish))
                .isInstanceOf(AccessLogParseException.class)
                .hasMessageContaining("not repairable")
                .hasMessageNotContaining("198.51.100.9");
        assertThatThrownBy(() -> parse("[1,2,3]")).isInstanceOf(AccessLogParseException.class);
        assertThatThrownBy(() -> parse("{\"a\" \"b\"}")).isInstanceOf(AccessLogParseException.class);
    }

    @Test
    @Timeout(10)
    void staysLinearOnAdversarialLines() {
        StringBuilder sb = new StringBuilder("{\"requestId\":\"");
        for (int i = 0; i < 40_000; i++) {
            sb.append("\",\"k").append(i % 7).append("\":\"x");
        }
        String manyFakeKeys = sb.append("\"").toString(); // never closed
        assertThatThrownBy(() -> parse(manyFakeKeys)).isInstanceOf(AccessLogParseException.class);
        String quotes = "{\"a\":\"" + "\"".repeat(1_000_000) + "}";
        try {
            parse(quotes);
        } catch (AccessLogParseException expected) {
            // either outcome is fine; finishing quickly is the point
        }
        String deep = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        assertThatThrownBy(() -> parse(deep)).isInstanceOf(AccessLogParseException.class);
    }
}
