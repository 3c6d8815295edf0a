package dev.apigwinsights.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwinsights.schema.ContextVariable;
import org.junit.jupiter.api.Test;

class KeyAliasesTest {
    private final KeyAliases aliases = KeyAliases.standard();

    @Test
    void resolvesEveryVariablePathInEverySpelling() {
        for (ContextVariable v : ContextVariable.values()) {
            assertThat(aliases.resolve(v.path())).as(v.path()).isEqualTo(v);
            assertThat(aliases.resolve(v.template())).as(v.template()).isEqualTo(v);
            assertThat(aliases.resolve(v.path().toUpperCase())).as(v.path()).isEqualTo(v);
        }
    }

    @Test
    void doesNotGuessAmbiguousShortNames() {
        assertThat(aliases.resolve("error")).isEqualTo(ContextVariable.ERROR_MESSAGE);
        assertThat(aliases.resolve("status")).isEqualTo(ContextVariable.STATUS);
        assertThat(aliases.resolve("requestId")).isEqualTo(ContextVariable.REQUEST_ID);
        assertThat(aliases.resolve("tenantId")).isNull();
        assertThat(aliases.resolve("")).isNull();
    }

    @Test
    void knowsTheNamesCustomFormatsGiveTheTimeStatusLatencyAndMethod() {
        assertThat(aliases.resolve("timestamp")).isEqualTo(ContextVariable.REQUEST_TIME);
        assertThat(aliases.resolve("@timestamp")).isEqualTo(ContextVariable.REQUEST_TIME);
        assertThat(aliases.resolve("time")).isEqualTo(ContextVariable.REQUEST_TIME);
        assertThat(aliases.resolve("request.method")).isEqualTo(ContextVariable.HTTP_METHOD);
        assertThat(aliases.resolve("request.path")).isEqualTo(ContextVariable.PATH);
        assertThat(aliases.resolve("response.status")).isEqualTo(ContextVariable.STATUS);
        assertThat(aliases.resolve("latency_ms")).isEqualTo(ContextVariable.RESPONSE_LATENCY);
        assertThat(aliases.resolve("duration")).as("no unit: not guessed").isNull();
    }

    @Test
    void readsOurOwnCanonicalColumnsBack() {
        assertThat(aliases.resolve("source_ip")).isEqualTo(ContextVariable.IDENTITY_SOURCE_IP);
        assertThat(aliases.resolve("integration_latency_ms")).isEqualTo(ContextVariable.INTEGRATION_LATENCY);
        assertThat(aliases.resolve("request_time_epoch_ms")).isEqualTo(ContextVariable.REQUEST_TIME_EPOCH);
        assertThat(aliases.resolve("claims_sub")).isEqualTo(ContextVariable.AUTHORIZER_CLAIMS_SUB);
    }
}
