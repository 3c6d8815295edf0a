package dev.apigwinsights.parse.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwinsights.parse.AccessLogParseException;
import dev.apigwinsights.parse.AccessLogParser;
import dev.apigwinsights.parse.RawAccessLog;
import dev.apigwinsights.schema.ContextVariable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConsolePresetsTest {

    /**
     * Values as awkward as API Gateway can write them for each preset variable: the user (and the
     * HTTP route key) hold the delimiters of every layout (space, quote, comma, angle bracket),
     * and the caller holds quotes and brackets.
     */
    private static String awkward(ConsolePresets.Preset preset, TemplateVariable v) {
        return switch (v.variable()) {
            case IDENTITY_SOURCE_IP -> "2001:db8::7";
            case IDENTITY_CALLER -> "AROA\"EXAMPLE<x>:session";
            case IDENTITY_USER -> "jane \"the admin\", <ops> & co";
            case REQUEST_TIME -> "01/Feb/2026:23:59:59 -0130";
            case HTTP_METHOD -> "POST";
            case RESOURCE_PATH -> "/pets/{petId}";
            case ROUTE_KEY -> preset.api() == ConsolePresets.Api.HTTP ? "ANY /search,\"q\"<all>" : "sendmessage";
            case PROTOCOL -> "HTTP/2.0";
            case STATUS -> "502";
            case RESPONSE_LENGTH -> "37";
            case REQUEST_ID -> "0a1b2c3d-4e5f-6789-abcd-ef0123456789";
            case EXTENDED_REQUEST_ID -> "Kp3xQFmMIAMEbXw=";
            case EVENT_TYPE -> "MESSAGE";
            case CONNECTION_ID -> "L0SM9cOFvHcCIhw=";
            default -> throw new IllegalArgumentException("no test value for " + v.path());
        };
    }

    static Stream<ConsolePresets.Preset> presets() {
        return ConsolePresets.all().stream();
    }

    static Stream<ConsolePresets.Preset> nonJsonPresets() {
        return presets().filter(p -> p.layout() != ConsolePresets.Layout.JSON);
    }

    private static void assertRoundTrip(ConsolePresets.Preset preset, AccessLogParser parser) throws Exception {
        LogFormat format = preset.compile();
        String line = format.render(v -> awkward(preset, v));
        RawAccessLog out = new RawAccessLog();

        parser.parse(line, out);

        for (TemplateVariable v : format.variables()) {
            assertThat(out.get(v.variable())).as(preset.name() + " " + v.path()).isEqualTo(awkward(preset, v));
        }
        assertThat(out.extraCount()).as(preset.name() + " extras").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void everyPresetRoundTripsThroughItsCompiledFormat(ConsolePresets.Preset preset) throws Exception {
        assertRoundTrip(preset, preset.compile().parser());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nonJsonPresets")
    void everyNonJsonPresetIsRecognisedWithoutBeingTold(ConsolePresets.Preset preset) throws Exception {
        assertRoundTrip(preset, ConsolePresets.autodetect());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nonJsonPresets")
    void recognisesPlainPresetLinesWithDashes(ConsolePresets.Preset preset) throws Exception {
        LogFormat format = preset.compile();
        String line = format.render(v -> switch (v.variable()) {
            case REQUEST_TIME -> "21/Nov/2025:05:02:03 +0000";
            case REQUEST_ID -> "r-1";
            case STATUS -> "403";
            default -> "-";
        }) + "\n";
        RawAccessLog out = new RawAccessLog();

        ConsolePresets.autodetect().parse(line, out);

        assertThat(out.get(ContextVariable.REQUEST_ID)).isEqualTo("r-1");
        assertThat(out.get(ContextVariable.STATUS)).isEqualTo("403");
    }

    @Test
    void tellsARestClfLineFromAnHttpClfLine() throws Exception {
        RawAccessLog rest = new RawAccessLog();
        RawAccessLog http = new RawAccessLog();

        ConsolePresets.autodetect().parse("203.0.113.7 - - [21/Nov/2025:05:02:03 +0000] \"GET /pets HTTP/1.1\" 200 12 r-1", rest);
        ConsolePresets.autodetect().parse("203.0.113.7 - - [21/Nov/2025:05:02:03 +0000] \"GET $default HTTP/1.1\" 200 12 r-2", http);

        assertThat(rest.get(ContextVariable.RESOURCE_PATH)).isEqualTo("/pets");
        assertThat(rest.get(ContextVariable.ROUTE_KEY)).isNull();
        assertThat(http.get(ContextVariable.ROUTE_KEY)).isEqualTo("$default");
        assertThat(http.get(ContextVariable.RESOURCE_PATH)).isNull();
    }

    @Test
    void tellsAnHttpRouteKeyWithASpaceFromARestResourcePath() throws Exception {
        RawAccessLog out = new RawAccessLog();

        ConsolePresets.autodetect().parse("203.0.113.7 - - [21/Nov/2025:05:02:03 +0000] \"GET GET /pets/{id} HTTP/1.1\" 200 12 r-3", out);

        assertThat(out.get(ContextVariable.ROUTE_KEY)).isEqualTo("GET /pets/{id}");
        assertThat(out.get(ContextVariable.PROTOCOL)).isEqualTo("HTTP/1.1");
    }

    @Test
    void rejectsLinesOfNoPresetWithoutQuotingThem() {
        AccessLogParser detector = ConsolePresets.autodetect();

        assertThatThrownBy(() -> detector.parse("personal,data,in,a,custom,csv,line,with,ten,fields", new RawAccessLog()))
                .isInstanceOf(AccessLogParseException.class)
                .hasMessageContaining("no console preset")
                .hasMessageNotContaining("personal");
        assertThatThrownBy(() -> detector.parse("<request id=\"x\"><oops/></request>", new RawAccessLog()))
                .isInstanceOf(AccessLogParseException.class);
        assertThatThrownBy(() -> detector.parse("   ", new RawAccessLog()))
                .isInstanceOf(AccessLogParseException.class);
    }

    @Test
    void saysAnExecutionLogLineIsNotAnAccessLogAndWhereTheAccessLogsAre() {
        AccessLogParser detector = ConsolePresets.autodetect();

        assertThatThrownBy(() -> detector.parse("(7a1b0c2d-0000-4000-8000-000000000001) Method request path: {petId=1}", new RawAccessLog()))
                .isInstanceOf(AccessLogParseException.class)
                .hasMessageContaining("execution log line").hasMessageContaining("access log group")
                .hasMessageNotContaining("petId");
        assertThatThrownBy(() -> detector.parse("(KfP3xF0JoAMFkHQ=) Received request. Method: GET", new RawAccessLog()))
                .hasMessageContaining("execution log line");
        assertThatThrownBy(() -> detector.parse("(a b) not an execution log", new RawAccessLog()))
                .hasMessageContaining("no console preset");
    }

    @Test
    void saysALambdaFunctionsLogLineIsNotAnAccessLog() {
        AccessLogParser detector = ConsolePresets.autodetect();

        for (String line : new String[] {"START RequestId: 8f5a1c2e-0000-4000-8000-000000000001 Version: $LATEST",
            "REPORT RequestId: 8f5a1c2e-0000-4000-8000-000000000001\tDuration: 2.10 ms\tBilled Duration: 3 ms",
            "INIT_START Runtime Version: java:17.v32",
            "2024-02-01T06:47:49.673Z\t8f5a1c2e-0000-4000-8000-000000000001\tERROR\tInvoke Error {\"errorType\":\"Error\"}"}) {
            assertThatThrownBy(() -> detector.parse(line, new RawAccessLog())).as(line)
                    .hasMessageContaining("Lambda function's log line").hasMessageContaining("/aws/lambda/")
                    .hasMessageNotContaining("Invoke Error");
        }
        assertThatThrownBy(() -> detector.parse("2024-02-01T06:47:49.673Z\tnot-a-request-id\tINFO\tx", new RawAccessLog()))
                .hasMessageContaining("no console preset");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void givesUpOnAMegabyteAdversarialLineQuickly() {
        String csv = "1.2.3.4,a,b,01/Feb/2026:23:59:59 +0000," + "x,".repeat(500_000) + "x";
        String clf = "1.2.3.4 - - [01/Feb/2026:23:59:59 +0000] \"" + "GET \" ".repeat(200_000) + "r";
        String xml = "<request id=\"r\"> " + "<ip>1</ip> ".repeat(90_000) + "</request>";

        for (String line : new String[] {csv, clf, xml}) {
            assertThatThrownBy(() -> ConsolePresets.autodetect().parse(line, new RawAccessLog()))
                    .isInstanceOf(AccessLogParseException.class);
        }
    }

    @Test
    void findsPresetsByName() {
        assertThat(ConsolePresets.byName("http_csv")).map(ConsolePresets.Preset::template).contains(ConsolePresets.HTTP_CSV);
        assertThat(ConsolePresets.byName("nope")).isEmpty();
    }
}
