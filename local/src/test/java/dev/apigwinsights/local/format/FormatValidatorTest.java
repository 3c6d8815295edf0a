package dev.apigwinsights.local.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwinsights.parse.template.ConsolePresets;
import dev.apigwinsights.schema.CanonicalField;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormatValidatorTest {
    private final FormatValidator validator = new FormatValidator();

    private static String resource(String name) throws IOException {
        try (InputStream in = FormatValidatorTest.class.getResourceAsStream("/formats/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    @Test
    void acceptsTheRestConsoleJsonPresetAndSaysWhatTheDashboardsMiss() {
        FormatReport report = validator.validate(ConsolePresets.REST_JSON);

        assertThat(report.valid()).isTrue();
        assertThat(report.json()).isTrue();
        assertThat(report.errors()).isEmpty();
        assertThat(report.missingForDashboards()).anyMatch(m -> m.startsWith("$context.apiId"))
                .anyMatch(m -> m.startsWith("$context.stage"))
                .anyMatch(m -> m.startsWith("$context.identity.userAgent"))
                .noneMatch(m -> m.startsWith("$context.status"));
        assertThat(report.warnings()).singleElement().asString().contains("the dashboards use variables the format lacks");
        assertThat(report.columns()).contains(CanonicalField.REQUEST_ID, CanonicalField.SOURCE_IP,
                CanonicalField.RESOURCE_PATH, CanonicalField.STATUS, CanonicalField.REQUEST_TIME)
                .doesNotContain(CanonicalField.EXTRA, CanonicalField.API_ID);
        assertThat(report.sample()).hasValueSatisfying(s -> {
            assertThat(s.roundTrips()).isTrue();
            assertThat(s.parsed()).containsEntry("identity.sourceIp", "203.0.113.7");
        });
    }

    @Test
    void warnsThatTheElasticFormatLogsTheClientCertificate() throws IOException {
        FormatReport report = validator.validate(resource("elastic-rest.txt"));

        assertThat(report.valid()).isTrue();
        assertThat(report.secretVariables()).containsExactly("identity.clientCert.clientCertPem");
        assertThat(report.warnings()).anyMatch(w -> w.contains("clientCertPem") && w.contains("should not be logged"));
        assertThat(report.columns()).contains(CanonicalField.CLIENT_CERT_SUBJECT_DN, CanonicalField.USER_AGENT,
                CanonicalField.API_KEY_ID, CanonicalField.REQUEST_TIME_EPOCH_MS);
        assertThat(report.sample().orElseThrow().parsed()).doesNotContainKey("identity.clientCert.clientCertPem");
        assertThat(report.sample().orElseThrow().roundTrips()).isTrue();
    }

    @Test
    void flagsTheDocumentationPlaceholdersInTheReferenceSampleFormat() throws IOException {
        FormatReport report = validator.validate(resource("reference-sample.txt"));

        assertThat(report.valid()).isTrue();
        assertThat(report.variables()).hasSize(46);
        assertThat(report.unknownVariables()).containsExactly("authorizer.claims.property", "authorizer.property");
        assertThat(report.warnings()).filteredOn(w -> w.contains("placeholder from the documentation")).hasSize(2);
        assertThat(report.missingForDashboards()).isEmpty();
        assertThat(report.columns()).contains(CanonicalField.CLAIMS_SUB, CanonicalField.CLAIMS_ISS,
                CanonicalField.WAF_RESPONSE_CODE, CanonicalField.AUTHORIZER_LATENCY_MS, CanonicalField.EXTRA);
        assertThat(report.sample().orElseThrow().roundTrips()).isTrue();
    }

    @Test
    void rejectsAFormatApiGatewayWouldRejectOrWeCouldNotParse() {
        assertThat(validator.validate("{\"status\":\"$context.status\"}").errors())
                .singleElement().asString().contains("requires $context.requestId or $context.extendedRequestId");
        assertThat(validator.validate("$context.requestId$context.status").errors())
                .singleElement().asString().contains("directly followed by");
        assertThat(validator.validate("no variables here").errors())
                .singleElement().asString().contains("no $context variables");
        assertThat(validator.validate("").valid()).isFalse();
        assertThat(validator.validate(null).valid()).isFalse();
    }

    @Test
    void explainsWhatIsWrongWithABrokenJsonFormat() {
        FormatReport report = validator.validate("{\"requestid\":\"$context.requestid\",\"ip\":$context.identity.sourceIp,"
                + "\"s\":$context.status,\"l\":$context.integrationLatency,\"s\":\"$context.stage\","
                + "\"y\":\"$context.identty.userAgent\",\"k\":\"$context.identity.apiKey\"}");

        assertThat(report.valid()).isFalse();
        assertThat(report.json()).isTrue();
        assertThat(report.warnings())
                .anyMatch(w -> w.contains("$context.requestid") && w.contains("did you mean $context.requestId"))
                .anyMatch(w -> w.contains("\"ip\"") && w.contains("not quoted and is not a number"))
                .anyMatch(w -> w.contains("\"l\"") && w.contains("writes '-'"))
                .noneMatch(w -> w.contains("\"s\": $context.status"))
                .anyMatch(w -> w.contains("did you mean $context.identity.userAgent"))
                .anyMatch(w -> w.contains("$context.identity.apiKey holds a secret"));
        assertThat(report.duplicateKeys()).containsExactly("s");
        assertThat(report.unknownVariables()).containsExactly("identty.userAgent");
        assertThat(report.secretVariables()).containsExactly("identity.apiKey");
    }

    @Test
    void warnsAboutAFormatThatLooksLikeJsonButIsNot() {
        FormatReport report = validator.validate("{\"requestId\":\"$context.requestId\", \"status\": $context.status oops}");

        assertThat(report.json()).isFalse();
        assertThat(report.valid()).isTrue();
        assertThat(report.warnings()).anyMatch(w -> w.contains("not a JSON object") && w.contains("offset"));
    }

    @Test
    void warnsAboutAFormatSpreadOverSeveralLines() {
        FormatReport report = validator.validate("{\n\"requestId\":\"$context.requestId\"\n}\n");

        assertThat(report.warnings()).anyMatch(w -> w.contains("single line"));
        assertThat(validator.validate("$context.requestId $context.status\n").warnings())
                .noneMatch(w -> w.contains("single line"));
    }

    @Test
    void warnsWhenTheSampleLineDoesNotSplitBackAsWritten() {
        FormatReport report = validator.validate("$context.requestId $context.identity.userAgent $context.error.messageString");

        assertThat(report.valid()).isTrue();
        assertThat(report.sample().orElseThrow().roundTrips()).isFalse();
        assertThat(report.warnings()).anyMatch(w -> w.contains("does not parse back as written for identity.userAgent"));
        assertThat(report.render()).contains("Round trip: FAILED for identity.userAgent");
    }

    @Test
    void warnsAboutBracedVariables() {
        FormatReport report = validator.validate("$context.requestId ${context.status}");

        assertThat(report.variables()).containsExactly("requestId");
        assertThat(report.warnings()).anyMatch(w -> w.contains("without braces"));
    }

    @Test
    void acceptsTheErrorMessageStringUnquotedOnly() {
        String unquoted = "{\"requestId\":\"$context.requestId\",\"error\":$context.error.messageString}";
        String quoted = "{\"requestId\":\"$context.requestId\",\"error\":\"$context.error.messageString\"}";

        assertThat(validator.validate(unquoted).warnings()).noneMatch(w -> w.contains("\"error\""));
        assertThat(validator.validate(quoted).warnings()).anyMatch(w -> w.contains("already includes quotes"));
    }

    @Test
    void rendersAReportForPeople() {
        String text = validator.validate(ConsolePresets.HTTP_CLF).render();

        assertThat(text).contains("Format: plain layout", "Result: VALID", "Warnings:", "Columns filled: request_id",
                "Sample line:", "routeKey          = GET /pets/{petId}", "Round trip: OK");
        assertThat(validator.validate("$context.status").render()).contains("Result: INVALID", "Errors:");
    }
}
