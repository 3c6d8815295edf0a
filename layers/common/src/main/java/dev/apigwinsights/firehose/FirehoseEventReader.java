package dev.apigwinsights.firehose;

import dev.apigwinsights.util.ByteScan;
import dev.apigwinsights.util.JsonStrings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a Firehose transformation event structurally: only the members of the top-level object
 * and of the objects directly inside its {@code records} array mean anything; every other value,
 * however deep or large, is skipped with a depth count (one bit per level, no object per level),
 * and numbers are never converted unless they are an arrival time. So a nested
 * {@code recordId}/{@code data} cannot fabricate a record, unknown fields nested thousands deep or
 * a 2,000-digit number cannot fail the batch, and every well-formed record is read exactly once.
 *
 * <p>An element of {@code records} that is not an object, or an object without {@code recordId},
 * cannot be answered (the response is keyed by id): it is counted in
 * {@link FirehoseEvent#unanswerable()}. Input that is not JSON, has no {@code records} array, or
 * has two of them is not a Firehose event: {@link IOException}, so the invocation fails and
 * Firehose retries it (and then keeps the whole batch in its error output).
 */
final class FirehoseEventReader {
    private static final byte[] RECORDS = bytes("records");
    private static final byte[] REGION = bytes("region");
    private static final byte[] STREAM_ARN = bytes("deliveryStreamArn");
    private static final byte[] RECORD_ID = bytes("recordId");
    private static final byte[] DATA = bytes("data");
    private static final byte[] ARRIVAL = bytes("approximateArrivalTimestamp");

    private final byte[] b;
    /** Where the event ends in {@code b} (a reused buffer, longer than the event). */
    private final int end;
    private int p;

    private FirehoseEventReader(byte[] b, int end) {
        this.b = b;
        this.end = end;
    }

    /** Reads the event {@code input[0, length)}. */
    static FirehoseEvent read(byte[] input, int length) throws IOException {
        return new FirehoseEventReader(input, length).event();
    }

    private FirehoseEvent event() throws IOException {
        ws();
        if (p >= end || b[p] != '{') {
            throw malformed("expected a JSON object");
        }
        p++;
        List<InputRecord> records = null;
        int unanswerable = 0;
        String region = null;
        String streamArn = null;
        if (!endOfMembers()) {
            do {
                Key key = key();
                if (key.is(RECORDS) && peek() == '[') {
                    if (records != null) {
                        throw malformed("two records arrays");
                    }
                    records = new ArrayList<>();
                    unanswerable = records(records);
                } else if (key.is(REGION) && peek() == '"') {
                    region = stringValue();
                } else if (key.is(STREAM_ARN) && peek() == '"') {
                    streamArn = stringValue();
                } else {
                    skipValue();
                }
            } while (nextMember());
        }
        ws();
        if (p != end) {
            throw malformed("content after the event object");
        }
        if (records == null) {
            throw new IOException("not a Firehose transformation event: no records array");
        }
        return new FirehoseEvent(records, unanswerable, FirehoseEvent.Origin.of(region, streamArn));
    }

    /** Reads the elements of records[]; returns how many could not be answered. */
    private int records(List<InputRecord> out) throws IOException {
        p++; // '['
        int unanswerable = 0;
        ws();
        if (peek() == ']') {
            p++;
            return 0;
        }
        while (true) {
            ws();
            if (peek() == '{') {
                InputRecord r = record();
                if (r == null) {
                    unanswerable++;
                } else {
                    out.add(r);
                }
            } else {
                skipValue();
                unanswerable++;
            }
            if (!another(']')) {
                return unanswerable;
            }
        }
    }

    /** One record object; null when it has no recordId. Only its own members are read. */
    private InputRecord record() throws IOException {
        p++; // '{'
        int idStart = -1;
        int idEnd = -1;
        boolean idScalar = false;
        InputRecord.DataKind dataKind = InputRecord.DataKind.ABSENT;
        int dataStart = -1;
        int dataEnd = -1;
        boolean dataEscaped = false;
        long arrival = 0;
        if (!endOfMembers()) {
            do {
                Key key = key();
                if (key.is(RECORD_ID) && idStart < 0) {
                    int c = peek();
                    idScalar = c != '{' && c != '[';
                    idStart = p;
                    skipValue();
                    idEnd = p;
                } else if (key.is(DATA) && dataKind == InputRecord.DataKind.ABSENT) {
                    if (peek() == '"') {
                        dataKind = InputRecord.DataKind.STRING;
                        dataStart = p + 1;
                        dataEscaped = string();
                        dataEnd = p - 1;
                    } else {
                        dataKind = InputRecord.DataKind.NOT_A_STRING;
                        skipValue();
                    }
                } else if (key.is(ARRIVAL) && isNumberStart(peek())) {
                    int start = p;
                    skipValue();
                    arrival = epochMillis(start, p);
                } else {
                    skipValue();
                }
            } while (nextMember());
        }
        if (idStart < 0) {
            return null;
        }
        return new InputRecord(b, idStart, idEnd, idScalar, dataKind, dataStart, dataEnd, dataEscaped, arrival);
    }

    /** A JSON number as whole epoch milliseconds; 0 when it is not one a clock could show. */
    private long epochMillis(int from, int to) {
        if (to - from > 40) {
            return 0;
        }
        if (to - from <= 15) {
            // The usual case, whole milliseconds: read without a String or a double.
            long v = 0;
            int i = from;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                v = v * 10 + (b[i++] - '0');
            }
            if (i == to) {
                return v > 0 && v < 1e15 ? v : 0;
            }
        }
        String text = new String(b, from, to - from, StandardCharsets.US_ASCII);
        try {
            double v = Double.parseDouble(text);
            return v > 0 && v < 1e15 ? (long) v : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    // ---- members ----------------------------------------------------------------------------

    /** After '{': true (and consumed) when the object is empty. */
    private boolean endOfMembers() throws IOException {
        ws();
        if (peek() == '}') {
            p++;
            return true;
        }
        if (peek() != '"') {
            throw malformed("expected a key");
        }
        return false;
    }

    /** After a member's value: true when another member follows (positioned at its key). */
    private boolean nextMember() throws IOException {
        if (!another('}')) {
            return false;
        }
        ws();
        if (peek() != '"') {
            throw malformed("expected a key");
        }
        return true;
    }

    /** After an element or member: true after a ',', false after {@code close}. */
    private boolean another(char close) throws IOException {
        ws();
        int c = next();
        if (c == close) {
            return false;
        }
        if (c != ',') {
            throw malformed("expected ',' or '" + close + "'");
        }
        return true;
    }

    private void colon() throws IOException {
        ws();
        if (next() != ':') {
            throw malformed("expected ':'");
        }
        ws();
    }

    /** A member's key (its quotes included), read with the ':' after it. */
    private record Key(byte[] b, int start, int end, boolean escaped) {
        boolean is(byte[] name) {
            if (!escaped) {
                return end - start - 2 == name.length && Arrays.equals(b, start + 1, end - 1, name, 0, name.length);
            }
            return JsonStrings.unescape(b, start + 1, end - 1).equals(new String(name, StandardCharsets.US_ASCII));
        }
    }

    private Key key() throws IOException {
        int start = p;
        boolean escaped = string();
        Key key = new Key(b, start, p, escaped);
        colon();
        return key;
    }

    private String stringValue() throws IOException {
        int start = p + 1;
        string();
        return JsonStrings.unescape(b, start, p - 1);
    }

    // ---- tokens ------------------------------------------------------------------------------

    /** Skips a string whose opening quote is at p; returns whether it holds an escape. */
    private boolean string() throws IOException {
        if (peek() != '"') {
            throw malformed("expected a string");
        }
        boolean escaped = false;
        int i = p + 1;
        while (true) {
            i = ByteScan.quoteOrBackslash(b, i, end);
            if (i >= end) {
                throw malformed("unterminated string");
            }
            if (b[i] == '"') {
                p = i + 1;
                return escaped;
            }
            escaped = true;
            i += 2;
        }
    }

    /**
     * Skips any value iteratively: one bit per open container says whether it is an object or an
     * array, so nesting costs no stack and no object per level, and brackets must match.
     */
    private void skipValue() throws IOException {
        ws();
        int c = peek();
        if (c != '{' && c != '[') {
            scalar();
            return;
        }
        long[] kinds = new long[4];
        int depth = 0;
        while (true) {
            ws();
            c = peek();
            if (c == '{' || c == '[') {
                if (depth == kinds.length * 64) {
                    kinds = Arrays.copyOf(kinds, kinds.length * 2);
                }
                if (c == '{') {
                    kinds[depth >> 6] |= 1L << (depth & 63);
                } else {
                    kinds[depth >> 6] &= ~(1L << (depth & 63));
                }
                depth++;
                p++;
                continue;
            }
            if (c == '}' || c == ']') {
                depth--;
                boolean object = (kinds[depth >> 6] & (1L << (depth & 63))) != 0;
                if (object != (c == '}')) {
                    throw malformed("mismatched brackets");
                }
                p++;
                if (depth == 0) {
                    return;
                }
                continue;
            }
            if (c == ',' || c == ':') {
                p++;
                continue;
            }
            if (c == '"') {
                string();
            } else {
                scalar();
            }
        }
    }

    /** A string, number, true, false or null. */
    private void scalar() throws IOException {
        int c = peek();
        if (c == '"') {
            string();
        } else if (isNumberStart(c)) {
            int start = p;
            while (p < end && isNumberChar(b[p])) {
                p++;
            }
            if (p == start) {
                throw malformed("invalid number");
            }
        } else if (literal("true") || literal("false") || literal("null")) {
            return;
        } else {
            throw malformed("unexpected character");
        }
    }

    private boolean literal(String word) {
        int n = word.length();
        if (p + n > end) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (b[p + k] != word.charAt(k)) {
                return false;
            }
        }
        p += n;
        return true;
    }

    private static boolean isNumberStart(int c) {
        return c == '-' || (c >= '0' && c <= '9');
    }

    private static boolean isNumberChar(byte c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
    }

    private void ws() {
        while (p < end && (b[p] == ' ' || b[p] == '\n' || b[p] == '\r' || b[p] == '\t')) {
            p++;
        }
    }

    private int peek() {
        return p < end ? b[p] : -1;
    }

    private int next() {
        return p < end ? b[p++] : -1;
    }

    private IOException malformed(String what) {
        return new IOException("not a Firehose transformation event: malformed JSON (" + what + " at offset " + p + ")");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
