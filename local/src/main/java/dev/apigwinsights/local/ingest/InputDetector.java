package dev.apigwinsights.local.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Recognises an input's kind from its first bytes (after gzip is undone), never from its name:
 * <ol>
 *   <li>Parquet's magic {@code PAR1} → apigw-insights rows in Parquet (the stack's default output);</li>
 *   <li>more than 1% control bytes → binary (an image, an archive): skipped as an input error;</li>
 *   <li>exactly {@code Permission Check Successful} → the permission check a CloudWatch Logs export
 *       task leaves beside its logs: skipped;</li>
 *   <li>a JSON object first: by its top-level keys, {@code records} → Firehose event,
 *       {@code events} → {@code aws logs} output, {@code results} → Logs Insights query results,
 *       {@code rawData} → processing-failed documents,
 *       {@code messageType} → subscription payloads, {@code source_kind} with
 *       {@code request_time} → apigw-insights rows, only log event members with a text
 *       {@code message} and a numeric {@code timestamp}, or a text {@code @message} (a Logs Insights
 *       row) → log events as objects; any other object →
 *       access-log lines (JSON);</li>
 *   <li>a JSON array of objects, strings or arrays first → JSON arrays ({@link JsonArrayFraming});</li>
 *   <li>a first line starting {@code <ISO-8601 time>Z } → a CloudWatch Logs export;</li>
 *   <li>a first line starting with an ISO-8601 time with a UTC offset, or to the second without
 *       one → {@code aws logs tail} output;</li>
 *   <li>a tab-separated {@code EVENTS} line first (after pagination tokens) → {@code aws logs}
 *       output in text;</li>
 *   <li>a first line of CSV with a field {@code @message} → Logs Insights results in CSV;</li>
 *   <li>anything else → access-log lines (CLF, CSV, XML, custom), judged line by line.</li>
 * </ol>
 */
final class InputDetector {
    /** How much of an input is looked at. */
    static final int HEAD_BYTES = 64 * 1024;
    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] EXPORT_PERMISSION_CHECK = "Permission Check Successful".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private InputDetector() {
    }

    static InputKind detect(byte[] head, int length) {
        if (isParquet(head, length)) {
            return InputKind.CANONICAL_PARQUET;
        }
        int i = skipBomAndWhitespace(head, length);
        if (i >= length) {
            return InputKind.EMPTY;
        }
        if (isBinary(head, length)) {
            return InputKind.BINARY;
        }
        if (isExportPermissionCheck(head, i, length)) {
            return InputKind.EXPORT_PERMISSION_CHECK;
        }
        if (head[i] == '{') {
            return byKeys(head, i, length);
        }
        if (head[i] == '[' && startsJsonArray(head, i + 1, length)) {
            return InputKind.JSON_ARRAY;
        }
        int eol = i;
        while (eol < length && head[eol] != '\n') {
            eol++;
        }
        byte[] first = java.util.Arrays.copyOfRange(head, i, eol);
        int space = -1;
        for (int k = 0; k < first.length && k < 40; k++) {
            if (first[k] == ' ') {
                space = k;
                break;
            }
        }
        if (space > 0 && CloudWatchExportFraming.parseTime(first, space) >= 0) {
            return InputKind.CLOUDWATCH_EXPORT;
        }
        if (LogsTailFraming.header(first) != null) {
            return InputKind.CLOUDWATCH_TAIL;
        }
        if (LogEventsTextFraming.detect(head, i, length)) {
            return InputKind.CLOUDWATCH_LOG_EVENTS_TEXT;
        }
        if (InsightsCsvFraming.isHeader(new String(first, java.nio.charset.StandardCharsets.UTF_8))) {
            return InputKind.INSIGHTS_CSV;
        }
        return InputKind.ACCESS_LOG_LINES;
    }

    private static InputKind byKeys(byte[] head, int from, int length) {
        Set<String> keys = new HashSet<>();
        boolean logEvent = true;
        boolean textMessage = false;
        boolean numericTimestamp = false;
        boolean insightsRow = false;
        try (JsonParser p = JSON.createParser(head, from, length - from)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if ("records".equals(name) && v == JsonToken.START_ARRAY) {
                    return InputKind.FIREHOSE_EVENT;
                }
                if ("events".equals(name) && v == JsonToken.START_ARRAY) {
                    return InputKind.CLOUDWATCH_LOG_EVENTS;
                }
                if ("results".equals(name) && v == JsonToken.START_ARRAY) {
                    return InputKind.JSON_ARRAY; // aws logs get-query-results
                }
                if ("rawData".equalsIgnoreCase(name) && v == JsonToken.VALUE_STRING) {
                    return InputKind.PROCESSING_FAILED;
                }
                if ("messageType".equals(name) && v == JsonToken.VALUE_STRING) {
                    return InputKind.CLOUDWATCH_SUBSCRIPTION;
                }
                keys.add(name);
                logEvent &= LogEventObject.isMember(name);
                textMessage |= "message".equals(name) && v == JsonToken.VALUE_STRING;
                numericTimestamp |= "timestamp".equals(name) && v == JsonToken.VALUE_NUMBER_INT;
                insightsRow |= "@message".equals(name) && v == JsonToken.VALUE_STRING;
                p.skipChildren();
            }
        } catch (IOException e) {
            // Broken JSON (API Gateway does not escape quotes) or a head cut mid-object: the keys
            // seen so far decide.
        }
        if (keys.contains("source_kind") && keys.contains("request_time")) {
            return InputKind.CANONICAL_ROWS;
        }
        if (logEvent && textMessage && numericTimestamp || insightsRow) {
            return InputKind.CLOUDWATCH_LOG_EVENT_OBJECTS;
        }
        return InputKind.ACCESS_LOG_LINES;
    }

    /**
     * Whether what follows a {@code [} opens an array of objects, strings or arrays, or closes an empty one:
     * a text log whose format starts with a bracketed time ({@code [01/Feb/2024:06:47:49 +0000] ...})
     * stays access-log lines.
     */
    private static boolean startsJsonArray(byte[] b, int from, int length) {
        int i = from;
        while (i < length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        return i < length && (b[i] == '{' || b[i] == '"' || b[i] == '[' || b[i] == ']');
    }

    /**
     * More than 1% (and more than 8) of the bytes are NUL or control characters no log holds (tab,
     * line breaks, form feed and ANSI escapes excepted): an image or an archive found in a
     * directory, not a log with a stray control character.
     */
    static boolean isBinary(byte[] b, int length) {
        int controls = 0;
        for (int i = 0; i < length; i++) {
            int c = b[i];
            if (c >= 0 && c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x0b && c != 0x1b || c == 0x7f) {
                controls++;
            }
        }
        return controls > 8 && controls * 100L > length;
    }

    /**
     * Whether the head holds a block of NUL bytes (64 or more in a row: what a crash or {@code
     * logrotate copytruncate} leaves in a text log, possibly longer than the head itself), which
     * {@link #isBinary} would otherwise judge the whole input by. Such an input is read without its
     * NULs and judged again: an executable or an image still has its other control bytes and stays
     * binary. Parquet, whose pages hold such runs, is recognised before.
     */
    static boolean hasZeroBlock(byte[] b, int length) {
        if (isParquet(b, length)) {
            return false;
        }
        int run = 0;
        for (int i = 0; i < length; i++) {
            run = b[i] == 0 ? run + 1 : 0;
            if (run >= 64) {
                return true;
            }
        }
        return false;
    }

    /** The whole input is the text an export task writes to {@code aws-logs-write-test}. */
    private static boolean isExportPermissionCheck(byte[] head, int from, int length) {
        int end = length;
        while (end > from && isWhitespace(head[end - 1])) {
            end--;
        }
        return end - from == EXPORT_PERMISSION_CHECK.length
                && java.util.Arrays.equals(head, from, end, EXPORT_PERMISSION_CHECK, 0, EXPORT_PERMISSION_CHECK.length);
    }

    private static boolean isParquet(byte[] b, int length) {
        return length >= 4 && b[0] == 'P' && b[1] == 'A' && b[2] == 'R' && b[3] == '1';
    }

    /** Whether the input starts with a UTF-8 byte order mark ({@code EF BB BF}). */
    static boolean hasUtf8Bom(byte[] b, int length) {
        return length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    private static int skipBomAndWhitespace(byte[] b, int length) {
        int i = hasUtf8Bom(b, length) ? 3 : 0;
        while (i < length && isWhitespace(b[i])) {
            i++;
        }
        return i;
    }

    /** Whether {@code b} is the whitespace a blank line may hold. */
    static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** Whether the first {@code length} bytes of {@code head} hold nothing but whitespace (after a UTF-8 byte order mark). */
    static boolean isBlank(byte[] head, int length) {
        return skipBomAndWhitespace(head, length) >= length;
    }
}
