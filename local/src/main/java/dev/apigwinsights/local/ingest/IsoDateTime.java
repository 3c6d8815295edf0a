package dev.apigwinsights.local.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A leading ISO-8601 date and time, {@code yyyy-MM-ddTHH:mm:ss[.fraction]}, as bytes: what
 * CloudWatch export lines and {@code aws logs tail} lines start with (each adds its own zone).
 * Read from the bytes without decoding them, since it runs once per exported event.
 *
 * @param epochMs the time as UTC epoch milliseconds (digits past milliseconds ignored)
 * @param end     the index just after the seconds or the fraction (or a bare {@code .})
 */
record IsoDateTime(long epochMs, int end) {

    /** The date-time at {@code from}, or null when the bytes there are not one (or not a real date). */
    static IsoDateTime parse(byte[] b, int from) {
        if (b.length - from < 19 || b[from + 4] != '-' || b[from + 7] != '-' || b[from + 10] != 'T'
                || b[from + 13] != ':' || b[from + 16] != ':') {
            return null;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        int second = digits(b, from + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 60) {
            return null;
        }
        int p = from + 19;
        long millis = 0;
        int fraction = 0;
        if (p < b.length && b[p] == '.') {
            for (p++; p < b.length && b[p] >= '0' && b[p] <= '9'; p++, fraction++) {
                if (fraction < 3) {
                    millis = millis * 10 + (b[p] - '0');
                }
            }
            for (int k = fraction; k < 3; k++) {
                millis *= 10;
            }
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return new IsoDateTime(((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis, p);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The value of {@code n} ASCII digits at {@code from}, or -1 if one is not a digit. */
    static int digits(byte[] b, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
