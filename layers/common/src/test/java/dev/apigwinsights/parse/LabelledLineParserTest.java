package dev.apigwinsights.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwinsights.parse.template.ConsolePresets;
import dev.apigwinsights.schema.ContextVariable;
import org.junit.jupiter.api.Test;

class LabelledLineParserTest {
    private final LabelledLineParser parser = new LabelledLineParser(KeyAliases.standard(), ConsolePresets.autodetect());

    private RawAccessLog parse(String line) throws AccessLogParseException {
        RawAccessLog out = new RawAccessLog();
        parser.parse(line, out);
        return out;
    }

    @Test
    void readsTheServerlessFrameworksDefaultRestFormat() throws Exception {
        // what `logs: restApi: true` gives a stage (the framework's defaultApiGatewayLogFormat)
        RawAccessLog log = parse("requestId: 0b8c1f2e-1d2a-4c4e-9b1a-7f0e2d3c4b5a, ip: 2001:db8::7, caller: -,"
                + " user: arn:aws:sts::123456789012:assumed-role/r/me, requestTime: 02/Dec/2026:10:00:01 +0000, httpMethod: POST,"
                + " resourcePath: /orders/{id}, status: 502, protocol: HTTP/1.1, responseLength: 36");

        assertThat(log.get(ContextVariable.REQUEST_ID)).isEqualTo("0b8c1f2e-1d2a-4c4e-9b1a-7f0e2d3c4b5a");
        assertThat(log.get(ContextVariable.IDENTITY_SOURCE_IP)).isEqualTo("2001:db8::7");
        assertThat(log.get(ContextVariable.IDENTITY_CALLER)).isEqualTo("-");
        assertThat(log.get(ContextVariable.IDENTITY_USER)).isEqualTo("arn:aws:sts::123456789012:assumed-role/r/me");
        assertThat(log.get(ContextVariable.REQUEST_TIME)).isEqualTo("02/Dec/2026:10:00:01 +0000");
        assertThat(log.get(ContextVariable.RESOURCE_PATH)).isEqualTo("/orders/{id}");
        assertThat(log.get(ContextVariable.STATUS)).isEqualTo("502");
        assertThat(log.get(ContextVariable.RESPONSE_LENGTH)).isEqualTo("36");
        assertThat(log.extraCount()).isZero();
    }

    @Test
    void keepsAValuesOwnCommasAndSendsUnknownKeysToExtra() throws Exception {
        RawAccessLog log = parse("requestId: r-1, status: 200, userAgent: Mozilla/5.0 (KHTML, like Gecko) Chrome/120.0,"
                + " tenant: acme; responseTime: 12, empty: , ip: 203.0.113.9");

        assertThat(log.get(ContextVariable.IDENTITY_USER_AGENT)).isEqualTo("Mozilla/5.0 (KHTML, like Gecko) Chrome/120.0");
        assertThat(log.get(ContextVariable.RESPONSE_LATENCY)).isEqualTo("12");
        assertThat(log.get(ContextVariable.IDENTITY_SOURCE_IP)).isEqualTo("203.0.113.9");
        assertThat(log.extras()).containsEntry("tenant", "acme").containsEntry("empty", "");
    }

    @Test
    void readsLogfmtWithQuotedAndUnquotedValues() throws Exception {
        RawAccessLog log = parse("requestId=lf-1 ip=203.0.113.5 time=\"02/Dec/2026:10:00:00 +0000\" method=GET status=404"
                + " ua=\"curl/8.1 \\\"x\\\"\" agent=Mozilla/5.0 (X11; Linux) Firefox/120.0");

        assertThat(log.get(ContextVariable.REQUEST_ID)).isEqualTo("lf-1");
        assertThat(log.get(ContextVariable.REQUEST_TIME)).isEqualTo("02/Dec/2026:10:00:00 +0000");
        assertThat(log.get(ContextVariable.HTTP_METHOD)).isEqualTo("GET");
        assertThat(log.get(ContextVariable.STATUS)).isEqualTo("404");
        assertThat(log.get(ContextVariable.IDENTITY_USER_AGENT)).isEqualTo("curl/8.1 \"x\"");
        assertThat(log.extras()).containsEntry("agent", "Mozilla/5.0 (X11; Linux) Firefox/120.0");
    }

    @Test
    void leavesEveryOtherLineToThePresets() throws Exception {
        RawAccessLog clf = parse("203.0.113.7 - - [02/Dec/2026:10:11:12 +0000] \"GET /pets HTTP/1.1\" 200 512 req-1");
        assertThat(clf.get(ContextVariable.RESOURCE_PATH)).isEqualTo("/pets");

        assertThatThrownBy(() -> parse("ERROR: disk full, code: 5")).as("one known key is chance")
                .isInstanceOf(AccessLogParseException.class).hasMessageContaining("set LOG_FORMAT");
        assertThatThrownBy(() -> parse("REPORT RequestId: 3f1e Duration: 2.1 ms")).isInstanceOf(AccessLogParseException.class);
        assertThatThrownBy(() -> parse("GQIVriFLIAMEMsA= 203.0.113.5 ua=curl/8 status=200")).as("a custom line led by an HTTP request id")
                .hasMessageContaining("set LOG_FORMAT");
        assertThatThrownBy(() -> parse("(7a1b0c2d-1111-2222-3333-444455556666) Method request path: {id=1}, status: 200"))
                .hasMessageContaining("execution log line");
    }
}
