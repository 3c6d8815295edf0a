package dev.apigwinsights.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.apigwinsights.schema.ContextVariable;
import dev.apigwinsights.util.JsonStrings;
import java.io.IOException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Parses a JSON access-log line whose keys may have any names. Keys map to context variables
 * through a {@link KeyResolver}; unknown keys go to {@code extra}; nested objects are flattened
 * with dots ({@code {"identity":{"sourceIp":..}}} is {@code identity.sourceIp}).
 *
 * <p>Valid JSON takes the fast path (Jackson streaming). API Gateway does not escape quotes or
 * backslashes inside values, so a user agent or error message containing {@code "} makes the line
 * invalid JSON; such lines go through {@link LenientJsonObjectReader}, which decides where each
 * value ends from the key structure around it.
 */
public final class JsonAccessLogParser implements AccessLogParser {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();
    private static final int MAX_DEPTH = 32;

    private final KeyResolver resolver;
    private final Predicate<String> expectedKey;
    private final FlatJsonScanner scanner;

    /** For lines of unknown format: any key the resolver knows counts as a real key when repairing. */
    public JsonAccessLogParser(KeyResolver resolver) {
        this.resolver = resolver;
        this.expectedKey = key -> resolver.resolve(key) != null;
        this.scanner = new FlatJsonScanner(resolver);
    }

    /**
     * For lines of a known template: only the template's own (flattened) keys count as real keys
     * when repairing, which makes repair exact whenever a value does not itself contain
     * {@code ","<one of those keys>":}.
     */
    public JsonAccessLogParser(KeyResolver resolver, Set<String> templateKeys) {
        this.resolver = resolver;
        Set<String> keys = Set.copyOf(templateKeys);
        this.expectedKey = keys::contains;
        this.scanner = new FlatJsonScanner(resolver);
    }

    @Override
    public void parse(String line, RawAccessLog out) throws AccessLogParseException {
        parse(() -> FACTORY.createParser(line), () -> line, out);
    }

    /**
     * The hot path: flat lines are read by {@link FlatJsonScanner}; anything else by Jackson's byte
     * parser, which still avoids building a String for valid lines.
     */
    @Override
    public void parse(byte[] utf8, int offset, int length, RawAccessLog out) throws AccessLogParseException {
        if (scanner.tryParse(utf8, offset, length, out)) {
            return;
        }
        out.clear();
        parse(() -> FACTORY.createParser(utf8, offset, length),
                () -> new String(utf8, offset, length, java.nio.charset.StandardCharsets.UTF_8), out);
    }

    private interface ParserSource {
        JsonParser open() throws IOException;
    }

    /** Strict parse first; only a line that is not valid JSON is decoded to text and repaired. */
    private void parse(ParserSource source, java.util.function.Supplier<String> text, RawAccessLog out)
            throws AccessLogParseException {
        String reason;
        try (JsonParser p = source.open()) {
            parseStrict(p, out);
            return;
        } catch (JsonProcessingException e) {
            reason = describe(e);
        } catch (IOException e) {
            reason = "unreadable JSON";
        }
        repair(text.get(), reason, out);
    }

    private static String describe(JsonProcessingException e) {
        if (e.getLocation() == null) {
            return "invalid JSON";
        }
        long offset = e.getLocation().getCharOffset() >= 0 ? e.getLocation().getCharOffset() : e.getLocation().getByteOffset();
        return offset >= 0 ? "invalid JSON at offset " + offset : "invalid JSON";
    }

    private void repair(String line, String reason, RawAccessLog out) throws AccessLogParseException {
        out.clear();
        try {
            LenientJsonObjectReader.read(line, expectedKey, MAX_DEPTH, (key, value) -> emit(key, value, out), out::addWork);
        } catch (AccessLogParseException e) {
            throw new AccessLogParseException(reason + "; not repairable: " + e.getMessage());
        }
    }

    private void parseStrict(JsonParser p, RawAccessLog out) throws IOException, AccessLogParseException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new AccessLogParseException("not a JSON object");
        }
        readObject(p, "", out);
        if (p.nextToken() != null) {
            // e.g. a value holding '"}' closed the object early: let the repair path decide
            throw new JsonParseStateException(p, "content after the end of the object");
        }
    }

    private void readObject(JsonParser p, String prefix, RawAccessLog out) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            String key = prefix.isEmpty() ? name : prefix + name;
            JsonToken v = p.nextToken();
            switch (v) {
                case START_OBJECT -> readObject(p, key + ".", out);
                case START_ARRAY -> emit(key, arrayText(p), out);
                case VALUE_NULL -> { }
                case VALUE_STRING -> emit(key, isDash(p) ? DASH : p.getText(), out);
                default -> emit(key, p.getText(), out);
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new JsonParseStateException(p, "unterminated object");
        }
    }

    private static final String DASH = "-";

    /** Most values in real logs are API Gateway's '-': recognise them without building a String. */
    private static boolean isDash(JsonParser p) throws IOException {
        return p.getTextLength() == 1 && p.getTextCharacters()[p.getTextOffset()] == '-';
    }

    /** An array value kept as compact JSON text (rare: templates log scalars). */
    private static String arrayText(JsonParser p) throws IOException {
        StringBuilder sb = new StringBuilder("[");
        int depth = 1;
        boolean first = true;
        JsonToken t;
        while (depth > 0 && (t = p.nextToken()) != null) {
            if (t == JsonToken.FIELD_NAME && Secrets.isSecretKey(p.currentName())) {
                p.nextToken();
                p.skipChildren(); // a secret inside an array: the member is left out
                continue;
            }
            if (t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT) {
                depth--;
                sb.append(t == JsonToken.END_ARRAY ? ']' : '}');
                first = false;
                continue;
            }
            if (!first && sb.charAt(sb.length() - 1) != '[' && sb.charAt(sb.length() - 1) != '{'
                    && sb.charAt(sb.length() - 1) != ':') {
                sb.append(',');
            }
            first = false;
            switch (t) {
                case START_ARRAY -> {
                    depth++;
                    sb.append('[');
                }
                case START_OBJECT -> {
                    depth++;
                    sb.append('{');
                }
                case FIELD_NAME -> {
                    JsonStrings.append(p.currentName(), sb);
                    sb.append(':');
                }
                case VALUE_STRING -> JsonStrings.append(p.getText(), sb);
                default -> sb.append(p.getText());
            }
        }
        return sb.toString();
    }

    private void emit(String key, String value, RawAccessLog out) {
        ContextVariable v = resolver.resolve(key);
        if (v != null) {
            out.put(v, value);
        } else if (value != null) {
            out.putExtra(key, value);
        }
    }

    /** Structure problems Jackson does not report itself: early end, or a truncated object. */
    private static final class JsonParseStateException extends JsonProcessingException {
        private static final long serialVersionUID = 1L;

        JsonParseStateException(JsonParser p, String message) {
            super(message, p.currentLocation());
        }
    }
}
