package dev.apigwinsights.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwinsights.insights.ColumnRole;
import dev.apigwinsights.insights.ResultColumn;
import dev.apigwinsights.insights.Unit;
import dev.apigwinsights.insights.ValueType;
import dev.apigwinsights.reports.render.ValueFormat;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** How report cells read: what a reader would misjudge if a unit were formatted wrongly. */
class FormattingTest {

    private final ValueFormat format = new ValueFormat(ZoneId.of("Europe/Berlin"), "EUR");

    private static ResultColumn column(ValueType type, Unit unit) {
        return ResultColumn.of("x", type, unit, ColumnRole.MEASURE);
    }

    @Test
    void availabilityNeverRoundsUpToAHundredAndTinyRatesStayVisible() {
        assertThat(format.cell(column(ValueType.DOUBLE, Unit.PERCENT), 99.9549)).isEqualTo("99.95 %");
        assertThat(format.cell(column(ValueType.DOUBLE, Unit.PERCENT), 0.004)).isEqualTo("< 0.01 %");
    }

    @Test
    void pricesPerRequestKeepTheirDigitsAndBillsHaveCents() {
        assertThat(format.cell(column(ValueType.DOUBLE, Unit.CURRENCY), 0.0004)).isEqualTo("0.0004 EUR");
        assertThat(format.cell(column(ValueType.DOUBLE, Unit.CURRENCY), 1234.5)).isEqualTo("1,234.50 EUR");
    }

    @Test
    void latenciesBytesCountsAndTimesReadNaturally() {
        assertThat(format.cell(column(ValueType.DOUBLE, Unit.MILLISECONDS), 231.4)).isEqualTo("231 ms");
        assertThat(format.cell(column(ValueType.DOUBLE, Unit.MILLISECONDS), 29_012.0)).isEqualTo("29.0 s");
        assertThat(format.cell(column(ValueType.BIGINT, Unit.BYTES), 194_512_345L)).isEqualTo("194.5 MB");
        assertThat(format.cell(column(ValueType.BIGINT, Unit.COUNT), 1_234_567L)).isEqualTo("1,234,567");
        assertThat(format.headline(column(ValueType.BIGINT, Unit.COUNT), 1_234_567L)).isEqualTo("1.23 M");
        assertThat(format.cell(column(ValueType.BIGINT, Unit.NONE), 404L)).isEqualTo("404");
        assertThat(format.cell(column(ValueType.TIMESTAMP, Unit.NONE), Instant.parse("2026-11-18T13:00:00Z"))).isEqualTo("Wed 18 Nov 2026 14:00");
        assertThat(format.cell(column(ValueType.STRING, Unit.NONE), null)).isEqualTo(ValueFormat.NONE);
    }
}
