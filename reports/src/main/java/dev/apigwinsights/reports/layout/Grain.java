package dev.apigwinsights.reports.layout;

import dev.apigwinsights.insights.TimeGrain;
import dev.apigwinsights.insights.TimeRange;
import java.time.Duration;

/**
 * Time buckets of a chart relative to the report's period: {@link #FINE} for lines (hours up to a
 * week, days beyond), {@link #COARSE} for stacked bars (hours for a day, days up to about three
 * months, weeks beyond). Buckets are UTC hours and days, as the catalog computes them.
 */
public enum Grain {
    FINE, COARSE;

    public TimeGrain resolve(TimeRange range) {
        Duration length = range.length();
        if (length.compareTo(Duration.ofHours(36)) <= 0) {
            return TimeGrain.HOUR;
        }
        if (this == FINE && length.compareTo(Duration.ofDays(8)) <= 0) {
            return TimeGrain.HOUR;
        }
        return length.compareTo(Duration.ofDays(120)) <= 0 ? TimeGrain.DAY : TimeGrain.WEEK;
    }
}
