package dev.apigwinsights.firehose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CloudWatchFramingTest {
    private final CloudWatchFraming framing = new CloudWatchFraming();

    /** The record at the start of a longer buffer, as the transformer hands it over (the rest is another record's). */
    private boolean accepts(String json) {
        byte[] record = json.getBytes(StandardCharsets.UTF_8);
        byte[] buffer = java.util.Arrays.copyOf(record, record.length + 64);
        java.util.Arrays.fill(buffer, record.length, buffer.length, (byte) '}');
        return framing.accepts(buffer, record.length);
    }

    @Test
    void recognisesTheEnvelopeWhateverTheOrderOfItsMembers() {
        assertThat(accepts("{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"123456789012\",\"logEvents\":[]}")).isTrue();
        assertThat(accepts("{\n  \"owner\" : \"123456789012\",\n  \"logGroup\" : \"g\",\n  \"messageType\" : \"DATA_MESSAGE\",\n"
                + "  \"logEvents\" : [ {\"id\":\"1\",\"timestamp\":1,\"message\":\"{\\\"messageType\\\":1}\"} ]\n}")).isTrue();
        assertThat(accepts("{\"logEvents\":[],\"subscriptionFilters\":[\"f\"],\"messageType\":\"CONTROL_MESSAGE\"}")).isTrue();
    }

    @Test
    void leavesAccessLogLinesThatShareAKeyNameToDirectPut() {
        // an access log whose first key happens to be an envelope member, without the envelope's shape
        assertThat(accepts("{\"owner\":\"team-a\",\"requestId\":\"r1\",\"status\":\"200\"}")).isFalse();
        // the envelope's keys only inside a nested value or a string are not the envelope's
        assertThat(accepts("{\"owner\":\"x\",\"extra\":{\"messageType\":\"DATA_MESSAGE\",\"logEvents\":[]}}")).isFalse();
        assertThat(accepts("{\"owner\":\"messageType\",\"note\":\"logEvents\"}")).isFalse();
        assertThat(accepts("{\"requestId\":\"r1\",\"messageType\":\"x\",\"logEvents\":[]}")).isFalse();
        assertThat(accepts("[{\"messageType\":\"DATA_MESSAGE\"}]")).isFalse();
        assertThat(accepts("{\"owner\":\"unterminated")).isFalse();
    }
}
