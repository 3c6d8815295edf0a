package dev.apigwinsights.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwinsights.reports.layout.Kpi;
import org.junit.jupiter.api.Test;

/** The change a KPI tile shows, and whether it reads as good or bad news. */
class ChangeTest {

    @Test
    void ratesMoveInPercentagePointsAndAFallingErrorRateIsGoodNews() {
        Change c = Change.of(0.35, 0.61, Kpi.Change.POINTS, Kpi.Better.LOWER);
        assertThat(c.text()).isEqualTo("−0.26 pp");
        assertThat(c.trend()).isEqualTo("good");
    }

    @Test
    void volumesMoveRelativelyAndTrafficIsNeitherGoodNorBad() {
        Change c = Change.of(83_900L, 76_800L, Kpi.Change.RELATIVE, Kpi.Better.NEITHER);
        assertThat(c.text()).isEqualTo("+9.2 %");
        assertThat(c.trend()).isEqualTo("flat");
    }

    @Test
    void aSlowerP95IsBadNewsAndTinyMovesAreFlat() {
        assertThat(Change.of(140.0, 120.0, Kpi.Change.RELATIVE, Kpi.Better.LOWER).trend()).isEqualTo("bad");
        assertThat(Change.of(120.2, 120.0, Kpi.Change.RELATIVE, Kpi.Better.LOWER)).isEqualTo(new Change("±0 %", "flat"));
    }

    @Test
    void aHugeGrowthReadsAsAMultipleAndNothingBeforeIsSaid() {
        assertThat(Change.of(20_100L, 2L, Kpi.Change.RELATIVE, Kpi.Better.NEITHER).text()).isEqualTo("10,050× before");
        assertThat(Change.of(5L, 0L, Kpi.Change.RELATIVE, Kpi.Better.NEITHER).text()).isEqualTo("new");
        assertThat(Change.of(5L, null, Kpi.Change.RELATIVE, Kpi.Better.NEITHER).text()).isEqualTo("no comparison");
    }
}
