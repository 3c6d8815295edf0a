package dev.apigwinsights.parse.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwinsights.parse.AccessLogParseException;
import dev.apigwinsights.parse.RawAccessLog;
import dev.apigwinsights.schema.ContextVariable;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, item 6: with a JSON {@code LOG_FORMAT}, a value holding {@code ","status":"500} makes the
 * line valid JSON with a repeated key; the format's own structure decides which occurrence is real,
 * never last-key-wins. Lines are rendered with {@link LogFormat#render}, exactly as API Gateway
 * writes them (values verbatim).
 */
class FieldInjectionTest {
    private static final String INJECTED = "x\",\"status\":\"500\",\"requestId\":\"forged\",\"requestTime\":\"01/Jan/2020:00:00:00 +0000\","
            + "\"requestTimeEpoch\":\"1577836800000\",\"ip\":\"6.6.6.6";

    private static RawAccessLog parse(String template, Function<TemplateVariable, String> values) throws AccessLogParseException {
        LogFormat format = LogFormat.compile(template);
        assertThat(format.isJson()).isTrue();
        String line = format.render(values);
        RawAccessLog out = new RawAccessLog();
        format.parser().parse(line, out);
        return out;
    }

    private static String real(TemplateVariable v) {
        ContextVariable c = v.variable();
        if (c == null) {
            return "-";
        }
        return switch (c) {
            case REQUEST_ID -> "r-real";
            case STATUS -> "200";
            case REQUEST_TIME -> "01/Feb/2024:06:47:49 +0000";
            case REQUEST_TIME_EPOCH -> "1706770069000";
            case IDENTITY_SOURCE_IP -> "203.0.113.7";
            case HTTP_METHOD -> "GET";
            default -> "-";
        };
    }

    /** Templates that put the free-text field before, between and after the fields it tries to forge. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"ua\":\"$context.identity.userAgent\",\"requestId\":\"$context.requestId\",\"requestTime\":\"$context.requestTime\","
            + "\"status\":\"$context.status\",\"ip\":\"$context.identity.sourceIp\"}",
        "{\"requestId\":\"$context.requestId\",\"status\":\"$context.status\",\"ua\":\"$context.identity.userAgent\","
            + "\"requestTime\":\"$context.requestTime\",\"ip\":\"$context.identity.sourceIp\"}",
        "{\"requestId\":\"$context.requestId\",\"requestTime\":\"$context.requestTime\",\"status\":\"$context.status\","
            + "\"ip\":\"$context.identity.sourceIp\",\"ua\":\"$context.identity.userAgent\"}",
        "{\"requestId\":\"$context.requestId\",\"requestTime\":\"$context.requestTime\",\"status\":$context.status,"
            + "\"ip\":\"$context.identity.sourceIp\",\"ua\":\"$context.identity.userAgent\",\"method\":\"$context.httpMethod\"}",
        "{\"requestId\":\"$context.requestId\",\"status\":\"$context.status\",\"error\":\"$context.error.message\","
            + "\"requestTime\":\"$context.requestTime\",\"requestTimeEpoch\":\"$context.requestTimeEpoch\","
            + "\"ip\":\"$context.identity.sourceIp\"}"})
    void aValueCannotForgeTheFieldsOfTheFormat(String template) throws Exception {
        RawAccessLog out = parse(template, v -> v.variable() == ContextVariable.IDENTITY_USER_AGENT
                || v.variable() == ContextVariable.ERROR_MESSAGE ? INJECTED : real(v));
        assertThat(out.get(ContextVariable.STATUS)).isEqualTo("200");
        assertThat(out.get(ContextVariable.REQUEST_ID)).isEqualTo("r-real");
        assertThat(out.get(ContextVariable.REQUEST_TIME)).isEqualTo("01/Feb/2024:06:47:49 +0000");
        assertThat(out.get(ContextVariable.IDENTITY_SOURCE_IP)).isEqualTo("203.0.113.7");
        if (template.contains("requestTimeEpoch")) {
            assertThat(out.get(ContextVariable.REQUEST_TIME_EPOCH)).isEqualTo("1706770069000");
        }
        String free = out.get(ContextVariable.IDENTITY_USER_AGENT) != null ? out.get(ContextVariable.IDENTITY_USER_AGENT)
                : out.get(ContextVariable.ERROR_MESSAGE);
        assertThat(free).as("the injected text stays in the field that held it").isEqualTo(INJECTED);
        assertThat(out.extras()).doesNotContainKeys("status", "requestId", "requestTimeEpoch");
    }

    @Test
    void aValueCannotForgeANestedField() throws Exception {
        String template = "{\"requestId\":\"$context.requestId\",\"identity\":{\"ip\":\"$context.identity.sourceIp\","
                + "\"ua\":\"$context.identity.userAgent\"},\"status\":\"$context.status\"}";
        RawAccessLog out = parse(template, v -> v.variable() == ContextVariable.IDENTITY_USER_AGENT
                ? "x\",\"ip\":\"6.6.6.6" : real(v));
        assertThat(out.get(ContextVariable.IDENTITY_SOURCE_IP)).isEqualTo("203.0.113.7");
        assertThat(out.get(ContextVariable.IDENTITY_USER_AGENT)).isEqualTo("x\",\"ip\":\"6.6.6.6");
    }

    @Test
    void failsALineThatRepeatsAKeyAndDoesNotMatchTheFormat() {
        LogFormat format = LogFormat.compile("{\"requestId\":\"$context.requestId\",\"status\":\"$context.status\"}");
        assertThatThrownBy(() -> format.parser().parse("{\"status\":\"500\",\"requestId\":\"r\",\"status\":\"200\"}",
                new RawAccessLog()))
                .isInstanceOf(AccessLogParseException.class).hasMessageContaining("repeats a key");
    }

    @Test
    void stillReadsValidLinesWhoseFormatGainedAKey() throws Exception {
        LogFormat format = LogFormat.compile("{\"requestId\":\"$context.requestId\",\"status\":\"$context.status\"}");
        RawAccessLog out = new RawAccessLog();
        format.parser().parse("{\"requestId\":\"r\",\"newKey\":\"v\",\"status\":\"200\"}", out);
        assertThat(out.get(ContextVariable.STATUS)).isEqualTo("200");
        assertThat(out.extras()).containsEntry("newKey", "v");
    }
}
