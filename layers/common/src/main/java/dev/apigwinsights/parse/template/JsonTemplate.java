package dev.apigwinsights.parse.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The structure of a JSON-shaped access-log format: each member's key (nested objects flattened
 * with dots, as the JSON parser reports them) and what its value is made of.
 *
 * <p>The format is read as JSON in which a {@code $context} variable can stand inside a string
 * ({@code "ip":"$context.identity.sourceIp"}, {@code "route":"$context.httpMethod $context.resourcePath"})
 * or alone as a bare value ({@code "status":$context.status}). Variables inside keys, arrays, and
 * bare values mixing a variable with text are not supported: such formats are matched as plain
 * layouts instead.
 */
final class JsonTemplate {
    /** Deeper formats are not read as JSON (the JSON parser flattens at most this deep too). */
    static final int MAX_DEPTH = 32;
    private static final Pattern JSON_LITERAL =
            Pattern.compile("true|false|null|-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    /**
     * One member of the object.
     *
     * @param key    the flattened key, e.g. {@code identity.ip} for {@code {"identity":{"ip":..}}}
     * @param value  literal text (JSON escapes decoded) and variables, in order; empty for {@code ""}
     * @param quoted whether the value is a JSON string in the format (false for {@code "status":$context.status})
     * @param offset where the key starts in the format
     */
    record Member(String key, List<Segment> value, boolean quoted, int offset) {

        /** The variable when the value is exactly one variable, else null. */
        TemplateVariable soleVariable() {
            return value.size() == 1 && value.get(0) instanceof TemplateVariable v ? v : null;
        }

        List<TemplateVariable> variables() {
            List<TemplateVariable> vars = new ArrayList<>();
            for (Segment s : value) {
                if (s instanceof TemplateVariable v) {
                    vars.add(v);
                }
            }
            return vars;
        }

        boolean literalOnly() {
            return variables().isEmpty();
        }
    }

    /** The format is not JSON-shaped; the message says why and where. */
    static final class NotJsonException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int offset;

        NotJsonException(String message, int offset) {
            super(message + " at offset " + offset, null, false, false);
            this.offset = offset;
        }

        int offset() {
            return offset;
        }
    }

    private final List<Member> members;

    private JsonTemplate(List<Member> members) {
        this.members = List.copyOf(members);
    }

    List<Member> members() {
        return members;
    }

    /** Reads the format's segments as a JSON object template. */
    static JsonTemplate parse(List<Segment> segments, int templateLength) throws NotJsonException {
        return new Reader(segments, templateLength).read();
    }

    /** A recursive-descent reader over the format, with variables as single opaque items. */
    private static final class Reader {
        private final int[] items;
        private final int[] offsets;
        private final List<TemplateVariable> vars = new ArrayList<>();
        private final int templateLength;
        private final List<Member> members = new ArrayList<>();
        private int p;

        Reader(List<Segment> segments, int templateLength) {
            this.templateLength = templateLength;
            int count = 0;
            for (Segment s : segments) {
                count += s instanceof Segment.Literal lit ? lit.text().length() : 1;
            }
            items = new int[count];
            offsets = new int[count];
            int k = 0;
            int offset = 0;
            for (Segment s : segments) {
                if (s instanceof Segment.Literal lit) {
                    for (int j = 0; j < lit.text().length(); j++) {
                        items[k] = lit.text().charAt(j);
                        offsets[k++] = offset++;
                    }
                } else {
                    TemplateVariable v = (TemplateVariable) s;
                    vars.add(v);
                    items[k] = -vars.size();
                    offset = v.offset();
                    offsets[k++] = offset;
                    offset += v.length();
                }
            }
        }

        JsonTemplate read() throws NotJsonException {
            skipWs();
            if (peek() != '{') {
                throw error("a JSON object must start with '{'");
            }
            readObject("", 0);
            skipWs();
            if (p < items.length) {
                throw error("unexpected content after the object");
            }
            return new JsonTemplate(members);
        }

        private void readObject(String prefix, int depth) throws NotJsonException {
            if (depth >= MAX_DEPTH) {
                throw error("objects nested deeper than " + MAX_DEPTH);
            }
            p++; // '{'
            skipWs();
            if (peek() == '}') {
                p++;
                return;
            }
            while (true) {
                skipWs();
                int keyOffset = offset();
                if (peek() != '"') {
                    throw error("expected a quoted key");
                }
                String key = prefix + readKey();
                skipWs();
                if (peek() != ':') {
                    throw error("expected ':' after a key");
                }
                p++;
                skipWs();
                readValue(key, keyOffset, depth);
                skipWs();
                int c = peek();
                if (c == ',') {
                    p++;
                } else if (c == '}') {
                    p++;
                    return;
                } else {
                    throw error("expected ',' or '}'");
                }
            }
        }

        private void readValue(String key, int keyOffset, int depth) throws NotJsonException {
            int c = peek();
            if (c == '{') {
                readObject(key + ".", depth + 1);
            } else if (c == '"') {
                members.add(new Member(key, readString(true), true, keyOffset));
            } else if (c == '[') {
                throw error("arrays are not supported");
            } else {
                members.add(new Member(key, readBare(), false, keyOffset));
            }
        }

        private String readKey() throws NotJsonException {
            List<Segment> segs = readString(false);
            return segs.isEmpty() ? "" : ((Segment.Literal) segs.get(0)).text();
        }

        /** Reads a string whose opening quote is at {@code p}; decodes escapes in its text. */
        private List<Segment> readString(boolean allowVariables) throws NotJsonException {
            p++;
            List<Segment> out = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            while (true) {
                if (p >= items.length) {
                    throw error("unterminated string");
                }
                int c = items[p];
                if (c < 0) {
                    if (!allowVariables) {
                        throw error("a $context variable inside a key is not supported");
                    }
                    flush(text, out);
                    out.add(vars.get(-c - 1));
                    p++;
                } else if (c == '"') {
                    p++;
                    flush(text, out);
                    return out;
                } else if (c == '\\') {
                    text.append(readEscape());
                } else {
                    text.append((char) c);
                    p++;
                }
            }
        }

        private char readEscape() throws NotJsonException {
            int c = p + 1 < items.length ? items[p + 1] : -1;
            p += 2;
            switch (c) {
                case '"': return '"';
                case '\\': return '\\';
                case '/': return '/';
                case 'b': return '\b';
                case 'f': return '\f';
                case 'n': return '\n';
                case 'r': return '\r';
                case 't': return '\t';
                case 'u': {
                    int v = 0;
                    for (int k = 0; k < 4; k++) {
                        int h = p < items.length ? items[p] : -1;
                        int d = h < 0 ? -1 : Character.digit((char) h, 16);
                        if (d < 0) {
                            throw error("invalid \\u escape");
                        }
                        v = v * 16 + d;
                        p++;
                    }
                    return (char) v;
                }
                default:
                    p -= 2;
                    throw error("invalid escape in a string");
            }
        }

        /** A bare value: one variable alone, or a JSON number, true, false or null. */
        private List<Segment> readBare() throws NotJsonException {
            int startOffset = offset();
            StringBuilder text = new StringBuilder();
            TemplateVariable var = null;
            int variables = 0;
            while (p < items.length) {
                int c = items[p];
                if (c >= 0 && (c == ',' || c == '}' || c == ']' || isWs(c))) {
                    break;
                }
                if (c < 0) {
                    var = vars.get(-c - 1);
                    variables++;
                } else {
                    text.append((char) c);
                }
                p++;
            }
            if (var != null) {
                if (variables != 1 || text.length() > 0) {
                    throw new NotJsonException("an unquoted value mixes a $context variable with other text", startOffset);
                }
                return List.of(var);
            }
            if (!JSON_LITERAL.matcher(text).matches()) {
                throw new NotJsonException(text.length() == 0 ? "missing value" : "invalid unquoted value", startOffset);
            }
            return List.of(new Segment.Literal(text.toString()));
        }

        private static void flush(StringBuilder text, List<Segment> out) {
            if (text.length() > 0) {
                out.add(new Segment.Literal(text.toString()));
                text.setLength(0);
            }
        }

        private int peek() {
            return p < items.length ? items[p] : Integer.MIN_VALUE;
        }

        private void skipWs() {
            while (p < items.length && items[p] >= 0 && isWs(items[p])) {
                p++;
            }
        }

        private static boolean isWs(int c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r';
        }

        private int offset() {
            return p < offsets.length ? offsets[p] : templateLength;
        }

        private NotJsonException error(String message) {
            return new NotJsonException(message, offset());
        }
    }
}
