package dev.apigwinsights.pipeline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.apigwinsights.util.ByteScan;
import dev.apigwinsights.util.JsonWhitespace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits one decoded payload (a Firehose direct-put record, a file) into access-log entries.
 *
 * <ul>
 *   <li>JSON payloads (starting with {@code {}) hold one or more objects: one per line,
 *       {@code \r\n}-separated, with blank lines between, pretty-printed over several lines, or
 *       back to back ({@code {..}{..}}). Each object is one entry. Well-formed JSON is split
 *       exactly by its tokens. When some object is not well-formed (API Gateway does not escape
 *       quotes inside values) the payload is split where one object closes and the next opens
 *       ({@code }} then {@code {"}, whitespace allowed between); a value that itself contains that
 *       sequence is then cut, and the record fails rather than being glued into one row.</li>
 *   <li>Anything else (CLF, CSV, XML) is one entry per non-blank line.</li>
 * </ul>
 * A leading UTF-8 byte-order mark is skipped. Entries are returned as byte spans, so the hot path
 * (one line per record) builds no String.
 */
public final class LogEntries {
    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();
    private static final int[] NONE = new int[0];

    private LogEntries() {
    }

    /**
     * The entries of {@code b[from, to)} as {@code [start0, end0, start1, end1, ...]}, each trimmed
     * of whitespace; empty when the payload is blank.
     */
    public static int[] spans(byte[] b, int from, int to) {
        int start = from + (hasUtf8Bom(b, from, to) ? 3 : 0);
        start = JsonWhitespace.skip(b, start, to);
        int end = to;
        while (end > start && JsonWhitespace.is(b[end - 1])) {
            end--;
        }
        if (start == end) {
            return NONE;
        }
        if (b[start] != '{') {
            return lines(b, start, end);
        }
        if (!mayHoldSeveralObjects(b, start, end)) {
            return new int[] {start, end};
        }
        int[] exact = objectTokens(b, start, end);
        return exact != null ? exact : objectBoundaries(b, start, end);
    }

    /** The entries of a payload as strings (for callers that hold text, e.g. files read line by line). */
    public static List<String> split(String payload) {
        byte[] b = payload.getBytes(StandardCharsets.UTF_8);
        int[] spans = spans(b, 0, b.length);
        List<String> out = new ArrayList<>(spans.length / 2);
        for (int i = 0; i < spans.length; i += 2) {
            out.add(new String(b, spans[i], spans[i + 1] - spans[i], StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Drops a leading byte-order mark (files saved by some editors and exporters start with one). */
    public static String stripBom(String s) {
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    static boolean hasUtf8Bom(byte[] b, int from, int to) {
        return to - from >= 3 && (b[from] & 0xFF) == 0xEF && (b[from + 1] & 0xFF) == 0xBB && (b[from + 2] & 0xFF) == 0xBF;
    }

    /** False for the common case, one object on one line: no newline and no '}' followed by '{'. */
    private static boolean mayHoldSeveralObjects(byte[] b, int start, int end) {
        // The last byte cannot start a next object, so the closing brace of a one-line entry ends the scan.
        int last = end - 1;
        for (int i = ByteScan.lineBreakOrClosingBrace(b, start, last); i < last; i = ByteScan.lineBreakOrClosingBrace(b, i + 1, last)) {
            if (b[i] != '}') {
                return true;
            }
            int next = JsonWhitespace.skip(b, i + 1, end);
            if (next < end && b[next] == '{') {
                return true;
            }
        }
        return false;
    }

    /** The spans of a well-formed sequence of JSON objects, or null when it is not one. */
    private static int[] objectTokens(byte[] b, int start, int end) {
        int[] spans = new int[8];
        int n = 0;
        try (JsonParser p = STRICT.createParser(b, start, end - start)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_OBJECT) {
                    return null;
                }
                long from = p.currentTokenLocation().getByteOffset();
                p.skipChildren();
                long to = p.currentLocation().getByteOffset();
                if (from < 0 || to < 0) {
                    return null;
                }
                if (n + 2 > spans.length) {
                    spans = Arrays.copyOf(spans, spans.length * 2);
                }
                spans[n++] = start + (int) from;
                spans[n++] = start + (int) to;
            }
        } catch (IOException e) {
            return null;
        }
        return n == 0 ? null : Arrays.copyOf(spans, n);
    }

    /** Splits where an object closes and the next one opens: '}' whitespace* '{' whitespace* '"'. */
    private static int[] objectBoundaries(byte[] b, int start, int end) {
        int[] spans = new int[8];
        int n = 0;
        int pieceStart = start;
        for (int i = start; i < end; i++) {
            if (b[i] != '}') {
                continue;
            }
            int next = JsonWhitespace.skip(b, i + 1, end);
            if (next >= end || b[next] != '{') {
                continue;
            }
            int key = JsonWhitespace.skip(b, next + 1, end);
            if (key >= end || b[key] != '"') {
                continue;
            }
            if (n + 2 > spans.length) {
                spans = Arrays.copyOf(spans, spans.length * 2);
            }
            spans[n++] = pieceStart;
            spans[n++] = i + 1;
            pieceStart = next;
            i = next;
        }
        if (n + 2 > spans.length) {
            spans = Arrays.copyOf(spans, n + 2);
        }
        spans[n++] = pieceStart;
        spans[n++] = end;
        return Arrays.copyOf(spans, n);
    }

    private static int[] lines(byte[] b, int start, int end) {
        int[] spans = new int[8];
        int n = 0;
        int lineStart = start;
        for (int i = start; i <= end; i++) {
            if (i < end && b[i] != '\n') {
                continue;
            }
            int s = JsonWhitespace.skip(b, lineStart, i);
            int e = i;
            while (e > s && JsonWhitespace.is(b[e - 1])) {
                e--;
            }
            if (e > s) {
                if (n + 2 > spans.length) {
                    spans = Arrays.copyOf(spans, spans.length * 2);
                }
                spans[n++] = s;
                spans[n++] = e;
            }
            lineStart = i + 1;
        }
        return Arrays.copyOf(spans, n);
    }
}
