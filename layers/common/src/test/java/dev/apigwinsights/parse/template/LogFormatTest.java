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

class LogFormatTest {

    private static RawAccessLog parse(String template, String line) throws AccessLogParseException {
        RawAccessLog out = new RawAccessLog();
        LogFormat.compile(template).parser().parse(line, out);
        return out;
    }


    @Test
    void tokenisesVariablesAndStopsPathsAtTrailingPunctuation() {
        LogFormat f = LogFormat.compile("[$context.status.] $context.stage-$context.requestId-suffix $context.authorizer.claims.email.");

        assertThat(f.variables()).extracting(TemplateVariable::path)
                .containsExactly("status", "stage", "requestId", "authorizer.claims.email");
        assertThat(f.variables().get(3).freeForm()).isTrue();
        assertThat(f.variables().get(3).known()).isEmpty();
        assertThat(f.isJson()).isFalse();
    }

    @Test
    void rejectsAFormatWithoutVariables() {
        assertThatThrownBy(() -> LogFormat.compile("just text, $context and $context."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no $context variables");
        assertThatThrownBy(() -> LogFormat.compile("  \n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void rejectsAdjacentVariablesOutsideJsonBecauseTheirBoundaryIsAmbiguous() {
        assertThatThrownBy(() -> LogFormat.compile("$context.requestId $context.httpMethod$context.path"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$context.httpMethod is directly followed by $context.path")
                .hasMessageContaining("offset 38");
    }

    @Test
    void readsAClfUserAgentContainingQuotesAndSpaces() throws Exception {
        String template = "$context.identity.sourceIp - - [$context.requestTime] \"$context.httpMethod $context.path"
                + " $context.protocol\" $context.status $context.responseLength \"$context.identity.userAgent\""
                + " $context.requestId";
        String ua = "Mozilla/5.0 \"quoted\" (X11; Linux) \" 200 12 \"fake";
        String line = "198.51.100.4 - - [21/Nov/2025:05:02:03 +0000] \"GET /prod/pets/a,b HTTP/1.1\" 404 37 \""
                + ua + "\" 6f2c0a3e-1b2c-4d5e-8f90-a1b2c3d4e5f6";

        RawAccessLog out = parse(template, line);

        assertThat(out.get(ContextVariable.IDENTITY_USER_AGENT)).isEqualTo(ua);
        assertThat(out.get(ContextVariable.PATH)).isEqualTo("/prod/pets/a,b");
        assertThat(out.get(ContextVariable.STATUS)).isEqualTo("404");
        assertThat(out.get(ContextVariable.RESPONSE_LENGTH)).isEqualTo("37");
        assertThat(out.get(ContextVariable.REQUEST_TIME)).isEqualTo("21/Nov/2025:05:02:03 +0000");
        assertThat(out.get(ContextVariable.REQUEST_ID)).isEqualTo("6f2c0a3e-1b2c-4d5e-8f90-a1b2c3d4e5f6");
    }

    @Test
    void readsACsvErrorMessageContainingCommasWhereverItSits() throws Exception {
        String template = "$context.requestId,$context.error.message,$context.status,$context.responseLatency,"
                + "$context.integrationErrorMessage";
        String line = "r-1,Invalid request body, expected {a, b},429,12,Lambda said: no, really, no";

        RawAccessLog out = parse(template, line);

        assertThat(out.get(ContextVariable.ERROR_MESSAGE)).isEqualTo("Invalid request body, expected {a, b}");
        assertThat(out.get(ContextVariable.STATUS)).isEqualTo("429");
        assertThat(out.get(ContextVariable.RESPONSE_LATENCY)).isEqualTo("12");
        assertThat(out.get(ContextVariable.INTEGRATION_ERROR_MESSAGE)).isEqualTo("Lambda said: no, really, no");
    }

    @Test
    void readsCustomLayoutsWithUnusualDelimiters() throws Exception {
        String template = "@@$context.requestId|$context.httpMethod||$context.resourcePath ~~ $context.status ~~"
                + " «$context.error.message» :: $context.identity.userAgent ;;";
        String line = "@@abc-123|DELETE||/orders/{id} ~~ 500 ~~ «Internal ~~ error :: «x»» :: curl/8.4 ;; ok ;;";

        RawAccessLog out = parse(template, line);

        assertThat(out.get(ContextVariable.REQUEST_ID)).isEqualTo("abc-123");
        assertThat(out.get(ContextVariable.HTTP_METHOD)).isEqualTo("DELETE");
        assertThat(out.get(ContextVariable.RESOURCE_PATH)).isEqualTo("/orders/{id}");
        assertThat(out.get(ContextVariable.STATUS)).isEqualTo("500");
        assertThat(out.get(ContextVariable.ERROR_MESSAGE)).isEqualTo("Internal ~~ error :: «x»");
        assertThat(out.get(ContextVariable.IDENTITY_USER_AGENT)).isEqualTo("curl/8.4 ;; ok");
    }

    @Test
    void toleratesSurroundingWhitespaceAndATrailingNewline() throws Exception {
        RawAccessLog out = parse("$context.requestId $context.status\n", "  \tr-9 204\r\n");

        assertThat(out.get(ContextVariable.REQUEST_ID)).isEqualTo("r-9");
        assertThat(out.get(ContextVariable.STATUS)).isEqualTo("204");
    }

    @Test
    void keepsDashesAsWritten() throws Exception {
        RawAccessLog out = parse("$context.requestId,$context.integrationLatency,$context.error.message", "r-1,-,-");

        assertThat(out.get(ContextVariable.INTEGRATION_LATENCY)).isEqualTo("-");
        assertThat(out.get(ContextVariable.ERROR_MESSAGE)).isEqualTo("-");
    }

    @Test
    void putsUnknownVariablesInExtraUnderTheirPath() throws Exception {
        RawAccessLog out = parse("$context.requestId $context.authorizer.tenant $context.authorizer.claims.email"
                + " $context.madeUp.thing", "r-1 acme jane@example.com 42");

        assertThat(out.get(ContextVariable.REQUEST_ID)).isEqualTo("r-1");
        assertThat(out.extras()).containsExactly(
                Map.entry("authorizer.tenant", "acme"),
                Map.entry("authorizer.claims.email", "jane@example.com"),
                Map.entry("madeUp.thing", "42"));
    }

    @Test
    void neverOutputsSecretsFromAPlainLayout() throws Exception {
        RawAccessLog out = parse("$context.requestId $context.identity.apiKey $context.identity.clientCert.clientCertPem"
                + " $context.identity.apiKeyId", "r-1 SECRETKEY123 -----BEGIN-CERT----- kid-7");

        assertThat(out.get(ContextVariable.IDENTITY_API_KEY)).isNull();
        assertThat(out.get(ContextVariable.CLIENT_CERT_PEM)).isNull();
        assertThat(out.get(ContextVariable.IDENTITY_API_KEY_ID)).isEqualTo("kid-7");
        assertThat(out.extras()).isEmpty();
    }

    @Test
    void reportsALineOfAnotherLayoutWithoutQuotingIt() {
        assertThatThrownBy(() -> parse(ConsolePresets.REST_CSV, "secret-payload with no commas at all"))
                .isInstanceOf(AccessLogParseException.class)
                .hasMessage("line does not match the configured LOG_FORMAT")
                .hasMessageNotContaining("secret-payload");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void givesUpOnAMegabyteAdversarialLineWithinTheWorkBudget() {
        // Every comma is a candidate end for both free-text values, and no split puts a number
        // where the status is: without memoisation and a budget this is quadratic or worse.
        String template = "$context.requestId,$context.error.message,$context.identity.userAgent,$context.status,"
                + "$context.responseLatency";
        String line = "r," + "a,".repeat(500_000) + "a";

        assertThatThrownBy(() -> parse(template, line))
                .isInstanceOf(AccessLogParseException.class)
                .hasMessage("line does not match the configured LOG_FORMAT (search budget exhausted)");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void rejectsAMegabyteLineMissingALiteralQuickly() {
        String line = "1.2.3.4 - - [21/Nov/2025:05:02:03 +0000] \"" + " \" ".repeat(350_000);

        assertThatThrownBy(() -> parse(ConsolePresets.HTTP_CLF, line)).isInstanceOf(AccessLogParseException.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void handlesAFormatWithThousandsOfVariablesWithoutRunningOutOfStack() throws Exception {
        String template = "$context.requestId" + ",$context.error.message".repeat(20_000) + ",$context.status";
        LogFormat format = LogFormat.compile(template);
        String line = format.render(v -> switch (v.path()) {
            case "requestId" -> "r-1";
            case "status" -> "200";
            default -> "m";
        });

        RawAccessLog out = new RawAccessLog();
        format.parser().parse(line, out);

        assertThat(out.get(ContextVariable.STATUS)).isEqualTo("200");
        assertThat(out.get(ContextVariable.ERROR_MESSAGE)).isEqualTo("m");
    }

    @Test
    void rejectsANullFormatAsUnusable() {
        assertThatThrownBy(() -> LogFormat.compile(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rendersLinesTheWayApiGatewayWritesThem() {
        LogFormat f = LogFormat.compile("<r id=\"$context.requestId\">$context.error.message</r>");

        String line = f.render(v -> v.path().equals("requestId") ? "r-1" : "a \"quoted\" <b>&amp;");

        assertThat(line).isEqualTo("<r id=\"r-1\">a \"quoted\" <b>&amp;</r>");
    }

    @Test
    void keepsXmlValuesVerbatimBecauseApiGatewayDoesNotEscapeThem() throws Exception {
        RawAccessLog out = parse("<r id=\"$context.requestId\"><m>$context.error.message</m></r>",
                "<r id=\"r-1\"><m>a </m> &amp; <b></m></r>");

        assertThat(out.get(ContextVariable.ERROR_MESSAGE)).isEqualTo("a </m> &amp; <b>");
    }
}
