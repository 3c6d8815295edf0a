package dev.apigwinsights.local.ingest;

import java.io.IOException;
import java.io.InputStream;
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
        IsoDateTime t = IsoDateTime.parse(b, 0);
        return t != null && t.end() == space - 1 && b[t.end()] == 'Z' ? t.epochMs() : -1;
    }
}
