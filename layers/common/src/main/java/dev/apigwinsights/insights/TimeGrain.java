package dev.apigwinsights.insights;

import java.time.Duration;

/**
 * The width of a time bucket. {@link #AUTO} picks one from the time range so that a chart has a
 * readable number of points (see {@link #resolve}). Weeks start on Monday (ISO), in both engines.
 */
public enum TimeGrain {
    MINUTE("minute"),
    HOUR("hour"),
    DAY("day"),
    WEEK("week"),
    MONTH("month"),
    /** MINUTE up to 6 hours, HOUR up to 3 days, DAY up to 92 days, WEEK beyond (DAY without a range). */
    AUTO(null);

    private final String sqlUnit;

    TimeGrain(String sqlUnit) {
        this.sqlUnit = sqlUnit;
    }

    /** The unit {@code date_trunc} takes in Trino and DuckDB. */
    public String sqlUnit() {
        if (sqlUnit == null) {
            throw new IllegalStateException("AUTO must be resolved against a time range first");
        }
        return sqlUnit;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** This grain, or for {@link #AUTO} the one that suits {@code range} (null: no range). */
    public TimeGrain resolve(TimeRange range) {
        if (this != AUTO) {
            return this;
        }
        if (range == null) {
            return DAY;
        }
        Duration length = range.length();
        if (length.compareTo(Duration.ofHours(6)) <= 0) {
            return MINUTE;
        }
        if (length.compareTo(Duration.ofDays(3)) <= 0) {
            return HOUR;
        }
        if (length.compareTo(Duration.ofDays(92)) <= 0) {
            return DAY;
        }
        return WEEK;
    }
}
