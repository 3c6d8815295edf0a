package dev.apigwinsights.local.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CloudWatch Logs Insights results downloaded as CSV (the console's "Download table (CSV)"): a
 * header naming the query's fields ({@code @timestamp}, {@code @message}, {@code @logStream}, ...)
 * and a row per log event; or log events saved as CSV with plain {@code timestamp} and
 * {@code message} columns (the console's log events view), their time in any form a request time
 * takes, epoch milliseconds included. Rows are quoted as RFC 4180 says (a quoted field doubles its
 * quotes and may span lines). Each row's message is the access-log line: rows are packed into
 * subscription envelopes per log stream, as for {@code aws logs} output. A row with no message
 * field, or one whose quote never closes within {@link #MAX_ROW_CHARS}, is sent as its text, so it fails
 * with a reason and is kept in a failure document.
 */
final class InsightsCsvFraming implements Framing {
    static final String MESSAGE = "@message";
    /** A Firehose record holds at most 1,000 KiB: a longer row is no single log event. */
    private static final int MAX_ROW_CHARS = 1 << 20;

    @Override
    public void read(InputStream in, InputContext context, RecordSink sink) throws IOException {
        LineReader lines = new LineReader(in);
        byte[] line = lines.next();
        while (line != null && LineReader.isBlank(line)) {
            sink.blankLine();
            line = lines.next();
        }
        if (line == null) {
            return;
        }
        sink.blankLine(); // the header: read and skipped, like a blank line, for the summary to add up
        List<String> header = header(new String(line, StandardCharsets.UTF_8));
        if (header == null) {
            header = List.of(); // not one CSV row: no field is known, so every row is sent as its text
        }
        int message = messageColumn(header);
        int time = column(header, "@timestamp", "timestamp");
        int stream = column(header, "@logStream", "logStream");
        CloudWatchGrouper grouper = new CloudWatchGrouper(sink, null);
        try {
            while ((line = lines.next()) != null) {
                if (LineReader.isBlank(line)) {
                    sink.blankLine();
                    continue;
                }
                StringBuilder row = new StringBuilder(new String(line, StandardCharsets.UTF_8));
                List<String> fields;
                byte[] more;
                while ((fields = fields(row)) == null && row.length() <= MAX_ROW_CHARS && (more = lines.next()) != null) {
                    row.append('\n').append(new String(more, StandardCharsets.UTF_8));
                }
                if (fields == null || message < 0 || message >= fields.size()) {
                    sink.record(SourceRecord.direct(row.toString().getBytes(StandardCharsets.UTF_8), context.runStartMs()));
                } else if (fields.get(message).isBlank()) {
                    sink.blankLine();
                } else {
                    long ms = time >= 0 && time < fields.size() ? InsightsTime.epochMs(fields.get(time), context.runStartMs())
                            : context.runStartMs();
                    String logStream = stream >= 0 && stream < fields.size() && !fields.get(stream).isEmpty() ? fields.get(stream) : null;
                    grouper.add(logStream, ms, fields.get(message).getBytes(StandardCharsets.UTF_8));
                }
            }
        } finally {
            grouper.flush();
        }
    }

    /**
     * Whether {@code firstLine} is the header of log events saved as CSV: one of its fields is
     * {@code @message} (Logs Insights), or {@code message} beside {@code timestamp} (the console's
     * log events downloaded as CSV).
     */
    static boolean isHeader(String firstLine) {
        List<String> header = header(firstLine);
        return header != null && messageColumn(header) >= 0;
    }

    /** The column of the log event's message: {@code @message}, else {@code message} when a {@code timestamp} column says these are log events. */
    private static int messageColumn(List<String> header) {
        int insights = header.indexOf(MESSAGE);
        if (insights >= 0) {
            return insights;
        }
        return header.contains("timestamp") ? header.indexOf("message") : -1;
    }

    /** The column named {@code insights}, else the one named {@code plain}; -1 if neither. */
    private static int column(List<String> header, String insights, String plain) {
        int i = header.indexOf(insights);
        return i >= 0 ? i : header.indexOf(plain);
    }

    /** The header's field names, trimmed; null if it is not one CSV row. */
    private static List<String> header(String line) {
        List<String> fields = fields(!line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line);
        if (fields == null) {
            return null;
        }
        fields.replaceAll(String::trim);
        return fields;
    }

    /** The fields of one CSV row, or null when a quoted field is still open at its end (it goes on on the next line). */
    static List<String> fields(CharSequence row) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = row.length();
        while (true) {
            field.setLength(0);
            if (i < n && row.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        return null;
                    }
                    char c = row.charAt(i++);
                    if (c != '"') {
                        field.append(c);
                    } else if (i < n && row.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                // text between a closing quote and the comma (not RFC 4180) is kept, as lenient readers do
                while (i < n && row.charAt(i) != ',') {
                    field.append(row.charAt(i++));
                }
            } else {
                while (i < n && row.charAt(i) != ',') {
                    field.append(row.charAt(i++));
                }
            }
            fields.add(field.toString());
            if (i >= n) {
                return fields;
            }
            i++; // the comma
        }
    }
}
