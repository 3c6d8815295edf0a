package dev.apigwinsights.insights;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A half-open interval of request times, {@code [from, to)}, in UTC like the canonical table's
 * {@code request_time} and its {@code year/month/day} partitions.
 */
public record TimeRange(Instant from, Instant to) {

    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new InsightParameterException("time range: from (" + from + ") must be before to (" + to + ")");
        }
    }

    public static TimeRange of(Instant from, Instant to) {
        return new TimeRange(from, to);
    }

    /** The {@code duration} before {@code to}. */
    public static TimeRange ending(Instant to, Duration duration) {
        return new TimeRange(to.minus(duration), to);
    }

    /**
     * Parses the CLI's and the HTTP API's time arguments: an ISO date ({@code 2024-03-01}, midnight
     * UTC), a date-time without zone ({@code 2024-03-01T12:00}, UTC) or with one
     * ({@code 2024-03-01T12:00:00Z}, {@code 2024-03-01T14:00+02:00}).
     */
    public static Instant parseInstant(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (t.endsWith("Z") || t.endsWith("z")) {
                return OffsetDateTime.parse(t.substring(0, t.length() - 1) + "Z").toInstant();
            }
            int tee = t.indexOf('T');
            if (tee > 0 && (t.indexOf('+', tee) > 0 || t.indexOf('-', tee) > 0)) {
                return OffsetDateTime.parse(t).toInstant();
            }
            return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InsightParameterException("not an ISO date or date-time: '" + text
                    + "' (examples: 2024-03-01, 2024-03-01T12:00, 2024-03-01T12:00:00Z)");
        }
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    /** The same-length range immediately before this one. */
    public TimeRange previous() {
        return new TimeRange(from.minus(length()), from);
    }

    /** This range moved back by {@code by}. */
    public TimeRange minus(Duration by) {
        return new TimeRange(from.minus(by), to.minus(by));
    }

    /** The smallest range covering this one and {@code other}. */
    public TimeRange span(TimeRange other) {
        return new TimeRange(from.isBefore(other.from) ? from : other.from, to.isAfter(other.to) ? to : other.to);
    }

    /** The first UTC day a request of this range can fall on. */
    public LocalDate firstDay() {
        return LocalDate.ofInstant(from, ZoneOffset.UTC);
    }

    /** The last UTC day a request of this range can fall on ({@code to} itself is excluded). */
    public LocalDate lastDay() {
        return LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC);
    }

    public boolean contains(Instant t) {
        return !t.isBefore(from) && t.isBefore(to);
    }
}
