package dev.apigwinsights.local.ingest;

import dev.apigwinsights.schema.RequestTimes;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** CloudWatch Logs Insights' {@code @timestamp}, in any form its results are saved in. */
final class InsightsTime {
    /** How Logs Insights writes it: UTC, milliseconds, a space before the time, no zone. */
    private static final DateTimeFormatter INSIGHTS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private InsightsTime() {
    }

    /**
     * Epoch ms of Logs Insights' form, or of any request time the transformer reads (ISO-8601, CLF,
     * epoch digits: {@link RequestTimes#parseRequestTime}); {@code fallback} for anything else.
     */
    static long epochMs(String text, long fallback) {
        if (text == null) {
            return fallback;
        }
        String t = text.trim();
        try {
            return LocalDateTime.parse(t, INSIGHTS).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException notInsights) {
            Long other = RequestTimes.parseRequestTime(t);
            return other != null ? other : fallback;
        }
    }
}
