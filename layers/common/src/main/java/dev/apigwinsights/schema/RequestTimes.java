package dev.apigwinsights.schema;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parses the request-time forms API Gateway writes and formats canonical timestamps. The hot
 * forms (CLF {@code 01/Feb/2024:06:47:49 +0000} and epoch milliseconds) are parsed by hand; the
 * formatter avoids java.time on the hot path too. All results are UTC.
 */
public final class RequestTimes {
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    /** Epoch values below this are seconds, not milliseconds (2286-11-20 in seconds). */
    private static final long SECONDS_LIMIT = 9_999_999_999L;

    private RequestTimes() {
    }

    /**
     * Parses {@code requestTimeEpoch}: epoch milliseconds (seconds and fractional values are
     * accepted too). Returns null when it is not a number.
     */
    public static Long parseEpoch(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        long v = 0;
        int i = 0;
        int n = s.length();
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            if (i > 15) {
                return null;
            }
            v = v * 10 + (c - '0');
        }
        if (i == 0) {
            return null;
        }
        if (i < n) {
            if (s.charAt(i) != '.') {
                return null;
            }
            for (int j = i + 1; j < n; j++) {
                char c = s.charAt(j);
                if (c < '0' || c > '9') {
                    return null;
                }
            }
            if (v <= SECONDS_LIMIT) {
                double d = Double.parseDouble(s);
                return Math.round(d * 1000);
            }
        }
        return v <= SECONDS_LIMIT ? v * 1000 : v;
    }

    /**
     * Parses {@code requestTime}: CLF ({@code dd/MMM/yyyy:HH:mm:ss +hhmm}, the offset honoured),
     * ISO-8601 with an offset or Z, epoch digits, or the forms of {@link #parseOther}. Returns epoch ms or null.
     */
    public static Long parseRequestTime(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (t.isEmpty()) {
            return null;
        }
        Long clf = parseClf(t);
        if (clf != null) {
            return clf;
        }
        if (t.charAt(0) >= '0' && t.charAt(0) <= '9' && t.indexOf('-') < 0 && t.indexOf('/') < 0) {
            return parseEpoch(t);
        }
        try {
            return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(t).toEpochMilli();
            } catch (DateTimeParseException e2) {
                return parseOther(t);
            }
        }
    }

    /**
     * The forms other tools write a time in: a space for the {@code T} (Athena, DuckDB, Logs
     * Insights: {@code 2024-02-01 06:47:49.673}), no zone (then UTC, as a CLF time without an offset
     * is), and an HTTP date ({@code Thu, 01 Feb 2024 06:47:49 GMT}). Off the hot path: only times the
     * other forms did not read get here.
     */
    private static Long parseOther(String t) {
        boolean spaced = t.length() > 11 && t.charAt(10) == ' ';
        String iso = spaced ? t.substring(0, 10) + 'T' + t.substring(11) : t;
        if (spaced) { // with a T, the caller has tried the offset form already
            try {
                return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
            } catch (DateTimeParseException notOffset) {
                // next form
            }
        }
        try {
            return LocalDateTime.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException notLocal) {
            // next form
        }
        try {
            return ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException notHttpDate) {
            return null;
        }
    }

    private static Long parseClf(String t) {
        // 01/Feb/2024:06:47:49 +0000 (the offset may be missing: then UTC)
        if (t.length() < 20 || t.charAt(2) != '/' || t.charAt(6) != '/' || t.charAt(11) != ':'
                || t.charAt(14) != ':' || t.charAt(17) != ':') {
            return null;
        }
        int day = digits(t, 0, 2);
        int month = month(t, 3);
        int year = digits(t, 7, 4);
        int hour = digits(t, 12, 2);
        int minute = digits(t, 15, 2);
        int second = digits(t, 18, 2);
        if (day < 1 || day > 31 || month < 1 || year < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 60) {
            return null;
        }
        int offsetMinutes = 0;
        int i = 20;
        if (i < t.length()) {
            while (i < t.length() && t.charAt(i) == ' ') {
                i++;
            }
            if (i + 5 != t.length()) {
                return null;
            }
            char sign = t.charAt(i);
            int oh = digits(t, i + 1, 2);
            int om = digits(t, i + 3, 2);
            if ((sign != '+' && sign != '-') || oh < 0 || om < 0 || oh > 18 || om > 59) {
                return null;
            }
            offsetMinutes = (sign == '-' ? -1 : 1) * (oh * 60 + om);
        }
        if (day > daysInMonth(year, month)) {
            return null;
        }
        long days = daysFromCivil(year, month, day);
        long secs = days * 86_400L + hour * 3600L + minute * 60L + second - offsetMinutes * 60L;
        return secs * 1000L;
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int month(String s, int from) {
        for (int m = 0; m < 12; m++) {
            String name = MONTHS[m];
            if (Character.toLowerCase(s.charAt(from)) == name.charAt(0)
                    && Character.toLowerCase(s.charAt(from + 1)) == name.charAt(1)
                    && Character.toLowerCase(s.charAt(from + 2)) == name.charAt(2)) {
                return m + 1;
            }
        }
        return -1;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    static long daysFromCivil(long y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    /**
     * The civil date of an epoch-ms instant in UTC as {year, month, day}.
     */
    public static int[] civil(long epochMs) {
        long z = Math.floorDiv(epochMs, 86_400_000L) + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int d = (int) (doy - (153 * mp + 2) / 5 + 1);
        int m = (int) (mp < 10 ? mp + 3 : mp - 9);
        return new int[] {(int) (m <= 2 ? y + 1 : y), m, d};
    }

    /** ISO-8601 UTC with milliseconds: {@code 2024-02-01T06:47:49.673Z}. */
    public static String formatIso(long epochMs) {
        int[] ymd = civil(epochMs);
        long msOfDay = Math.floorMod(epochMs, 86_400_000L);
        int hour = (int) (msOfDay / 3_600_000);
        int minute = (int) (msOfDay / 60_000 % 60);
        int second = (int) (msOfDay / 1000 % 60);
        int millis = (int) (msOfDay % 1000);
        if (ymd[0] < 0 || ymd[0] > 9999) {
            return Instant.ofEpochMilli(epochMs).toString();
        }
        char[] c = new char[24];
        pad(c, 0, ymd[0], 4);
        c[4] = '-';
        pad(c, 5, ymd[1], 2);
        c[7] = '-';
        pad(c, 8, ymd[2], 2);
        c[10] = 'T';
        pad(c, 11, hour, 2);
        c[13] = ':';
        pad(c, 14, minute, 2);
        c[16] = ':';
        pad(c, 17, second, 2);
        c[19] = '.';
        pad(c, 20, millis, 3);
        c[23] = 'Z';
        return new String(c);
    }

    private static void pad(char[] c, int at, int v, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + v % 10);
            v /= 10;
        }
    }
}
