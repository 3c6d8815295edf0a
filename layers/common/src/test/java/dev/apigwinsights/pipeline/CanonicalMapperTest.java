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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    // Issue 7, item 9: numbers a Glue column cannot hold become null, with the raw text in extra.

    @ParameterizedTest
    @ValueSource(strings = {"99999999999", "2147483648", "-2147483649", "200.7", "200d", "12f", "0x1F", "1e3", "NaN",
        "Infinity", "+", "--5", "200 OK", "2٠٠"})
    void keepsOutOfRangeOrMalformedCodesOutOfIntColumns(String value) {
        RawAccessLog raw = new RawAccessLog();
        raw.put(ContextVariable.STATUS, value);
        raw.put(ContextVariable.WAF_STATUS, value);
        CanonicalRecord r = map(raw);
        assertThat(r.get(CanonicalField.STATUS)).isNull();
        assertThat(r.get(CanonicalField.WAF_STATUS)).isNull();
        assertThat(r.extra()).containsEntry("status_raw", value).containsEntry("waf_status_raw", value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808", "99999999999999999999", "-9223372036854775809", "12f", "1.5e3", "0x10",
        "12.", ".5", "1_000"})
    void keepsOverflowingOrMalformedNumbersOutOfBigintColumns(String value) {
        RawAccessLog raw = new RawAccessLog();
        raw.put(ContextVariable.RESPONSE_LENGTH, value);
        CanonicalRecord r = map(raw);
        assertThat(r.get(CanonicalField.RESPONSE_LENGTH)).isNull();
        assertThat(r.extra()).containsEntry("response_length_raw", value);
    }

    @Test
    void acceptsTheWholeRangeOfEachColumnType() {
        RawAccessLog raw = new RawAccessLog();
        raw.put(ContextVariable.STATUS, "2147483647");
        raw.put(ContextVariable.WAF_STATUS, " -2147483648 ");
        raw.put(ContextVariable.RESPONSE_LENGTH, "9223372036854775807");
        raw.put(ContextVariable.RESPONSE_LATENCY, "+00042");
        raw.put(ContextVariable.INTEGRATION_LATENCY, "-12.5");
        CanonicalRecord r = map(raw);
        assertThat(r.getLong(CanonicalField.STATUS)).isEqualTo(2147483647L);
        assertThat(r.getLong(CanonicalField.WAF_STATUS)).isEqualTo(-2147483648L);
        assertThat(r.getLong(CanonicalField.RESPONSE_LENGTH)).isEqualTo(Long.MAX_VALUE);
        assertThat(r.getLong(CanonicalField.RESPONSE_LATENCY_MS)).isEqualTo(42L);
        assertThat(r.getLong(CanonicalField.INTEGRATION_LATENCY_MS)).isEqualTo(-13L);
        assertThat(r.extra()).isEmpty();
    }

    // Issue 7, item 10: request times must be ones the table's partition projection can find.

    @ParameterizedTest
    @ValueSource(strings = {"31/Dec/2018:23:59:59 +0000", "01/Jan/2000:00:00:00 +0000", "01/Jan/2099:00:00:00 +0000",
        "23/Nov/2026:10:00:00 +0000", "01/Feb/292278994:00:00:00 +0000"})
    void treatsRequestTimesOutsideThePartitionRangeAsUnreadable(String time) {
        RawAccessLog raw = new RawAccessLog();
        raw.put(ContextVariable.REQUEST_TIME, time);
        CanonicalRecord r = map(raw);
        assertThat(r.get(CanonicalField.REQUEST_TIME)).isNull();
        assertThat(r.extra()).containsEntry("requestTime", time);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1546300799999", "946684800000", "4102444800000", "9223372036854775807", "1546300799"})
    void treatsEpochTimesOutsideThePartitionRangeAsUnreadable(String epoch) {
        RawAccessLog raw = new RawAccessLog();
        raw.put(ContextVariable.REQUEST_TIME_EPOCH, epoch);
        CanonicalRecord r = map(raw);
        assertThat(r.get(CanonicalField.REQUEST_TIME_EPOCH_MS)).isNull();
        assertThat(r.extra()).containsEntry("requestTimeEpoch", epoch);
    }

    @Test
    void acceptsTimesFromTheFirstProjectedYearToADayAheadOfTheClock() {
        for (String time : new String[] {"01/Jan/2019:00:00:00 +0000", "22/Nov/2026:09:59:59 +0000"}) {
            RawAccessLog raw = new RawAccessLog();
            raw.put(ContextVariable.REQUEST_TIME, time);
            assertThat(map(raw).get(CanonicalField.REQUEST_TIME)).as(time).isNotNull();
        }
    }
}
