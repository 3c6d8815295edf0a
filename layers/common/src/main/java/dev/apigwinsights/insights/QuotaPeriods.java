package dev.apigwinsights.insights;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The quota period a request counts in, as API Gateway defines it for a usage plan's
 * {@code quota: {period, offset}}: a UTC day; a week starting on the day {@code offset} names
 * (0 = Sunday ... 6 = Saturday); a month starting on day {@code offset + 1}. (The API reference
 * also describes {@code offset} as requests subtracted from the limit in the first period; that
 * reading only changes the plan's very first period, which the logs cannot tell, so it is ignored.)
 *
 * <p>{@link #startSql} and {@link #start} compute the same value: the SQL for the engines, the Java
 * for tests and callers.
 */
final class QuotaPeriods {

    private QuotaPeriods() {
    }

    /** SQL: the start of the quota period of {@code request_time}; {@code offset} is an integer SQL expression. */
    static String startSql(SqlContext ctx, String offset) {
        Dialect d = ctx.dialect();
        String day = "date_trunc('day', request_time)";
        String sundayBased = "(" + d.isoDayOfWeek("request_time") + " % 7)";
        String week = d.plusDays(day, "-((" + sundayBased + " - " + offset + " + 7) % 7)");
        String month = "CASE WHEN day(request_time) > " + offset
                + " THEN " + d.plusDays("date_trunc('month', request_time)", offset)
                + " ELSE " + d.plusDays(d.plusMonths("date_trunc('month', request_time)", "-1"), offset) + " END";
        return "CASE quota_period WHEN 'DAY' THEN " + day + " WHEN 'WEEK' THEN " + week
                + " WHEN 'MONTH' THEN " + month + " END";
    }

    /** Java: the start of the quota period of {@code t}, or null for an unknown period. */
    static Instant start(Instant t, String period, int offset) {
        LocalDate date = LocalDate.ofInstant(t, ZoneOffset.UTC);
        LocalDate start;
        switch (period == null ? "" : period) {
            case "DAY":
                start = date;
                break;
            case "WEEK":
                int sundayBased = date.getDayOfWeek().getValue() % 7;
                start = date.minusDays(Math.floorMod(sundayBased - offset, 7));
                break;
            case "MONTH":
                start = date.getDayOfMonth() > offset ? date.withDayOfMonth(1).plusDays(offset)
                        : date.withDayOfMonth(1).minusMonths(1).plusDays(offset);
                break;
            default:
                return null;
        }
        return start.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The weekday a WEEK period with {@code offset} starts on. */
    static DayOfWeek weekStart(int offset) {
        return DayOfWeek.SUNDAY.plus(offset);
    }
}
