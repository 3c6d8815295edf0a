package dev.apigwinsights.local.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What {@code aws logs tail GROUP --since 7d > file} saves, the quickest way to pull recent logs:
 * <ul>
 *   <li>{@code --format detailed} (the default): {@code 2024-02-01T06:47:49.673000+00:00 <stream> <message>};</li>
 *   <li>{@code --format short}: {@code 2024-02-01T06:47:49 <message>}, UTC to the second, no stream;</li>
 *   <li>{@code --format json}: the detailed header, and a message that is JSON pretty-printed on the
 *       lines after it, which are joined back into one entry.</li>
 * </ul>
 * With {@code --color on} (or captured from a terminal) the time and stream are wrapped in ANSI
 * colour codes, which are stepped over. Events become subscription records per log stream, as
 * for an export; a line without the time prefix is its own event with the previous line's time.
 */
final class LogsTailFraming implements Framing {
    /** A pretty-printed message bigger than this (a CloudWatch event is at most 256 KiB) is sent as it stands. */
    static final int MAX_JOINED = 1024 * 1024;

    /** Where a line's message starts, and what its header says. */
    record Header(long timeMs, String stream, int messageStart) {
    }

    @Override
    public void read(InputStream in, InputContext context, RecordSink sink) throws IOException {
        CloudWatchGrouper grouper = new CloudWatchGrouper(sink, null);
        Pending pending = new Pending(grouper, sink);
        pending.time = context.runStartMs();
        LineReader.forEach(in, sink, (line, lines) -> {
            Header h = header(line);
            if (h != null) {
                pending.flush();
                pending.time = h.timeMs();
                pending.stream = h.stream();
                byte[] message = Arrays.copyOfRange(line, h.messageStart(), line.length);
                if (LineReader.isBlank(message)) {
                    pending.joining = true; // --format json: the message follows, pretty-printed
                } else {
                    grouper.add(h.stream(), h.timeMs(), message);
                }
            } else if (pending.joining) {
                pending.append(line);
            } else {
                grouper.add(pending.stream, pending.time, line);
            }
        });
        pending.flush();
        grouper.flush();
    }

    /** A message being joined from pretty-printed lines. */
    private static final class Pending {
        final CloudWatchGrouper grouper;
        final RecordSink sink;
        final ByteArrayOutputStream joined = new ByteArrayOutputStream();
        long time;
        String stream;
        boolean joining;

        Pending(CloudWatchGrouper grouper, RecordSink sink) {
            this.grouper = grouper;
            this.sink = sink;
        }

        /**
         * json.dumps(indent=4) breaks lines only between tokens, never inside a string, so the
         * lines joined by a space (their indent dropped) are the same JSON on one line.
         */
        void append(byte[] line) throws IOException {
            int from = 0;
            while (from < line.length && (line[from] == ' ' || line[from] == '\t')) {
                from++;
            }
            if (joined.size() > 0) {
                joined.write(' ');
            }
            joined.write(line, from, line.length - from);
            if (joined.size() > MAX_JOINED) {
                flush();
                joining = true;
            }
        }

        void flush() throws IOException {
            if (joining && joined.size() == 0) {
                sink.blankLine(); // an event whose message is empty
            } else if (joined.size() > 0) {
                grouper.add(stream, time, joined.toByteArray());
            }
            joined.reset();
            joining = false;
        }
    }

    /**
     * The header of a line that {@code aws logs tail} wrote, or null: an ISO-8601 time to the second
     * with an optional fraction, then either a UTC offset and the log stream (detailed, json) or
     * nothing (short); a {@code Z} time is a CloudWatch export's, not tail's.
     */
    static Header header(byte[] b) {
        IsoDateTime t = IsoDateTime.parse(b, skipEscapes(b, 0));
        if (t == null || t.end() > 0 && b[t.end() - 1] == '.') {
            return null; // a dot without digits
        }
        int p = t.end();
        long offsetMinutes = 0;
        boolean zoned = p < b.length && (b[p] == '+' || b[p] == '-');
        if (zoned) {
            if (b.length - p < 6 || b[p + 3] != ':') {
                return null;
            }
            int oh = IsoDateTime.digits(b, p + 1, 2);
            int om = IsoDateTime.digits(b, p + 4, 2);
            if (oh < 0 || oh > 18 || om < 0 || om > 59) {
                return null;
            }
            offsetMinutes = (b[p] == '-' ? -1 : 1) * (oh * 60L + om);
            p += 6;
        }
        p = skipEscapes(b, p);
        if (p < b.length && b[p] != ' ') {
            return null;
        }
        long timeMs = t.epochMs() - offsetMinutes * 60_000L;
        int streamStart = Math.min(p + 1, b.length);
        // A time with an offset and then a JSON object or array: a message without a stream
        // (a tool that writes times with +00:00 instead of Z), not a stream named '{"requestId":…'.
        if (!zoned || streamStart < b.length && (b[streamStart] == '{' || b[streamStart] == '[' || b[streamStart] == '"')) {
            return new Header(timeMs, null, streamStart);
        }
        int streamEnd = streamStart;
        while (streamEnd < b.length && b[streamEnd] != ' ') {
            streamEnd++;
        }
        String stream = withoutEscapes(b, streamStart, streamEnd);
        return new Header(timeMs, stream.isEmpty() ? null : stream, Math.min(streamEnd + 1, b.length));
    }

    /** Steps over ANSI CSI sequences ({@code ESC [ params final}) from {@code i}. */
    private static int skipEscapes(byte[] b, int i) {
        while (i + 1 < b.length && b[i] == 0x1b && b[i + 1] == '[') {
            int k = i + 2;
            while (k < b.length && b[k] >= 0x20 && b[k] <= 0x3f) {
                k++;
            }
            if (k >= b.length || b[k] < 0x40 || b[k] > 0x7e) {
                return i;
            }
            i = k + 1;
        }
        return i;
    }

    private static String withoutEscapes(byte[] b, int from, int to) {
        StringBuilder s = new StringBuilder();
        int i = from;
        while (i < to) {
            int next = skipEscapes(b, i);
            if (next > i) {
                i = next;
                continue;
            }
            int end = i;
            while (end < to && b[end] != 0x1b) {
                end++;
            }
            if (end == i) {
                end++; // a lone ESC
            }
            s.append(new String(b, i, Math.min(end, to) - i, StandardCharsets.UTF_8));
            i = end;
        }
        return s.toString();
    }
}
