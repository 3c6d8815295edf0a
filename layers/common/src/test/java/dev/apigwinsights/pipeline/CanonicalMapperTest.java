package dev.apigwinsights.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwinsights.parse.RawAccessLog;
import dev.apigwinsights.schema.CanonicalField;
import dev.apigwinsights.schema.CanonicalRecord;
import dev.apigwinsights.schema.ContextVariable;
import dev.apigwinsights.schema.RequestTimeWindow;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CanonicalMapperTest {
    /** The time the tests run at: request times up to a day after it are accepted. */
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    private final CanonicalMapper mapper = new CanonicalMapper(new RequestTimeWindow(NOW));

    private CanonicalRecord map(RawAccessLog raw) {
        CanonicalRecord r = new CanonicalRecord();
        mapper.map(raw, r);
        return r;
    }

    @Test
    void turnsDashesIntoNullsAndNumbersIntoNumbers() {
        RawAccessLog raw = new RawAccessLog();
        raw.put(ContextVariable.STATUS, "429");
        raw.put(ContextVariable.RESPONSE_LATENCY, "12.6");
        raw.put(ContextVariable.INTEGRATION_LATENCY, "-");
        raw.put(ContextVariable.IDENTITY_USER, "");
        raw.put(ContextVariable.RESPONSE_LENGTH, "lots");
        CanonicalRecord r = map(raw);
        assertThat(r.getLong(CanonicalField.STATUS)).isEqualTo(429L);
        assertThat(r.getLong(CanonicalField.RESPONSE_LATENCY_MS)).isEqualTo(13L);
        assertThat(r.get(CanonicalField.INTEGRATION_LATENCY_MS)).isNull();
        assertThat(r.get(CanonicalField.USER)).isNull();
        assertThat(r.get(CanonicalField.RESPONSE_LENGTH)).isNull();
        assertThat(r.extra()).containsEntry("response_length_raw", "lots");
    }

    @Test
    void prefersTheEpochOverTheClfTimeAndFallsBackWhenItIsAbsent() {
        RawAccessLog raw = new RawAccessLog();
        raw.put(ContextVariable.REQUEST_TIME, "01/Feb/2024:06:47:49 +0000");
        raw.put(ContextVariable.REQUEST_TIME_EPOCH, "1706770069673");
        assertThat(map(raw).getString(CanonicalField.REQUEST_TIME)).isEqualTo("2024-02-01T06:47:49.673Z");
        RawAccessLog noEpoch = new RawAccessLog();
        noEpoch.put(ContextVariable.REQUEST_TIME, "01/Feb/2024:06:47:49 +0000");
        noEpoch.put(ContextVariable.REQUEST_TIME_EPOCH, "-");
        assertThat(map(noEpoch).getString(CanonicalField.REQUEST_TIME)).isEqualTo("2024-02-01T06:47:49.000Z");
    }

    @Test
    void keepsAnUnreadableRequestTimeInExtraInsteadOfInventingOne() {
        RawAccessLog raw = new RawAccessLog();
        raw.put(ContextVariable.REQUEST_TIME, "the day after tomorrow");
        CanonicalRecord r = map(raw);
        assertThat(r.get(CanonicalField.REQUEST_TIME)).isNull();
        assertThat(r.extra()).containsEntry("requestTime", "the day after tomorrow");
    }

    @Test
    void keepsVariablesThatHaveNoColumnInExtra() {
        RawAccessLog raw = new RawAccessLog();
        raw.put(ContextVariable.XRAY_TRACE_ID, "Root=1-65b8");
        raw.put(ContextVariable.DATA_PROCESSED, "1024");
        raw.put(ContextVariable.RESOURCE_ID, "-");
        CanonicalRecord r = map(raw);
        assertThat(r.extra()).containsEntry("xrayTraceId", "Root=1-65b8").containsEntry("dataProcessed", "1024")
                .doesNotContainKey("resourceId");
    }

    @Test
    void fillsAColumnFromItsFirstPresentSource() {
        RawAccessLog raw = new RawAccessLog();
        raw.put(ContextVariable.INTEGRATION_ERROR, "-");
        raw.put(ContextVariable.INTEGRATION_ERROR_MESSAGE, "Endpoint request timed out");
        raw.put(ContextVariable.AUTHORIZER_CLAIMS_CLIENT_ID, "client-1");
        CanonicalRecord r = map(raw);
        assertThat(r.getString(CanonicalField.INTEGRATION_ERROR)).isEqualTo("Endpoint request timed out");
        assertThat(r.getString(CanonicalField.CLAIMS_AUD)).isEqualTo("client-1");
    }
}
