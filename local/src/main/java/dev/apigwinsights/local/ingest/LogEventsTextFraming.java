package dev.apigwinsights.local.ingest;

import dev.apigwinsights.local.util.ByteArrays;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code aws logs filter-log-events} and {@code get-log-events} saved with {@code --output text}
 * (or with {@code output = text} in the CLI's config): one tab-separated {@code EVENTS} line per
 * event, its values in the order of their sorted keys:
 * <ul>
 *   <li>filter-log-events: {@code EVENTS eventId ingestionTime logStreamName message timestamp};</li>
 *   <li>get-log-events: {@code EVENTS ingestionTime message timestamp}.</li>
 * </ul>
 * The other lines the CLI prints (pagination tokens, {@code SEARCHEDLOGSTREAMS}) hold no event and
 * are counted with blank lines. Any other line, and an {@code EVENTS} line of neither shape, is sent
 * as it stands, so it fails with a reason and is kept. A message holding tabs keeps them: the
 * fields around it are counted from both ends.
 */
final class LogEventsTextFraming implements Framing {
    private static final byte[] EVENTS = "EVENTS\t".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEARCHED_LOG_STREAMS = "SEARCHEDLOGSTREAMS\t".getBytes(StandardCharsets.US_ASCII);

    @Override
    public void read(InputStream in, InputContext context, RecordSink sink) throws IOException {
        CloudWatchGrouper grouper = new CloudWatchGrouper(sink, null);
        LineReader.forEach(in, sink, (line, lines) -> {
            if (!ByteArrays.startsWith(line, 0, line.length, EVENTS)) {
                if (isCliLine(line)) {
                    sink.blankLine();
                } else {
                    grouper.add(null, context.runStartMs(), line);
                }
                return;
            }
            Tabs t = Tabs.of(line);
            long timestamp = t.count >= 3 ? number(line, t.last + 1, line.length) : -1;
            if (t.count >= 5 && timestamp >= 0 && number(line, t.first[0] + 1, t.first[1]) >= 0 && t.first[1] - t.first[0] - 1 > 20
                    && number(line, t.first[1] + 1, t.first[2]) >= 0) {
                String stream = new String(line, t.first[2] + 1, t.first[3] - t.first[2] - 1, StandardCharsets.UTF_8);
                grouper.addEvent(stream, timestamp, Arrays.copyOfRange(line, t.first[3] + 1, t.last));
            } else if (t.count >= 3 && timestamp >= 0 && number(line, t.first[0] + 1, t.first[1]) >= 0) {
                grouper.addEvent(null, timestamp, Arrays.copyOfRange(line, t.first[1] + 1, t.last));
            } else {
                grouper.add(null, context.runStartMs(), line);
            }
        });
        grouper.flush();
    }

    /**
     * A line the CLI prints that holds no event: {@code SEARCHEDLOGSTREAMS}, or pagination tokens
     * (one or two fields without spaces). Anything else, say the rest of a message that held a line
     * break, is sent as it stands so that it is not lost.
     */
    private static boolean isCliLine(byte[] line) {
        if (ByteArrays.startsWith(line, 0, line.length, SEARCHED_LOG_STREAMS)) {
            return true;
        }
        int tabs = 0;
        for (byte b : line) {
            if (b == ' ' || b == '"' || b == '{' || (b == '\t' && ++tabs > 1)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code head} (from {@code from}) is such output: its first line is an {@code EVENTS}
     * line, or pagination tokens (no spaces) followed by one.
     */
    static boolean detect(byte[] head, int from, int length) {
        int start = from;
        for (int line = 0; line < 3 && start < length; line++) {
            if (ByteArrays.startsWith(head, start, length - start, EVENTS)) {
                return true;
            }
            int end = start;
            while (end < length && head[end] != '\n') {
                if (head[end] == ' ') {
                    return false;
                }
                end++;
            }
            start = end + 1;
        }
        return false;
    }

    /** Where a line's first four tabs and its last are, and how many it has. */
    private static final class Tabs {
        final int[] first = new int[4];
        int last = -1;
        int count;

        static Tabs of(byte[] line) {
            Tabs t = new Tabs();
            for (int i = 0; i < line.length; i++) {
                if (line[i] == '\t') {
                    if (t.count < 4) {
                        t.first[t.count] = i;
                    }
                    t.count++;
                    t.last = i;
                }
            }
            return t;
        }
    }

    /** The non-negative decimal number in {@code [from, to)}, or -1 (also when longer than a long holds: an event id). */
    private static long number(byte[] b, int from, int to) {
        if (from >= to) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = i - from < 18 ? v * 10 + d : 0;
        }
        return v;
    }
}
