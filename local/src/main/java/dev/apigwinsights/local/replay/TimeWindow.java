package dev.apigwinsights.local.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Which error documents to replay, by the time Firehose received the original record
 * ({@code arrivalTimestamp}): from inclusive, to exclusive; either end may be open.
 */
record TimeWindow(Instant from, Instant to) {

    static final TimeWindow ALL = new TimeWindow(null, null);

    TimeWindow {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("--from must be before --to");
        }
    }

    /** {@code 2025-01-31} (midnight UTC) or an ISO-8601 instant such as {@code 2025-01-31T10:00:00Z}; null stays open. */
    static Instant parse(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + value + "' is neither a date (2025-01-31) nor an instant (2025-01-31T10:00:00Z)");
        }
    }

    boolean isOpen() {
        return from == null && to == null;
    }

    boolean contains(long arrivalEpochMs) {
        return (from == null || arrivalEpochMs >= from.toEpochMilli()) && (to == null || arrivalEpochMs < to.toEpochMilli());
    }

    /**
     * Whether an S3 object under {@code day=} partition {@code day} can hold records of this window.
     * Firehose names error objects by the arrival time of their oldest record, so an object may hold
     * records up to a buffering interval (at most 15 minutes, plus retries) after its day: the day
     * before {@code from} is read too.
     */
    boolean mayHoldDay(LocalDate day) {
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return (to == null || start.isBefore(to)) && (from == null || end.plusSeconds(86_400).isAfter(from));
    }
}
