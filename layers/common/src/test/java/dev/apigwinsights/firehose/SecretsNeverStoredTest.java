package dev.apigwinsights.firehose;

import static dev.apigwinsights.firehose.TransformerRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwinsights.eventkit.FirehoseEventBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 7, item 5: API key values and certificate PEMs never reach the output, wherever they
 * appear: keys absent from LOG_FORMAT, dotted or nested keys at any depth, arrays, PEM blocks under
 * any key or in any column, in direct put and CloudWatch records alike.
 */
class SecretsNeverStoredTest {
    private static final String PEM = "-----BEGIN CERTIFICATE-----\\nSECRET-PEM-BODY\\n-----END CERTIFICATE-----";
    private static final String BASE = "\"requestId\":\"r-1\",\"requestTime\":\"01/Feb/2024:06:47:49 +0000\",\"status\":\"200\"";

    private static String output(FirehoseBatchTransformer t, String... lines) throws IOException {
        FirehoseEventBuilder b = new FirehoseEventBuilder(TransformerRun.STREAM, 1706770070000L);
        for (String line : lines) {
            b.direct(line);
        }
        b.cloudWatch("/aws/apigw/g", "s", List.of(lines), 1706770070000L);
        TransformerRun run = run(t, b.toJson().getBytes(StandardCharsets.UTF_8));
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < run.size(); i++) {
            assertThat(run.result(i)).as("record %d", i).isEqualTo("Ok");
            run.lines(i).forEach(all::append);
        }
        return all.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"apiKey", "x-api-key", "clientCertPem", "identity.apiKey", "identity.clientCert.clientCertPem",
        "api_key", "X-API-KEY"})
    void dropsSecretKeysThatAJsonLogFormatDoesNotName(String key) throws IOException {
        String format = "{\"requestId\":\"$context.requestId\",\"requestTime\":\"$context.requestTime\",\"status\":\"$context.status\"}";
        String out = output(TransformerRun.transformer(format, FirehoseBatchTransformer.Limits.DEFAULT),
                "{" + BASE + ",\"" + key + "\":\"SECRET-VALUE\",\"tenant\":\"acme\"}");
        assertThat(out).doesNotContain("SECRET").contains("acme");
    }

    @Test
    void dropsSecretsNestedAtAnyDepthWithoutLogFormat() throws IOException {
        String out = output(TransformerRun.transformer(),
                "{" + BASE + ",\"auth\":{\"apiKey\":\"SECRET-1\",\"scheme\":\"key\"}}",
                "{" + BASE + ",\"clientCert\":{\"clientCertPem\":\"SECRET-2\",\"subjectDN\":\"CN=a\"}}",
                "{" + BASE + ",\"a\":{\"b\":{\"c\":{\"x-api-key\":\"SECRET-3\"}}}}",
                "{" + BASE + ",\"keys\":[{\"apiKey\":\"SECRET-4\",\"id\":\"k1\"},\"plain\"]}",
                "{" + BASE + ",\"apiKeys\":[\"SECRET-5\"]}");
        assertThat(out).doesNotContain("SECRET").contains("\"auth.scheme\":\"key\"").contains("CN=a").contains("k1");
    }

    @Test
    void dropsPemBlocksByContentWhateverKeyOrColumnHoldsThem() throws IOException {
        String out = output(TransformerRun.transformer(),
                "{" + BASE + ",\"note\":\"" + PEM + "\"}",
                "{" + BASE + ",\"userAgent\":\"" + PEM + "\"}",
                "{" + BASE + ",\"errorMessage\":\"cert %2D%2D%2D%2D%2DBEGIN%20CERTIFICATE SECRET-URL\"}");
        assertThat(out).doesNotContain("SECRET").doesNotContain("BEGIN");
    }

    @Test
    void dropsPemBlocksFromFreeTextVariablesOfAPlainLogFormat() throws IOException {
        String format = "$context.requestId [$context.requestTime] $context.status \"$context.error.message\"";
        String out = output(TransformerRun.transformer(format, FirehoseBatchTransformer.Limits.DEFAULT),
                "r-1 [01/Feb/2024:06:47:49 +0000] 502 \"" + PEM.replace("\\n", " ") + "\"");
        assertThat(out).doesNotContain("SECRET").contains("\"status\":502");
    }
}
