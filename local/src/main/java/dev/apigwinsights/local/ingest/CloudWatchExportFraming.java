package dev.apigwinsights.local.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A CloudWatch Logs export-to-S3 file: one {@code <ISO-8601 time> <message>} line per log event
 * (the export's own gzip is undone before). Events are packed into subscription envelopes, as
 * they would reach Firehose from a subscription filter; the log stream comes from the export's
 * folder layout. A line without the time prefix is kept as a message with the previous time.
 */
final class CloudWatchExportFraming implements Framing {

    @Override
    public void read(InputStream in, InputContext context, RecordSink sink) throws IOException {
        CloudWatchGrouper grouper = new CloudWatchGrouper(sink, null);
        String stream = context.exportLogStream();
        LineReader lines = new LineReader(in);
        long lastTime = context.runStartMs();
        byte[] line;
        while ((line = lines.next()) != null) {
            if (LineReader.isBlank(line)) {
                sink.blankLine();
                continue;
            }
            String text = new String(line, StandardCharsets.UTF_8);
            int space = text.indexOf(' ');
            long time = space > 0 ? parseTime(text, space) : -1;
            if (time >= 0) {
                lastTime = time;
                grouper.add(stream, time, text.substring(space + 1));
            } else {
                grouper.add(stream, lastTime, text);
            }
        }
        grouper.flush();
    }

    /** Epoch ms of the line's leading time, or -1 when it does not start with one. */
    static long parseTime(String text, int space) {
        if (space < 20 || text.charAt(4) != '-' || text.charAt(10) != 'T' || text.charAt(space - 1) != 'Z') {
            return -1;
        }
        try {
            return Instant.parse(text.substring(0, space)).toEpochMilli();
        } catch (DateTimeParseException e) {
            return -1;
        }
    }
}
