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
 * are counted with blank lines. An {@code EVENTS} line that has neither shape is sent as it stands,
 * so it fails with a reason and is kept. A message holding tabs keeps them: the fields around it
 * are counted from both ends.
 */
final class LogEventsTextFraming implements Framing {
    private static final byte[] EVENTS = "EVENTS\t".getBytes(StandardCharsets.US_ASCII);

    @Override
    public void read(InputStream in, InputContext context, RecordSink sink) throws IOException {
        CloudWatchGrouper grouper = new CloudWatchGrouper(sink, null);
        LineReader.forEach(in, sink, (line, lines) -> {
            if (!ByteArrays.startsWith(line, 0, line.length, EVENTS)) {
                sink.blankLine();
                return;
            }
            int[] tabs = tabs(line);
            int n = tabs.length; // fields after EVENTS: n
            long timestamp = n >= 3 ? number(line, tabs[n - 1] + 1, line.length) : -1;
            if (n >= 5 && timestamp >= 0 && number(line, tabs[0] + 1, tabs[1]) >= 0 && tabs[1] - tabs[0] - 1 > 20
                    && number(line, tabs[1] + 1, tabs[2]) >= 0) {
                String stream = new String(line, tabs[2] + 1, tabs[3] - tabs[2] - 1, StandardCharsets.UTF_8);
                add(grouper, sink, stream, timestamp, Arrays.copyOfRange(line, tabs[3] + 1, tabs[n - 1]));
            } else if (n >= 3 && timestamp >= 0 && number(line, tabs[0] + 1, tabs[1]) >= 0) {
                add(grouper, sink, null, timestamp, Arrays.copyOfRange(line, tabs[1] + 1, tabs[n - 1]));
            } else {
                grouper.add(null, context.runStartMs(), line);
            }
        });
        grouper.flush();
    }

    private static void add(CloudWatchGrouper grouper, RecordSink sink, String stream, long timestamp, byte[] message) throws IOException {
        if (LineReader.isBlank(message)) {
            sink.blankLine();
        } else {
            grouper.add(stream, timestamp, message);
        }
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

    private static int[] tabs(byte[] line) {
        int count = 0;
        for (byte b : line) {
            if (b == '\t') {
                count++;
            }
        }
        int[] at = new int[count];
        for (int i = 0, k = 0; i < line.length; i++) {
            if (line[i] == '\t') {
                at[k++] = i;
            }
        }
        return at;
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
