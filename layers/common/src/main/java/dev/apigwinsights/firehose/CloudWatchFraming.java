package dev.apigwinsights.firehose;

import dev.apigwinsights.util.JsonWhitespace;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A CloudWatch Logs subscription envelope that reaches the processor uncompressed (Firehose's own
 * decompression is on). CloudWatch writes {@code messageType} first, but Firehose's decompression
 * is documented to hand over the envelope re-serialised (owner first, pretty-printed), so the
 * members are recognised in any order: an object whose first member is one of the envelope's
 * members and whose top level holds both {@code messageType} and {@code logEvents}. Only records
 * starting with an envelope member are scanned, so direct-put access-log lines cost one key
 * comparison. Read in place by {@link CloudWatchEnvelopeScanner}.
 */
final class CloudWatchFraming implements RecordFraming {
    private static final byte[] MESSAGE_TYPE = ascii("messageType");
    private static final byte[] LOG_EVENTS = ascii("logEvents");
    private static final List<byte[]> ENVELOPE_MEMBERS = List.of(MESSAGE_TYPE, LOG_EVENTS, ascii("owner"),
            ascii("logGroup"), ascii("logStream"), ascii("subscriptionFilters"), ascii("policyLevel"));

    @Override
    public boolean accepts(byte[] data, int length) {
        int i = JsonWhitespace.skip(data, 0, length);
        if (i >= length || data[i] != '{') {
            return false;
        }
        i = JsonWhitespace.skip(data, i + 1, length);
        if (i >= length || data[i] != '"') {
            return false;
        }
        int end = stringEnd(data, i, length);
        if (end < 0 || !isEnvelopeMember(data, i + 1, end)) {
            return false;
        }
        if (equals(data, i + 1, end, MESSAGE_TYPE)) {
            // CloudWatch's own order: nothing else starts that way, and the reader gives the verdict
            return true;
        }
        return hasTopLevelKey(data, length, i, MESSAGE_TYPE) && hasTopLevelKey(data, length, i, LOG_EVENTS);
    }

    @Override
    public RecordOutcome read(byte[] data, int length, RecordContext ctx) throws RecordFailedException {
        return CloudWatchEnvelopeScanner.read(CloudWatchPayload.of(data, length, ctx.work()),
                () -> new ByteArrayInputStream(data, 0, length), ctx);
    }

    private static boolean isEnvelopeMember(byte[] data, int from, int to) {
        for (byte[] member : ENVELOPE_MEMBERS) {
            if (equals(data, from, to, member)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the object whose first key starts at {@code from} (its opening quote) has {@code key}
     * as a member of its own, not of a nested value: strings are skipped whole, nesting is counted.
     */
    private static boolean hasTopLevelKey(byte[] data, int length, int from, byte[] key) {
        int depth = 1;
        int i = from;
        while (i < length && depth > 0) {
            byte b = data[i];
            if (b == '"') {
                int end = stringEnd(data, i, length);
                if (end < 0) {
                    return false;
                }
                if (depth == 1) {
                    int next = JsonWhitespace.skip(data, end + 1, length);
                    if (next < length && data[next] == ':' && equals(data, i + 1, end, key)) {
                        return true;
                    }
                }
                i = end + 1;
                continue;
            }
            if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                depth--;
            }
            i++;
        }
        return false;
    }

    /** The index of the quote closing the string opened at {@code quote}, or -1. */
    private static int stringEnd(byte[] data, int quote, int length) {
        for (int i = quote + 1; i < length; i++) {
            if (data[i] == '\\') {
                i++;
            } else if (data[i] == '"') {
                return i;
            }
        }
        return -1;
    }

    private static boolean equals(byte[] data, int from, int to, byte[] expected) {
        return to - from == expected.length && Arrays.equals(data, from, to, expected, 0, expected.length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
