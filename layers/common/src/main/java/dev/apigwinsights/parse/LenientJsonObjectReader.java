package dev.apigwinsights.parse;

import dev.apigwinsights.util.JsonWhitespace;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

/**
 * Reads a JSON-shaped access-log line that is not valid JSON because API Gateway wrote values
 * verbatim: quotes, backslashes and braces inside a value are not escaped.
 *
 * <p>Keys come from the operator's template and are plain; only values are suspect. A string
 * value therefore ends at a quote that is followed by either {@code , "key":} or the closing
 * brace of its object. When a value itself contains such a sequence (a Lambda error message that
 * is JSON, say), the reader takes the first candidate whose following key is an expected key
 * (a known alias, or one of the template's keys) not yet seen in the object. Values are returned
 * exactly as written: no escape sequence is decoded, because API Gateway never encoded any.
 *
 * <p>Work is linear in the line length: a budget of {@value #WORK_FACTOR} character visits per
 * input character bounds the rescans, and a line over budget is reported as not repairable. The
 * visits are reported to the caller in batch-budget units ({@link RawAccessLog#addWork}).
 */
final class LenientJsonObjectReader {
    private static final int MAX_KEY_LENGTH = 256;
    private static final int WORK_FACTOR = 16;
    /** Batch-budget units per character visit (about a nanosecond each, measured). */
    static final int UNITS_PER_VISIT = 2;

    interface FieldSink {
        void accept(String key, String value);
    }

    private final String s;
    private final Predicate<String> expectedKey;
    private final int maxDepth;
    private final FieldSink sink;
    private long work;
    private final long workBudget;

    private LenientJsonObjectReader(String s, Predicate<String> expectedKey, int maxDepth, FieldSink sink) {
        this.s = s;
        this.expectedKey = expectedKey;
        this.maxDepth = maxDepth;
        this.sink = sink;
        this.workBudget = (long) WORK_FACTOR * s.length() + 1024;
    }

    /**
     * @param onWork receives the work spent, in batch-budget units, also when the line is not repairable
     */
    static void read(String line, Predicate<String> expectedKey, int maxDepth, FieldSink sink, LongConsumer onWork)
            throws AccessLogParseException {
        LenientJsonObjectReader r = new LenientJsonObjectReader(line, expectedKey, maxDepth, sink);
        try {
            int pos = r.skipWs(0);
            if (pos >= line.length() || line.charAt(pos) != '{') {
                throw new AccessLogParseException("not a JSON object");
            }
            int end = r.readObject(pos, "", 0);
            if (r.skipWs(end) != line.length()) {
                throw new AccessLogParseException("unexpected content after the object at offset " + end);
            }
        } finally {
            onWork.accept((r.work + line.length()) * UNITS_PER_VISIT);
        }
    }

    /** Reads the object whose '{' is at {@code pos}; returns the offset after its '}'. */
    private int readObject(int pos, String prefix, int depth) throws AccessLogParseException {
        if (depth >= maxDepth) {
            throw new AccessLogParseException("objects nested deeper than " + maxDepth);
        }
        Set<String> seen = new HashSet<>();
        int i = skipWs(pos + 1);
        if (i < s.length() && s.charAt(i) == '}') {
            return i + 1;
        }
        while (true) {
            if (i >= s.length() || s.charAt(i) != '"') {
                throw new AccessLogParseException("expected a key at offset " + i);
            }
            int keyEnd = s.indexOf('"', i + 1);
            if (keyEnd < 0 || keyEnd - i - 1 > MAX_KEY_LENGTH) {
                throw new AccessLogParseException("unterminated key at offset " + i);
            }
            String key = prefix + s.substring(i + 1, keyEnd);
            seen.add(key);
            i = skipWs(keyEnd + 1);
            if (i >= s.length() || s.charAt(i) != ':') {
                throw new AccessLogParseException("expected ':' at offset " + i);
            }
            i = skipWs(i + 1);
            if (i >= s.length()) {
                throw new AccessLogParseException("missing value at offset " + i);
            }
            char c = s.charAt(i);
            if (c == '{') {
                i = readObject(i, key + ".", depth + 1);
            } else {
                boolean quoted = c == '"';
                int valueStart = quoted ? i + 1 : i;
                int valueEnd = findValueEnd(valueStart, quoted, prefix, depth, seen);
                String value = s.substring(valueStart, valueEnd);
                sink.accept(key, quoted ? value : value.strip());
                i = quoted ? valueEnd + 1 : valueEnd;
            }
            i = skipWs(i);
            if (i >= s.length()) {
                throw new AccessLogParseException("unterminated object");
            }
            char next = s.charAt(i);
            if (next == '}') {
                return i + 1;
            }
            if (next != ',') {
                throw new AccessLogParseException("expected ',' or '}' at offset " + i);
            }
            i = skipWs(i + 1);
        }
    }

    /**
     * Finds where a value ends. For a quoted value the result is the offset of its closing quote;
     * for a bare value (an unquoted template variable such as {@code "status":$context.status}),
     * the offset after its last character.
     */
    private int findValueEnd(int from, boolean quoted, String prefix, int depth, Set<String> seen)
            throws AccessLogParseException {
        int firstCandidate = -1;
        for (int q = from; q < s.length(); q++) {
            if (++work > workBudget) {
                throw new AccessLogParseException("ambiguous value structure (repair budget exhausted)");
            }
            char c = s.charAt(q);
            if (quoted ? c != '"' : (c != ',' && c != '}' && !JsonWhitespace.is(c))) {
                continue;
            }
            int after = quoted ? q + 1 : q;
            Candidate k = candidateAt(after, prefix, depth);
            if (k == Candidate.NONE) {
                continue;
            }
            if (k == Candidate.END || (!seen.contains(k.key) && expectedKey.test(k.key))) {
                return q;
            }
            if (firstCandidate < 0) {
                firstCandidate = q;
            }
        }
        if (firstCandidate >= 0) {
            return firstCandidate;
        }
        throw new AccessLogParseException("cannot find the end of a value starting at offset " + from);
    }

    /** What follows a possible value end: the next key, the end of the object, or neither. */
    private Candidate candidateAt(int pos, String prefix, int depth) {
        int i = skipWsBounded(pos);
        if (i >= s.length()) {
            return Candidate.NONE;
        }
        char c = s.charAt(i);
        if (c == ',') {
            int k = skipWsBounded(i + 1);
            if (k >= s.length() || s.charAt(k) != '"') {
                return Candidate.NONE;
            }
            int keyEnd = k + 1;
            int limit = Math.min(s.length(), k + 1 + MAX_KEY_LENGTH);
            while (keyEnd < limit && s.charAt(keyEnd) != '"') {
                char kc = s.charAt(keyEnd);
                if (kc == '\n' || kc == '{' || kc == '}' || kc == ',' || kc == ':') {
                    return Candidate.NONE;
                }
                keyEnd++;
            }
            if (keyEnd >= limit || keyEnd == k + 1) {
                return Candidate.NONE;
            }
            int colon = skipWsBounded(keyEnd + 1);
            if (colon >= s.length() || s.charAt(colon) != ':') {
                return Candidate.NONE;
            }
            return new Candidate(prefix + s.substring(k + 1, keyEnd));
        }
        if (c == '}') {
            int rest = skipWsBounded(i + 1);
            if (depth == 0) {
                return rest == s.length() ? Candidate.END : Candidate.NONE;
            }
            if (rest == s.length() || s.charAt(rest) == ',' || s.charAt(rest) == '}') {
                return Candidate.END;
            }
        }
        return Candidate.NONE;
    }

    private int skipWs(int i) {
        while (i < s.length() && JsonWhitespace.is(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Whitespace skipping inside candidate checks counts against the work budget. */
    private int skipWsBounded(int i) {
        while (i < s.length() && JsonWhitespace.is(s.charAt(i))) {
            i++;
            work++;
        }
        return i;
    }


    private static final class Candidate {
        static final Candidate NONE = new Candidate(null);
        static final Candidate END = new Candidate(null);
        final String key;

        Candidate(String key) {
            this.key = key;
        }
    }
}
