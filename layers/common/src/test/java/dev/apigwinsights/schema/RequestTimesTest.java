package dev.apigwinsights.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RequestTimesTest {

    @Test
    void honoursTheOffsetOfAClfRequestTime() {
        // 23:59:50 at -08:00 on a leap day is 07:59:50 UTC on 1 March
        assertThat(RequestTimes.parseRequestTime("29/Feb/2024:23:59:50 -0800"))
                .isEqualTo(Instant.parse("2024-03-01T07:59:50Z").toEpochMilli());
        assertThat(RequestTimes.parseRequestTime("01/Feb/2024:06:47:49 +0000"))
                .isEqualTo(Instant.parse("2024-02-01T06:47:49Z").toEpochMilli());
        assertThat(RequestTimes.parseRequestTime("01/feb/2024:06:47:49 +0530"))
                .isEqualTo(Instant.parse("2024-02-01T01:17:49Z").toEpochMilli());
    }

    @Test
    void readsIsoAndEpochForms() {
        assertThat(RequestTimes.parseRequestTime("2024-02-01T06:47:49.673Z")).isEqualTo(1706770069673L);
        assertThat(RequestTimes.parseRequestTime("2024-02-01T07:47:49.673+01:00")).isEqualTo(1706770069673L);
        assertThat(RequestTimes.parseEpoch("1706770069673")).isEqualTo(1706770069673L);
        assertThat(RequestTimes.parseEpoch("1706770069")).isEqualTo(1706770069000L);
        assertThat(RequestTimes.parseEpoch("1706770069.5")).isEqualTo(1706770069500L);
    }

    @Test
    void readsTheFormsOtherToolsWriteWithoutAZoneAsUtc() {
        assertThat(RequestTimes.parseRequestTime("2024-02-01 06:47:49.673")).as("Athena, DuckDB, Logs Insights").isEqualTo(1706770069673L);
        assertThat(RequestTimes.parseRequestTime("2024-02-01 07:47:49.673+01:00")).isEqualTo(1706770069673L);
        assertThat(RequestTimes.parseRequestTime("2024-02-01T06:47:49.673")).isEqualTo(1706770069673L);
        assertThat(RequestTimes.parseRequestTime("Thu, 01 Feb 2024 06:47:49 GMT")).isEqualTo(1706770069000L);
        assertThat(RequestTimes.parseRequestTime("2024-02-30 06:47:49")).isNull();
    }

    @Test
    void rejectsWhatIsNotATime() {
        assertThat(RequestTimes.parseRequestTime("31/Feb/2024:06:47:49 +0000")).isNull();
        assertThat(RequestTimes.parseRequestTime("01/Foo/2024:06:47:49 +0000")).isNull();
        assertThat(RequestTimes.parseRequestTime("yesterday")).isNull();
        assertThat(RequestTimes.parseEpoch("12ab")).isNull();
        assertThat(RequestTimes.parseEpoch("99999999999999999999")).isNull();
    }

    @Test
    void formatsAndSplitsDatesExactlyLikeJavaTime() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            long ms = random.nextLong(-2_000_000_000_000L, 8_000_000_000_000L);
            assertThat(RequestTimes.formatIso(ms)).isEqualTo(
                    java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                            .format(Instant.ofEpochMilli(ms).atOffset(ZoneOffset.UTC)));
            LocalDate d = Instant.ofEpochMilli(ms).atOffset(ZoneOffset.UTC).toLocalDate();
            assertThat(RequestTimes.civil(ms)).containsExactly(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        }
    }
}
