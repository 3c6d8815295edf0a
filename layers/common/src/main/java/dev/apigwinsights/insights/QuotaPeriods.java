package dev.apigwinsights.insights;

/**
 * The quota period a request counts in, as API Gateway defines it for a usage plan's
 * {@code quota: {period, offset}}: a UTC day; a week starting on the day {@code offset} names
 * (0 = Sunday ... 6 = Saturday); a month starting on day {@code offset + 1}. (The API reference
 * also describes {@code offset} as requests subtracted from the limit in the first period; that
 * reading only changes the plan's very first period, which the logs cannot tell, so it is ignored.)
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
}
