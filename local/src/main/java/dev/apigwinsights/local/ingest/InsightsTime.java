package dev.apigwinsights.local.ingest;

import java.time.Instant;
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

    /** Epoch ms of Logs Insights' form, ISO-8601 or epoch ms digits; {@code fallback} for anything else. */
    static long epochMs(String text, long fallback) {
        if (text == null) {
            return fallback;
        }
        String t = text.trim();
        try {
            return LocalDateTime.parse(t, INSIGHTS).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException notInsights) {
            try {
                return Instant.parse(t).toEpochMilli();
            } catch (DateTimeParseException notIso) {
                return isDigits(t) && t.length() <= 15 ? Long.parseLong(t) : fallback;
            }
        }
    }

    private static boolean isDigits(String t) {
        if (t.isEmpty()) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
