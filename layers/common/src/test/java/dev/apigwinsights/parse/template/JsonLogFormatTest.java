package dev.apigwinsights.parse.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwinsights.parse.AccessLogParseException;
import dev.apigwinsights.parse.RawAccessLog;
import dev.apigwinsights.schema.ContextVariable;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class JsonLogFormatTest {

    private static RawAccessLog parse(String template, String line) throws AccessLogParseException {
        LogFormat format = LogFormat.compile(template);
        assertThat(format.isJson()).as("read as JSON").isTrue();
        RawAccessLog out = new RawAccessLog();
        format.parser().parse(line, out);
        return out;
    }


    @Test
    void mapsRenamedKeysByTheirVariable() throws Exception {
        RawAccessLog out = parse("{\"who\":\"$context.identity.sourceIp\",\"id\":\"$context.requestId\",\"ip\":\"$context.stage\"}",
                "{\"who\":\"203.0.113.9\",\"id\":\"r-1\",\"ip\":\"prod\"}");

        assertThat(out.get(ContextVariable.IDENTITY_SOURCE_IP)).isEqualTo("203.0.113.9");
        assertThat(out.get(ContextVariable.REQUEST_ID)).isEqualTo("r-1");
        assertThat(out.get(ContextVariable.STAGE)).as("'ip' means what the format says, not the alias").isEqualTo("prod");
        assertThat(out.extras()).isEmpty();
    }

    @Test
    void readsNestedObjects() throws Exception {
        RawAccessLog out = parse("{\"requestId\":\"$context.requestId\",\"identity\":{\"ip\":\"$context.identity.sourceIp\","
                        + "\"agent\":{\"raw\":\"$context.identity.userAgent\"}}}",
                "{\"requestId\":\"r-1\",\"identity\":{\"ip\":\"10.0.0.1\",\"agent\":{\"raw\":\"curl/8\"}}}");

        assertThat(out.get(ContextVariable.IDENTITY_SOURCE_IP)).isEqualTo("10.0.0.1");
        assertThat(out.get(ContextVariable.IDENTITY_USER_AGENT)).isEqualTo("curl/8");
    }

    @Test
    void splitsAValueMadeOfSeveralVariables() throws Exception {
        RawAccessLog out = parse("{\"requestId\":\"$context.requestId\",\"route\":\"$context.httpMethod $context.resourcePath\","
                        + "\"when\":\"[$context.requestTime]\"}",
                "{\"requestId\":\"r-1\",\"route\":\"PATCH /pets/{id}\",\"when\":\"[21/Nov/2025:05:02:03 +0000]\"}");

        assertThat(out.get(ContextVariable.HTTP_METHOD)).isEqualTo("PATCH");
        assertThat(out.get(ContextVariable.RESOURCE_PATH)).isEqualTo("/pets/{id}");
        assertThat(out.get(ContextVariable.REQUEST_TIME)).isEqualTo("21/Nov/2025:05:02:03 +0000");
        assertThat(out.extras()).isEmpty();
    }

    @Test
    void readsUnquotedVariablesIncludingADash() throws Exception {
        RawAccessLog out = parse("{\"requestId\":\"$context.requestId\",\"status\":$context.status,"
                        + "\"latency\":$context.integrationLatency}",
                "{\"requestId\":\"r-1\",\"status\":403,\"latency\":-}");

        assertThat(out.get(ContextVariable.STATUS)).isEqualTo("403");
        assertThat(out.get(ContextVariable.INTEGRATION_LATENCY)).isEqualTo("-");
    }

    @Test
    void readsValuesWithUnescapedQuotes() throws Exception {
        String ua = "Mozilla/5.0 \"x\",\"status\":\"200";
        RawAccessLog out = parse("{\"requestId\":\"$context.requestId\",\"ua\":\"$context.identity.userAgent\","
                        + "\"status\":\"$context.status\",\"msg\":\"$context.error.message\"}",
                "{\"requestId\":\"r-1\",\"ua\":\"" + ua + "\",\"status\":\"502\",\"msg\":\"Bad \"gateway\", {really}\"}");

        assertThat(out.get(ContextVariable.IDENTITY_USER_AGENT)).isEqualTo(ua);
        assertThat(out.get(ContextVariable.STATUS)).isEqualTo("502");
        assertThat(out.get(ContextVariable.ERROR_MESSAGE)).isEqualTo("Bad \"gateway\", {really}");
    }

    @Test
    void putsUnknownVariablesInExtraUnderTheirPathAndLiteralMembersUnderTheirKey() throws Exception {
        RawAccessLog out = parse("{\"requestId\":\"$context.requestId\",\"tenant\":\"$context.authorizer.tenant\","
                        + "\"email\":\"$context.authorizer.claims.email\",\"source\":\"apigw\",\"v\":2}",
                "{\"requestId\":\"r-1\",\"tenant\":\"acme\",\"email\":\"jane@example.com\",\"source\":\"apigw\",\"v\":2}");

        assertThat(out.extras()).containsExactly(
                Map.entry("authorizer.tenant", "acme"),
                Map.entry("authorizer.claims.email", "jane@example.com"),
                Map.entry("source", "apigw"),
                Map.entry("v", "2"));
    }

    @Test
    void keepsKeysTheFormatDoesNotHave() throws Exception {
        RawAccessLog out = parse("{\"requestId\":\"$context.requestId\",\"status\":\"$context.status\"}",
                "{\"requestId\":\"r-1\",\"added\":\"later\",\"status\":\"200\"}");

        assertThat(out.get(ContextVariable.STATUS)).isEqualTo("200");
        assertThat(out.extras()).containsExactly(Map.entry("added", "later"));
    }

    @Test
    void neverOutputsSecretsWhateverTheKey() throws Exception {
        RawAccessLog out = parse("{\"requestId\":\"$context.requestId\",\"k\":\"$context.identity.apiKey\","
                        + "\"pem\":\"$context.identity.clientCert.clientCertPem\","
                        + "\"both\":\"$context.identity.apiKeyId:$context.identity.apiKey\"}",
                "{\"requestId\":\"r-1\",\"k\":\"SECRET1\",\"pem\":\"-----BEGIN SECRET2\","
                        + "\"both\":\"kid-1:SECRET3\"}");

        assertThat(out.get(ContextVariable.IDENTITY_API_KEY)).isNull();
        assertThat(out.get(ContextVariable.CLIENT_CERT_PEM)).isNull();
        assertThat(out.get(ContextVariable.IDENTITY_API_KEY_ID)).isEqualTo("kid-1");
        assertThat(out.extras()).isEmpty();
    }

    @Test
    void dropsAnUnsplittableValueThatHoldsASecret() throws Exception {
        RawAccessLog out = parse("{\"requestId\":\"$context.requestId\",\"both\":\"$context.identity.apiKeyId$context.identity.apiKey\","
                        + "\"pair\":\"$context.stage$context.apiId\"}",
                "{\"requestId\":\"r-1\",\"both\":\"kid-1SECRET3\",\"pair\":\"proda1b2\"}");

        assertThat(out.extras()).containsExactly(Map.entry("pair", "proda1b2"));
    }

    @Test
    void readsAPrettyPrintedFormatsLines() throws Exception {
        RawAccessLog out = parse("{\n  \"requestId\": \"$context.requestId\",\n  \"status\": \"$context.status\"\n}\n",
                "{\"requestId\":\"r-1\",\"status\":\"201\"}");

        assertThat(out.get(ContextVariable.STATUS)).isEqualTo("201");
    }

    @Test
    void treatsAFormatThatIsNotQuiteJsonAsAPlainLayout() throws Exception {
        LogFormat format = LogFormat.compile("{requestId:$context.requestId} [$context.status]");
        RawAccessLog out = new RawAccessLog();

        format.parser().parse("{requestId:r-1} [200]", out);

        assertThat(format.isJson()).isFalse();
        assertThat(out.get(ContextVariable.STATUS)).isEqualTo("200");
    }

    @Test
    void matchesADeeplyNestedFormatLiterallyInsteadOfAsJson() throws Exception {
        String template = "{\"a\":".repeat(5_000) + "\"$context.requestId\"" + "}".repeat(5_000);
        LogFormat format = LogFormat.compile(template);
        RawAccessLog out = new RawAccessLog();

        format.parser().parse(format.render(v -> "r-1"), out);

        assertThat(format.isJson()).isFalse();
        assertThat(out.get(ContextVariable.REQUEST_ID)).isEqualTo("r-1");
    }

    @Test
    void reportsALineThatIsNeitherTheFormatNorJsonWithoutQuotingIt() {
        assertThatThrownBy(() -> parse("{\"requestId\":\"$context.requestId\"}", "private-data,no json here"))
                .isInstanceOf(AccessLogParseException.class)
                .hasMessageStartingWith("line does not match the configured LOG_FORMAT")
                .hasMessageNotContaining("private-data");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void givesUpOnAMegabyteAdversarialJsonLine() {
        String template = "{\"requestId\":\"$context.requestId\",\"ua\":\"$context.identity.userAgent\","
                + "\"msg\":\"$context.error.message\",\"status\":$context.status}";
        String line = "{\"requestId\":\"r\",\"ua\":\"" + "\",\"msg\":\"".repeat(80_000) + "\",\"status\":x";

        assertThatThrownBy(() -> parse(template, line)).isInstanceOf(AccessLogParseException.class);
    }
}
