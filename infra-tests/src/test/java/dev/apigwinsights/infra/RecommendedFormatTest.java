package dev.apigwinsights.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.apigwinsights.schema.CanonicalField;
import dev.apigwinsights.schema.ContextVariable;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The access-log formats we recommend: one file each, the same text in the stack outputs. */
class RecommendedFormatTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$context\\.([A-Za-z0-9_.]+)");

    @ParameterizedTest
    @CsvSource({"rest.json, RestAccessLogFormat", "http.json, HttpAccessLogFormat", "websocket.json, WebSocketAccessLogFormat"})
    void stackOutputIsTheFormatFile(String file, String output) {
        String format = Repo.read("docs/recommended-format/" + file);

        assertThat(format).endsWith("\n").doesNotContain("\r");
        assertThat(format.strip()).doesNotContain("\n");
        assertThat(Repo.template().output(output)).as("output %s", output).isPresent();
        assertThat(Repo.template().output(output).orElseThrow().path("Value").asText()).isEqualTo(format.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rest.json", "http.json", "websocket.json"})
    void isAJsonLineKeyedByTheVariablePaths(String file) throws Exception {
        String format = Repo.read("docs/recommended-format/" + file).strip();
        // API Gateway refuses a format without one of these.
        assertThat(format).containsAnyOf("$context.requestId", "$context.extendedRequestId");

        JsonNode line = new ObjectMapper().readTree(VARIABLE.matcher(format).replaceAll("-"));
        assertThat(line.isObject()).isTrue();
        line.properties().forEach(e -> assertThat(format).contains("\"" + e.getKey() + "\":\"$context." + e.getKey() + "\""));
        assertThat(line.size()).isEqualTo(variables(format).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rest.json", "http.json", "websocket.json"})
    void everyVariableFillsACanonicalColumnAndNoneIsSecret(String file) {
        Set<ContextVariable> consumed = EnumSet.of(ContextVariable.REQUEST_TIME, ContextVariable.REQUEST_TIME_EPOCH);
        for (CanonicalField f : CanonicalField.values()) {
            consumed.addAll(f.sources());
        }
        for (String path : variables(Repo.read("docs/recommended-format/" + file))) {
            ContextVariable variable = ContextVariable.byPath(path)
                    .orElseThrow(() -> new AssertionError(file + ": $context." + path + " is not a known ContextVariable"));
            assertThat(variable.secret()).as("%s logs the secret %s", file, path).isFalse();
            assertThat(consumed).as("%s: $context.%s has no canonical column", file, path).contains(variable);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rest.json      | identity.apiKeyId,resourcePath,waf.status,wafResponseCode,authorizer.claims.sub | routeKey,eventType",
            "http.json      | routeKey,authorizer.claims.sub,integrationErrorMessage | identity.apiKeyId,waf.status,wafResponseCode,resourcePath",
            "websocket.json | eventType,connectionId,messageId,routeKey,connectedAt | identity.apiKeyId,httpMethod,resourcePath"})
    void coversWhatEachApiTypeOffers(String file, String present, String absent) {
        List<String> variables = variables(Repo.read("docs/recommended-format/" + file));

        assertThat(variables).contains(present.split(","));
        assertThat(variables).doesNotContain(absent.split(","));
    }

    private static List<String> variables(String format) {
        List<String> out = new ArrayList<>();
        Matcher m = VARIABLE.matcher(format);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
