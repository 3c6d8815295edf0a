package dev.apigwinsights.local.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Logs Insights' @timestamp in the forms its saved results hold. */
class InsightsTimeTest {
    private static final long T = 1_706_770_069_673L; // 2024-02-01T06:47:49.673Z

    @Test
    void readsInsightsFormIsoAndEpochMillisAsUtc() {
        assertThat(InsightsTime.epochMs("2024-02-01 06:47:49.673", 1)).isEqualTo(T);
        assertThat(InsightsTime.epochMs(" 2024-02-01T06:47:49.673Z ", 1)).isEqualTo(T);
        assertThat(InsightsTime.epochMs("2024-02-01T07:47:49.673+01:00", 1)).isEqualTo(T);
        assertThat(InsightsTime.epochMs(Long.toString(T), 1)).isEqualTo(T);
    }

    @Test
    void fallsBackForAnythingElse() {
        assertThat(InsightsTime.epochMs(null, 7)).isEqualTo(7);
        assertThat(InsightsTime.epochMs("yesterday", 7)).isEqualTo(7);
        assertThat(InsightsTime.epochMs("", 7)).isEqualTo(7);
    }
}
