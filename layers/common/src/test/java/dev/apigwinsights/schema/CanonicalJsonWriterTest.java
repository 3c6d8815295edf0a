package dev.apigwinsights.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigwinsights.util.ByteArrayBuilder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CanonicalJsonWriterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void writesOneValidJsonLineWithTypedValuesAndNoNulls() throws Exception {
        CanonicalRecord r = new CanonicalRecord()
                .set(CanonicalField.REQUEST_ID, "r-1")
                .setLong(CanonicalField.STATUS, 503L)
                .setDouble(CanonicalField.THROTTLE_RATE_LIMIT, 12.5)
                .set(CanonicalField.USER_AGENT, "Agent \"x\" \\ tab\t nl\n ctl\u0001 é 日本 \uD83D\uDE00 lone\uD800")
                .putExtra("tenant", "t\"1");
        ByteArrayBuilder out = new ByteArrayBuilder(16);
        new CanonicalJsonWriter().write(r, out);
        String line = new String(out.toByteArray(), StandardCharsets.UTF_8);
        assertThat(line).endsWith("}\n").doesNotContain("null");
        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
        JsonNode n = MAPPER.readTree(line);
        assertThat(n.get("status").isIntegralNumber()).isTrue();
        assertThat(n.get("throttle_rate_limit").asDouble()).isEqualTo(12.5);
        assertThat(n.get("user_agent").asText()).isEqualTo("Agent \"x\" \\ tab\t nl\n ctl\u0001 é 日本 \uD83D\uDE00 lone\uFFFD");
        assertThat(n.get("extra").get("tenant").asText()).isEqualTo("t\"1");
        assertThat(n.has("api_id")).isFalse();
    }

    @Test
    void writesColumnsInSchemaOrder() throws Exception {
        CanonicalRecord r = new CanonicalRecord().set(CanonicalField.SOURCE_KIND, "DIRECT").set(CanonicalField.REQUEST_ID, "a");
        ByteArrayBuilder out = new ByteArrayBuilder(16);
        new CanonicalJsonWriter().write(r, out);
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8))
                .isEqualTo("{\"request_id\":\"a\",\"source_kind\":\"DIRECT\"}\n");
    }
}
