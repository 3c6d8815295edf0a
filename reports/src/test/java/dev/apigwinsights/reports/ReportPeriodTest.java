package dev.apigwinsights.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aDailyReportCoversYesterdayInItsTimeZone() {
        ReportPeriod p = ReportPeriod.lastComplete(ReportPeriod.Kind.DAY, BERLIN, Instant.parse("2026-11-23T06:00:00Z"));
        assertThat(p.range().from()).isEqualTo(Instant.parse("2026-11-21T23:00:00Z"));
        assertThat(p.range().to()).isEqualTo(Instant.parse("2026-11-22T23:00:00Z"));
        assertThat(p.previous().to()).isEqualTo(p.range().from());
        assertThat(p.label()).isEqualTo("Sunday 22 November 2026");
        assertThat(p.fileStem()).isEqualTo("2026-11-22");
    }

    @Test
    void aWeeklyReportCoversTheLastWholeIsoWeekEvenOnAMonday() {
        ReportPeriod p = ReportPeriod.lastComplete(ReportPeriod.Kind.WEEK, ZoneId.of("UTC"), Instant.parse("2026-11-23T00:30:00Z"));
        assertThat(p.range().from()).isEqualTo(Instant.parse("2026-11-16T00:00:00Z"));
        assertThat(p.range().to()).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(p.previous().from()).isEqualTo(Instant.parse("2026-11-09T00:00:00Z"));
        assertThat(p.label()).isEqualTo("Week 47 · 16 Nov 2026 – 22 Nov 2026");
        assertThat(p.fileStem()).isEqualTo("2026-W47");
    }

    @Test
    void aMonthlyReportIsComparedWithTheWholePreviousMonthAcrossDaylightSaving() {
        ReportPeriod p = ReportPeriod.lastComplete(ReportPeriod.Kind.MONTH, BERLIN, Instant.parse("2026-11-01T08:00:00Z"));
        assertThat(p.range().from()).isEqualTo(Instant.parse("2026-09-30T22:00:00Z"));
        assertThat(p.range().to()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
        assertThat(p.previous().from()).isEqualTo(Instant.parse("2026-08-31T22:00:00Z"));
        assertThat(p.label()).isEqualTo("October 2026");
        assertThat(p.previousLabel()).isEqualTo("September 2026");
        assertThat(p.fileStem()).isEqualTo("2026-10");
    }
}
