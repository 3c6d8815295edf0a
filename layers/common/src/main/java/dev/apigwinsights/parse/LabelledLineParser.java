package dev.apigwinsights.parse;

import dev.apigwinsights.schema.ContextVariable;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines that name each value, in the two plain-text shapes custom formats take:
 * <ul>
 *   <li>{@code key: value} pairs joined by {@code ", "} (or {@code "; "}): the Serverless
 *       Framework's default REST access-log format ({@code requestId: $context.requestId, ip:
 *       $context.identity.sourceIp, caller: …, responseLength: $context.responseLength}) and the
 *       CDK and blog formats built like it;</li>
 *   <li>{@code key=value} pairs joined by spaces (logfmt), a value optionally in double quotes
 *       with backslash escapes.</li>
 * </ul>
 * Keys resolve as JSON keys do ({@link KeyAliases}); others go to {@code extra}. A value runs to the
 * next separator followed by a key and its colon (or equals sign), so a user agent's
 * {@code (KHTML, like Gecko)} stays whole. A line is taken as labelled only when it starts with a
 * known key and at least {@link #MIN_KNOWN_KEYS} of its keys are known (an HTTP API request id such as
 * {@code GQIVriFLIAMEMsA=} at the start of a space-separated custom line is no key); any other line
 * goes to the parser given for the rest (the console presets), which says why it fails.
 */
public final class LabelledLineParser implements AccessLogParser {
    /** Two known keys: one could be chance ({@code ERROR: disk full}), two name a request's values. */
    static final int MIN_KNOWN_KEYS = 2;
    /** Longer keys are no format's keys: they end the search early on a line of text. */
    private static final int MAX_KEY = 64;

    private final KeyResolver keys;
    private final AccessLogParser otherwise;

    public LabelledLineParser(KeyResolver keys, AccessLogParser otherwise) {
        this.keys = keys;
        this.otherwise = otherwise;
    }

    @Override
    public void parse(String line, RawAccessLog out) throws AccessLogParseException {
        if (line != null) {
            int i = skipSpaces(line, 0);
            List<String> pairs = colonPairs(line, i);
            if (pairs == null) {
                pairs = equalsPairs(line, i);
            }
            if (pairs != null) {
                ContextVariable[] vars = new ContextVariable[pairs.size() / 2];
                int known = 0;
                for (int k = 0; k < vars.length; k++) {
                    vars[k] = keys.resolve(pairs.get(2 * k));
                    known += vars[k] != null ? 1 : 0;
                }
                if (vars[0] != null && known >= MIN_KNOWN_KEYS) {
                    for (int k = 0; k < vars.length; k++) {
                        if (vars[k] != null) {
                            out.put(vars[k], pairs.get(2 * k + 1));
                        } else {
                            out.putExtra(pairs.get(2 * k), pairs.get(2 * k + 1));
                        }
                    }
                    return;
                }
            }
        }
        otherwise.parse(line, out);
    }

    /**
     * The keys and values of a {@code key: value, key: value} line, alternating; null unless the
     * line starts with a key, a colon and a space.
     */
    static List<String> colonPairs(String line, int from) {
        int keyEnd = keyEnd(line, from);
        if (keyEnd < 0 || !colonSpace(line, keyEnd)) {
            return null;
        }
        List<String> pairs = new ArrayList<>();
        int keyStart = from;
        while (true) {
            int valueStart = skipSpaces(line, keyEnd + 1);
            int next = nextColonPair(line, valueStart);
            int valueEnd = next < 0 ? line.length() : separatorAt(line, valueStart, next);
            pairs.add(line.substring(keyStart, keyEnd));
            pairs.add(line.substring(valueStart, valueEnd).strip());
            if (next < 0) {
                return pairs;
            }
            keyStart = next;
            keyEnd = keyEnd(line, keyStart);
        }
    }

    /** Where the key after the next separator starts, when a key with its colon and space follows it; -1 at the end. */
    private static int nextColonPair(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ',' || c == ';') {
                int key = skipSpaces(line, i + 1);
                int end = keyEnd(line, key);
                if (end > 0 && colonSpace(line, end)) {
                    return key;
                }
            }
        }
        return -1;
    }

    /** The separator's position: the last ',' or ';' before the key at {@code key}. */
    private static int separatorAt(String line, int valueStart, int key) {
        int i = key - 1;
        while (i > valueStart && line.charAt(i) != ',' && line.charAt(i) != ';') {
            i--;
        }
        return i;
    }

    /**
     * The keys and values of a logfmt line ({@code key=value key="quoted value"}), alternating;
     * null unless the line starts with a key and an equals sign. A word without one continues the
     * previous value (an unquoted user agent's spaces).
     */
    static List<String> equalsPairs(String line, int from) {
        int keyEnd = keyEnd(line, from);
        if (keyEnd < 0 || keyEnd >= line.length() || line.charAt(keyEnd) != '=') {
            return null;
        }
        List<String> pairs = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        int i = from;
        while (i < line.length()) {
            int end = keyEnd(line, i);
            if (end < 0 || end >= line.length() || line.charAt(end) != '=') {
                // a word that is not key=value: part of the value before it
                int wordEnd = i;
                while (wordEnd < line.length() && line.charAt(wordEnd) != ' ') {
                    wordEnd++;
                }
                value.append(' ').append(line, i, wordEnd);
                i = skipSpaces(line, wordEnd);
                continue;
            }
            if (!pairs.isEmpty()) {
                pairs.add(value.toString());
                value.setLength(0);
            }
            pairs.add(line.substring(i, end));
            int v = end + 1;
            if (v < line.length() && line.charAt(v) == '"') {
                v++;
                while (v < line.length() && line.charAt(v) != '"') {
                    char c = line.charAt(v++);
                    if (c == '\\' && v < line.length()) {
                        c = line.charAt(v++);
                    }
                    value.append(c);
                }
                v++; // the closing quote
            } else {
                while (v < line.length() && line.charAt(v) != ' ') {
                    value.append(line.charAt(v++));
                }
            }
            i = skipSpaces(line, Math.min(v, line.length()));
        }
        pairs.add(value.toString());
        return pairs;
    }

    /** The end of the key starting at {@code i} (letters, digits, {@code _ . $ @ -}, not starting with a digit or '-'); -1 if none. */
    private static int keyEnd(String line, int i) {
        if (i >= line.length() || !keyStart(line.charAt(i))) {
            return -1;
        }
        int j = i + 1;
        while (j < line.length() && j - i <= MAX_KEY && keyPart(line.charAt(j))) {
            j++;
        }
        return j - i > MAX_KEY ? -1 : j;
    }

    private static boolean keyStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$' || c == '@';
    }

    private static boolean keyPart(char c) {
        return keyStart(c) || c >= '0' && c <= '9' || c == '.' || c == '-';
    }

    private static boolean colonSpace(String line, int i) {
        return i + 1 < line.length() && line.charAt(i) == ':' && (line.charAt(i + 1) == ' ' || line.charAt(i + 1) == '\t');
    }

    private static int skipSpaces(String line, int i) {
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
