package dev.apigwinsights.firehose;

import dev.apigwinsights.pipeline.AccessLogPipeline.Origin;
import dev.apigwinsights.util.ByteArrayBuilder;
import dev.apigwinsights.util.ByteScan;
import dev.apigwinsights.util.JsonStrings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The byte path for CloudWatch Logs subscription payloads: reads the envelopes' bytes directly and
 * unescapes each log event's {@code message} straight into a reused byte buffer, which goes to the
 * pipeline's byte parsers (the flat JSON scanner for JSON lines), with no String, no char parser and
 * no copy of the payload. Streaming like the general path, so a record of a million events is never
 * held whole and reading stops as soon as its output cannot fit.
 *
 * <p>It reads only what it can read exactly as {@link CloudWatchEnvelopeReader} (Jackson) does, and
 * makes the same decisions in the same order: members, first occurrences, a message that is not a
 * string, timestamps, the failure reasons. For anything else it stops and hands the whole record
 * to that reader, which starts it over ({@link RecordContext#restart()}): a string holding a raw
 * control character, UTF-8 that is not well formed, an escaped lone surrogate, a number that is not
 * a plain integer, a literal or structure that is not valid JSON, nesting deeper than
 * {@value #MAX_DEPTH}, a log event that is not an object, {@code logEvents} that is not an array
 * or comes before the envelope's other members, a byte-order mark or another encoding. So the byte
 * path can never change what a payload means; {@code CloudWatchScannerTest} holds it to that on
 * fixtures and thousands of mutated envelopes.
 */
final class CloudWatchEnvelopeScanner {
    private static final int MAX_DEPTH = 64;
    private static final byte[] MESSAGE_TYPE = ascii("messageType");
    private static final byte[] OWNER = ascii("owner");
    private static final byte[] LOG_GROUP = ascii("logGroup");
    private static final byte[] LOG_STREAM = ascii("logStream");
    private static final byte[] LOG_EVENTS = ascii("logEvents");
    private static final byte[] MESSAGE = ascii("message");
    private static final byte[] TIMESTAMP = ascii("timestamp");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    private static final byte[] NULL = ascii("null");
    /** Longest text of a timestamp the general path converts (its {@code getTextLength() <= 18}). */
    private static final int MAX_TIMESTAMP_TEXT = 18;

    /** The payload holds something only the general path reads exactly. */
    static final class Unsure extends Exception {
        private static final long serialVersionUID = 1L;
        static final Unsure INSTANCE = new Unsure();

        private Unsure() {
            super(null, null, false, false);
        }
    }

    private final CloudWatchPayload in;
    private final RecordContext ctx;
    private final ByteArrayBuilder message;
    private final ByteArrayBuilder key = new ByteArrayBuilder(32);
    /** Length of the number text last read by {@link #number}. */
    private int numberLength;

    private CloudWatchEnvelopeScanner(CloudWatchPayload in, RecordContext ctx) {
        this.in = in;
        this.ctx = ctx;
        this.message = ctx.buffers().message();
    }

    /**
     * Reads the payload into {@code ctx}, or, when it holds anything this path does not read
     * exactly, the whole record again from {@code general} with {@link CloudWatchEnvelopeReader}.
     */
    static RecordOutcome read(CloudWatchPayload payload, CloudWatchEnvelopeReader.Source general, RecordContext ctx)
            throws RecordFailedException {
        try {
            return scan(payload, ctx);
        } catch (Unsure e) {
            ctx.restart();
            return CloudWatchEnvelopeReader.read(general, ctx);
        } catch (CloudWatchPayload.Stopped e) {
            throw e.failure();
        } catch (IOException e) {
            throw CloudWatchEnvelopeReader.corrupt(e);
        }
    }

    /** The byte path alone: reads the payload, or gives up with {@link Unsure} (then {@code ctx} holds a partial record). */
    static RecordOutcome scan(CloudWatchPayload payload, RecordContext ctx)
            throws IOException, CloudWatchPayload.Stopped, Unsure, RecordFailedException {
        return new CloudWatchEnvelopeScanner(payload, ctx).payload();
    }

    private RecordOutcome payload() throws IOException, CloudWatchPayload.Stopped, Unsure, RecordFailedException {
        int envelopes = 0;
        int controls = 0;
        for (int c = skipWhitespace(); c >= 0; c = skipWhitespace()) {
            if (c != '{') {
                throw Unsure.INSTANCE;
            }
            in.pos++;
            controls += envelope() ? 1 : 0;
            envelopes++;
        }
        if (ctx.entries() > 0) {
            return RecordOutcome.OK;
        }
        return RecordOutcome.dropped(controls == envelopes ? "CloudWatch control message" : "CloudWatch message without log events");
    }

    /** One envelope after its '{'; true when it is a control message. */
    private boolean envelope() throws IOException, CloudWatchPayload.Stopped, Unsure, RecordFailedException {
        // messageType, owner, logGroup, logStream: the first of each counts, as on the general path
        String[] header = new String[4];
        int seen = 0;
        boolean sawEvents = false;
        int c = skipWhitespace();
        if (c == '}') {
            in.pos++;
        } else {
            while (true) {
                memberName();
                c = skipWhitespace();
                int at = is(MESSAGE_TYPE) ? 0 : is(OWNER) ? 1 : is(LOG_GROUP) ? 2 : is(LOG_STREAM) ? 3 : -1;
                if (at >= 0) {
                    String v = member(c);
                    header[at] = (seen & 1 << at) == 0 ? v : header[at];
                    seen |= 1 << at;
                } else if (is(LOG_EVENTS)) {
                    if (c != '[') {
                        throw Unsure.INSTANCE; // not an array, or not JSON: the general path says which
                    }
                    if (sawEvents) {
                        throw RecordFailedException.unreadable("CloudWatch payload has logEvents twice");
                    }
                    sawEvents = true;
                    if (seen != 0b1111) {
                        throw Unsure.INSTANCE; // the general path reads these events in a second pass
                    }
                    if (CloudWatchEnvelopeReader.CONTROL_MESSAGE.equals(header[0])) {
                        skipValue(c, 0);
                    } else {
                        in.pos++;
                        events(ctx.cloudWatch(header[2], header[3], header[1]));
                    }
                } else {
                    skipValue(c, 0);
                }
                if (!nextMember()) {
                    break;
                }
            }
        }
        boolean control = CloudWatchEnvelopeReader.CONTROL_MESSAGE.equals(header[0]);
        if (header[0] == null) {
            throw RecordFailedException.unreadable("CloudWatch payload has no messageType");
        }
        if (!control && !sawEvents) {
            throw RecordFailedException.unreadable("CloudWatch DATA_MESSAGE has no logEvents");
        }
        return control;
    }

    /** The elements of logEvents, after its '['. */
    private void events(Origin origin) throws IOException, CloudWatchPayload.Stopped, Unsure, RecordFailedException {
        int c = skipWhitespace();
        if (c == ']') {
            in.pos++;
            return;
        }
        int n = 0;
        while (true) {
            n++;
            if (c != '{') {
                throw Unsure.INSTANCE;
            }
            in.pos++;
            event(origin, n);
            c = skipWhitespace();
            if (c == ']') {
                in.pos++;
                return;
            }
            if (c != ',') {
                throw Unsure.INSTANCE;
            }
            in.pos++;
            c = skipWhitespace();
        }
    }

    /** One log event after its '{': its first message and its timestamp, then the entry. */
    private void event(Origin origin, int n) throws IOException, CloudWatchPayload.Stopped, Unsure, RecordFailedException {
        boolean sawMessage = false;
        boolean hasMessage = false;
        long timestamp = 0;
        int c = skipWhitespace();
        if (c == '}') {
            in.pos++;
        } else {
            while (true) {
                memberName();
                c = skipWhitespace();
                if (!sawMessage && is(MESSAGE)) {
                    sawMessage = true;
                    if (c == '"') {
                        in.pos++;
                        message.clear();
                        string(message);
                        hasMessage = true;
                    } else {
                        skipValue(c, 0);
                    }
                } else if (is(TIMESTAMP) && (c == '-' || (c >= '0' && c <= '9'))) {
                    long t = number(null);
                    if (numberLength <= MAX_TIMESTAMP_TEXT) {
                        timestamp = t;
                    }
                } else {
                    skipValue(c, 0);
                }
                if (!nextMember()) {
                    break;
                }
            }
        }
        if (!hasMessage) {
            throw RecordFailedException.unreadable(CloudWatchEnvelopeReader.LOG_EVENT + " " + n + " has no message string");
        }
        // One log event is one access-log entry, even when a value inside it holds a newline.
        byte[] b = message.array();
        int start = startOfText(b, message.length());
        int end = endOfText(b, start, message.length());
        if (end > start) {
            ctx.entry(b, start, end - start, ctx.withEventTime(origin, timestamp), CloudWatchEnvelopeReader.LOG_EVENT, n, -1);
        }
    }

    // ---- the entry's text, as LogEntries.stripBom(message).strip() leaves it --------------------

    /** After a leading byte-order mark and {@link Character#isWhitespace} code points. */
    private static int startOfText(byte[] b, int length) {
        int i = length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < length) {
            int cp = codePointAt(b, i);
            if (!Character.isWhitespace(cp)) {
                break;
            }
            i += utf8Length(cp);
        }
        return i;
    }

    /** Before trailing {@link Character#isWhitespace} code points. */
    private static int endOfText(byte[] b, int start, int length) {
        int end = length;
        while (end > start) {
            int first = end - 1;
            while (first > start && (b[first] & 0xC0) == 0x80) {
                first--;
            }
            if (!Character.isWhitespace(codePointAt(b, first))) {
                break;
            }
            end = first;
        }
        return end;
    }

    /** The code point starting at {@code i} of well-formed UTF-8. */
    private static int codePointAt(byte[] b, int i) {
        int b0 = b[i] & 0xFF;
        if (b0 < 0x80) {
            return b0;
        }
        if (b0 < 0xE0) {
            return (b0 & 0x1F) << 6 | (b[i + 1] & 0x3F);
        }
        if (b0 < 0xF0) {
            return (b0 & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | (b[i + 2] & 0x3F);
        }
        return (b0 & 0x07) << 18 | (b[i + 1] & 0x3F) << 12 | (b[i + 2] & 0x3F) << 6 | (b[i + 3] & 0x3F);
    }

    private static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }

    // ---- members ---------------------------------------------------------------------------------

    /** Reads a member's name (unescaped into {@link #key}) and the ':' after it. */
    private void memberName() throws IOException, CloudWatchPayload.Stopped, Unsure {
        if (skipWhitespace() != '"') {
            throw Unsure.INSTANCE;
        }
        in.pos++;
        key.clear();
        string(key);
        if (skipWhitespace() != ':') {
            throw Unsure.INSTANCE;
        }
        in.pos++;
    }

    private boolean is(byte[] name) {
        int n = name.length;
        if (key.length() != n) {
            return false;
        }
        byte[] k = key.array();
        for (int i = 0; i < n; i++) {
            if (k[i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** After a member's value: true when another member follows, false after the object's '}'. */
    private boolean nextMember() throws IOException, CloudWatchPayload.Stopped, Unsure {
        int c = skipWhitespace();
        in.pos++;
        if (c == ',') {
            return true;
        }
        if (c == '}') {
            return false;
        }
        throw Unsure.INSTANCE;
    }

    /**
     * An envelope member's value as the general path takes it: a string's text, a number's or a
     * boolean's text as written; null for null, an object or an array.
     */
    private String member(int c) throws IOException, CloudWatchPayload.Stopped, Unsure {
        switch (c) {
            case '"' -> {
                in.pos++;
                message.clear();
                string(message);
                return new String(message.array(), 0, message.length(), StandardCharsets.UTF_8);
            }
            case 't' -> {
                literal(TRUE);
                return "true";
            }
            case 'f' -> {
                literal(FALSE);
                return "false";
            }
            case 'n' -> {
                literal(NULL);
                return null;
            }
            case '{', '[' -> {
                skipValue(c, 0);
                return null;
            }
            default -> {
                if (c != '-' && (c < '0' || c > '9')) {
                    throw Unsure.INSTANCE;
                }
                message.clear();
                number(message);
                return new String(message.array(), 0, message.length(), StandardCharsets.US_ASCII);
            }
        }
    }

    // ---- values ----------------------------------------------------------------------------------

    /** Skips the value starting with {@code c} (not consumed yet), checking it is one this path reads. */
    private void skipValue(int c, int depth) throws IOException, CloudWatchPayload.Stopped, Unsure {
        switch (c) {
            case '"' -> {
                in.pos++;
                string(null);
            }
            case 't' -> literal(TRUE);
            case 'f' -> literal(FALSE);
            case 'n' -> literal(NULL);
            case '{' -> {
                if (depth >= MAX_DEPTH) {
                    throw Unsure.INSTANCE;
                }
                in.pos++;
                if (skipWhitespace() == '}') {
                    in.pos++;
                    return;
                }
                do {
                    memberName();
                    skipValue(skipWhitespace(), depth + 1);
                } while (nextMember());
            }
            case '[' -> {
                if (depth >= MAX_DEPTH) {
                    throw Unsure.INSTANCE;
                }
                in.pos++;
                int next = skipWhitespace();
                if (next == ']') {
                    in.pos++;
                    return;
                }
                while (true) {
                    skipValue(next, depth + 1);
                    int after = skipWhitespace();
                    in.pos++;
                    if (after == ']') {
                        return;
                    }
                    if (after != ',') {
                        throw Unsure.INSTANCE;
                    }
                    next = skipWhitespace();
                }
            }
            default -> {
                if (c != '-' && (c < '0' || c > '9')) {
                    throw Unsure.INSTANCE;
                }
                number(null);
            }
        }
    }

    /** A literal, then a byte that may follow a value. */
    private void literal(byte[] word) throws IOException, CloudWatchPayload.Stopped, Unsure {
        for (byte expected : word) {
            if (!in.more() || in.buf[in.pos] != expected) {
                throw Unsure.INSTANCE;
            }
            in.pos++;
        }
        endOfScalar();
    }

    /**
     * A plain JSON integer ({@code -?(0|[1-9][0-9]*)}), its text appended to {@code text} when not
     * null; its value (meaningful up to 18 characters); {@link #numberLength} its length. A fraction,
     * an exponent or leading zeros are left to the general path.
     */
    private long number(ByteArrayBuilder text) throws IOException, CloudWatchPayload.Stopped, Unsure {
        int length = 0;
        boolean negative = false;
        long value = 0;
        if (in.more() && in.buf[in.pos] == '-') {
            negative = true;
            length++;
            in.pos++;
            if (text != null) {
                text.append((byte) '-');
            }
        }
        int digits = 0;
        while (in.more()) {
            byte d = in.buf[in.pos];
            if (d < '0' || d > '9') {
                break;
            }
            if (digits == 1 && value == 0) {
                throw Unsure.INSTANCE; // a leading zero
            }
            value = value * 10 + (d - '0');
            digits++;
            in.pos++;
            if (text != null) {
                text.append(d);
            }
        }
        if (digits == 0) {
            throw Unsure.INSTANCE;
        }
        numberLength = length + digits;
        endOfScalar();
        return negative ? -value : value;
    }

    /** What follows a number or a literal must be whitespace, ',', '}' or ']' (checked, not consumed). */
    private void endOfScalar() throws IOException, CloudWatchPayload.Stopped, Unsure {
        if (!in.more()) {
            throw Unsure.INSTANCE;
        }
        byte c = in.buf[in.pos];
        if (c != ',' && c != '}' && c != ']' && c != ' ' && c != '\n' && c != '\r' && c != '\t') {
            throw Unsure.INSTANCE;
        }
    }

    /**
     * A string after its opening quote, up to and including its closing quote, unescaped into
     * {@code out} (or only checked, when null): plain ASCII is copied a run at a time.
     */
    private void string(ByteArrayBuilder out) throws IOException, CloudWatchPayload.Stopped, Unsure {
        while (true) {
            if (!in.more()) {
                throw Unsure.INSTANCE;
            }
            byte[] b = in.buf;
            int stop = out == null ? ByteScan.notPlainAscii(b, in.pos, in.limit) : copyPlain(b, in.pos, in.limit, out);
            in.pos = stop;
            if (stop == in.limit) {
                continue;
            }
            byte c = b[stop];
            in.pos++;
            if (c == '"') {
                return;
            }
            if (c == '\\') {
                escape(out);
            } else if (c >= 0) {
                throw Unsure.INSTANCE; // a raw control character
            } else {
                utf8(c & 0xFF, out);
            }
        }
    }

    /**
     * Unescapes plain ASCII and one-letter escapes from {@code b[from, to)} into {@code out}
     * ({@link JsonStrings#unescapePlain}); returns where it stopped: at the closing quote, an escape
     * it leaves to {@link #escape}, a control character, a non-ASCII byte, or {@code to}.
     */
    private static int copyPlain(byte[] b, int from, int to, ByteArrayBuilder out) {
        out.ensure(to - from + Long.BYTES);
        long stopAndEnd = JsonStrings.unescapePlain(b, from, to, out.array(), out.length());
        out.setLength((int) stopAndEnd);
        return (int) (stopAndEnd >>> 32);
    }

    /** An escape sequence after its backslash. */
    private void escape(ByteArrayBuilder out) throws IOException, CloudWatchPayload.Stopped, Unsure {
        int c = next();
        int unescaped = switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> -1;
            default -> throw Unsure.INSTANCE;
        };
        if (unescaped >= 0) {
            if (out != null) {
                out.append((byte) unescaped);
            }
            return;
        }
        int cp = hex4();
        if (cp >= 0xDC00 && cp <= 0xDFFF) {
            throw Unsure.INSTANCE; // a lone low surrogate
        }
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (next() != '\\' || next() != 'u') {
                throw Unsure.INSTANCE; // a lone high surrogate
            }
            int low = hex4();
            if (low < 0xDC00 || low > 0xDFFF) {
                throw Unsure.INSTANCE;
            }
            cp = Character.toCodePoint((char) cp, (char) low);
        }
        if (out != null) {
            appendUtf8(cp, out);
        }
    }

    private int hex4() throws IOException, CloudWatchPayload.Stopped, Unsure {
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(next(), 16);
            if (d < 0) {
                throw Unsure.INSTANCE;
            }
            v = v << 4 | d;
        }
        return v;
    }

    /**
     * The rest of a well-formed UTF-8 sequence whose first byte {@code b0} (0x80 or above) was read:
     * no overlong forms, no surrogates, nothing beyond U+10FFFF; anything else is left to the general path.
     */
    private void utf8(int b0, ByteArrayBuilder out) throws IOException, CloudWatchPayload.Stopped, Unsure {
        int more;
        int low = 0x80;
        int high = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            more = 1;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            more = 2;
            low = b0 == 0xE0 ? 0xA0 : 0x80;
            high = b0 == 0xED ? 0x9F : 0xBF;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            more = 3;
            low = b0 == 0xF0 ? 0x90 : 0x80;
            high = b0 == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw Unsure.INSTANCE;
        }
        if (out != null) {
            out.append((byte) b0);
        }
        for (int k = 0; k < more; k++) {
            int b = next();
            if (b < (k == 0 ? low : 0x80) || b > (k == 0 ? high : 0xBF)) {
                throw Unsure.INSTANCE;
            }
            if (out != null) {
                out.append((byte) b);
            }
        }
    }

    private static void appendUtf8(int cp, ByteArrayBuilder out) {
        if (cp < 0x80) {
            out.append((byte) cp);
        } else if (cp < 0x800) {
            out.append((byte) (0xC0 | cp >> 6));
            out.append((byte) (0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.append((byte) (0xE0 | cp >> 12));
            out.append((byte) (0x80 | (cp >> 6 & 0x3F)));
            out.append((byte) (0x80 | (cp & 0x3F)));
        } else {
            out.append((byte) (0xF0 | cp >> 18));
            out.append((byte) (0x80 | (cp >> 12 & 0x3F)));
            out.append((byte) (0x80 | (cp >> 6 & 0x3F)));
            out.append((byte) (0x80 | (cp & 0x3F)));
        }
    }

    // ---- bytes -----------------------------------------------------------------------------------

    /** The next byte (0-255), consumed; the payload must not end here. */
    private int next() throws IOException, CloudWatchPayload.Stopped, Unsure {
        if (!in.more()) {
            throw Unsure.INSTANCE;
        }
        return in.buf[in.pos++] & 0xFF;
    }

    /** Skips JSON whitespace; the next byte (0-255, not consumed), or -1 at the end of the payload. */
    private int skipWhitespace() throws IOException, CloudWatchPayload.Stopped {
        while (in.more()) {
            byte[] b = in.buf;
            int limit = in.limit;
            for (int i = in.pos; i < limit; i++) {
                byte c = b[i];
                if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                    in.pos = i;
                    return c & 0xFF;
                }
            }
            in.pos = limit;
        }
        return -1;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
