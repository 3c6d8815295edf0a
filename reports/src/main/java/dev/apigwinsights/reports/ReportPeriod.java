package dev.apigwinsights.reports;

import dev.apigwinsights.insights.InsightParameterException;
import dev.apigwinsights.insights.TimeRange;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Objects;

/**
 * The period a report covers and the one it is compared with, both {@code [from, to)}. Calendar
 * periods (a day, an ISO week from Monday, a month) are whole periods in the report's time zone; the
 * comparison period is the calendar period before (so a month is compared with the whole previous
 * month, whatever its length). A custom range is compared with the same length just before it.
 */
public record ReportPeriod(Kind kind, TimeRange range, TimeRange previous, ZoneId zone) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    /** How the period was chosen. */
    public enum Kind {
        DAY("Daily"), WEEK("Weekly"), MONTH("Monthly"), CUSTOM("");

        private final String adjective;

        Kind(String adjective) {
            this.adjective = adjective;
        }

        /** {@code Daily}, {@code Weekly}, {@code Monthly}; empty for a custom range. */
        public String adjective() {
            return adjective;
        }

        /** Parses {@code day}, {@code week} or {@code month} (the CLI's {@code --period}). */
        public static Kind parse(String text) {
            for (Kind k : new Kind[] {DAY, WEEK, MONTH}) {
                if (k.name().equalsIgnoreCase(text.trim())) {
                    return k;
                }
            }
            throw new InsightParameterException("period must be day, week or month: '" + text + "'");
        }
    }

    public ReportPeriod {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(zone, "zone");
    }

    /**
     * The last whole day, week (Monday to Monday) or month in {@code zone} that ended at or before
     * {@code now}: a report scheduled for Monday 07:00 covers the week that ended at midnight.
     */
    public static ReportPeriod lastComplete(Kind kind, ZoneId zone, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate start;
        LocalDate end;
        LocalDate previousStart;
        switch (kind) {
            case DAY:
                end = today;
                start = end.minusDays(1);
                previousStart = start.minusDays(1);
                break;
            case WEEK:
                end = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                start = end.minusWeeks(1);
                previousStart = start.minusWeeks(1);
                break;
            case MONTH:
                end = today.withDayOfMonth(1);
                start = end.minusMonths(1);
                previousStart = start.minusMonths(1);
                break;
            default:
                throw new IllegalArgumentException("a custom period needs a range: use ReportPeriod.custom");
        }
        return new ReportPeriod(kind, range(start, end, zone), range(previousStart, start, zone), zone);
    }

    /** A custom range, compared with the same length just before it. */
    public static ReportPeriod custom(TimeRange range, ZoneId zone) {
        return new ReportPeriod(Kind.CUSTOM, range, range.previous(), zone);
    }

    private static TimeRange range(LocalDate from, LocalDate to, ZoneId zone) {
        return TimeRange.of(from.atStartOfDay(zone).toInstant(), to.atStartOfDay(zone).toInstant());
    }

    /** How a person names the period: {@code Week 47 · 16 Nov – 22 Nov 2026}, {@code November 2026}. */
    public String label() {
        return label(range);
    }

    /** The comparison period, named the same way. */
    public String previousLabel() {
        return label(previous);
    }

    private String label(TimeRange r) {
        ZonedDateTime from = r.from().atZone(zone);
        ZonedDateTime lastMoment = r.to().minusNanos(1).atZone(zone);
        switch (kind) {
            case DAY:
                return DAY.format(from);
            case WEEK:
                return "Week " + from.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + " · " + span(from, lastMoment);
            case MONTH:
                return MONTH.format(from);
            default:
                boolean wholeDays = from.truncatedTo(ChronoUnit.DAYS).equals(from)
                        && r.to().atZone(zone).truncatedTo(ChronoUnit.DAYS).equals(r.to().atZone(zone));
                return wholeDays ? span(from, lastMoment) : SHORT_TIME.format(from) + " – " + SHORT_TIME.format(r.to().atZone(zone));
        }
    }

    private static String span(ZonedDateTime from, ZonedDateTime lastMoment) {
        if (from.toLocalDate().equals(lastMoment.toLocalDate())) {
            return SHORT_DAY.format(from);
        }
        return SHORT_DAY.format(from) + " – " + SHORT_DAY.format(lastMoment);
    }

    /** A file-name-safe name: {@code 2026-11-23}, {@code 2026-W47}, {@code 2026-11}, {@code 2026-11-16_2026-11-22}. */
    public String fileStem() {
        ZonedDateTime from = range.from().atZone(zone);
        LocalDate last = range.to().minusNanos(1).atZone(zone).toLocalDate();
        switch (kind) {
            case DAY:
                return from.toLocalDate().toString();
            case WEEK:
                return String.format(Locale.ROOT, "%d-W%02d", from.get(IsoFields.WEEK_BASED_YEAR), from.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH:
                return String.format(Locale.ROOT, "%d-%02d", from.getYear(), from.getMonthValue());
            default:
                return from.toLocalDate() + "_" + last;
        }
    }
}
