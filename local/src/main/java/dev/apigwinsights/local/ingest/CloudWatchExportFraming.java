package dev.apigwinsights.local.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * A CloudWatch Logs export-to-S3 file: one {@code <ISO-8601 time> <message>} line per log event
 * (the export's own gzip is undone before). Events are packed into subscription envelopes, as
 * they would reach Firehose from a subscription filter; the log stream comes from the export's
 * folder layout. A line without the time prefix is kept as a message with the previous time.
 * Lines stay bytes: this runs once per exported event.
 */
final class CloudWatchExportFraming implements Framing {

    @Override
    public void read(InputStream in, InputContext context, RecordSink sink) throws IOException {
        CloudWatchGrouper grouper = new CloudWatchGrouper(sink, null);
        String stream = context.exportLogStream();
        long[] lastTime = {context.runStartMs()};
        LineReader.forEach(in, sink, (line, lines) -> {
            int space = indexOf(line, (byte) ' ');
            long time = space > 0 ? parseTime(line, space) : -1;
            if (time >= 0) {
                lastTime[0] = time;
                grouper.add(stream, time, Arrays.copyOfRange(line, space + 1, line.length));
            } else {
                grouper.add(stream, lastTime[0], line);
            }
        });
        grouper.flush();
    }

    private static int indexOf(byte[] b, byte c) {
        for (int i = 0; i < b.length && i < 40; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Epoch ms of the line's leading {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} (what export tasks
     * write), or -1 when it does not start with one.
     */
    static long parseTime(byte[] b, int space) {
        if (space < 20 || b[4] != '-' || b[7] != '-' || b[10] != 'T' || b[13] != ':' || b[16] != ':' || b[space - 1] != 'Z') {
            return -1;
        }
        int year = digits(b, 0, 4);
        int month = digits(b, 5, 2);
        int day = digits(b, 8, 2);
        int hour = digits(b, 11, 2);
        int minute = digits(b, 14, 2);
        int second = digits(b, 17, 2);
        int millis = 0;
        if (space > 20) {
            if (b[19] != '.') {
                return -1;
            }
            for (int i = 20; i < space - 1; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    return -1;
                }
                if (i < 23) {
                    millis = millis * 10 + d;
                }
            }
            for (int i = Math.min(space - 1, 23); i < 23; i++) {
                millis *= 10;
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
            return -1;
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
        } catch (java.time.DateTimeException e) {
            return -1;
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
