package dev.apigwinsights.parse.template;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.apigwinsights.parse.AccessLogParseException;
import dev.apigwinsights.parse.AccessLogParser;
import dev.apigwinsights.parse.JsonAccessLogParser;
import dev.apigwinsights.parse.RawAccessLog;
import dev.apigwinsights.schema.ContextVariable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses lines of a JSON-shaped format.
 *
 * <p>A line that is well-formed JSON is read by the {@link JsonAccessLogParser} with an exact
 * key-to-variable map built from the format; that reading also copes with keys added to or
 * dropped from the stage's format since {@code LOG_FORMAT} was set. A line that is not (API
 * Gateway does not escape quotes in values, and writes {@code -} for an empty unquoted variable)
 * is matched literally against the format first, because the format's own text says exactly
 * where each value ends, even when a value contains {@code ","status":"}; only if that fails
 * does the JSON parser's repair (guided by the format's keys) get a go, and then a literal match
 * with no value shapes at all.
 *
 * <p>Members that are not a single known variable are finished here:
 * <ul>
 *   <li>a variable outside the vocabulary goes to {@code extra} under its path
 *       ({@code "tenant":"$context.authorizer.tenant"} gives {@code authorizer.tenant});</li>
 *   <li>a value made of several variables and text ({@code "route":"$context.httpMethod $context.resourcePath"})
 *       is split with a {@link SegmentMatcher}; when it cannot be split it stays in {@code extra}
 *       under its key, unless it holds a secret, in which case it is dropped;</li>
 *   <li>a member holding only literal text stays in {@code extra} under its key.</li>
 * </ul>
 */
final class JsonTemplateParser implements AccessLogParser {
    private static final JsonFactory VALIDATOR = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();
    private static final ThreadLocal<RawAccessLog> SCRATCH = ThreadLocal.withInitial(RawAccessLog::new);

    private final AccessLogParser json;
    private final SegmentMatcher wholeLine;
    private final List<JsonTemplate.Member> literalMembers = new ArrayList<>();
    private final Map<String, TemplateVariable> unknownByKey = new HashMap<>();
    private final Map<String, Composite> compositeByKey = new HashMap<>();
    private final long budget;

    /** A member whose value mixes variables and text. */
    private record Composite(SegmentMatcher matcher, boolean holdsSecret) {
    }

    /**
     * @param wholeLine the matcher for whole lines, or null when the format cannot be matched
     *                  literally (two variables with nothing between them)
     */
    JsonTemplateParser(JsonTemplate template, SegmentMatcher wholeLine, long budget) {
        this.wholeLine = wholeLine;
        this.budget = budget;
        Map<String, ContextVariable> exact = new HashMap<>();
        Set<String> keys = new LinkedHashSet<>();
        for (JsonTemplate.Member m : template.members()) {
            keys.add(m.key());
            TemplateVariable sole = m.soleVariable();
            // a later duplicate key replaces an earlier one, as in the line itself
            exact.remove(m.key());
            unknownByKey.remove(m.key());
            compositeByKey.remove(m.key());
            if (sole != null && sole.variable() != null) {
                exact.put(m.key(), sole.variable());
            } else if (sole != null) {
                unknownByKey.put(m.key(), sole);
            } else if (m.literalOnly()) {
                literalMembers.add(m);
            } else {
                compositeByKey.put(m.key(), new Composite(compileComposite(m), holdsSecret(m)));
            }
        }
        Map<String, ContextVariable> resolver = Map.copyOf(exact);
        this.json = new JsonAccessLogParser(resolver::get, keys);
    }

    private static SegmentMatcher compileComposite(JsonTemplate.Member m) {
        try {
            return SegmentMatcher.compile(m.value(), false);
        } catch (IllegalArgumentException e) {
            return null; // adjacent variables: kept whole under the key
        }
    }

    private static boolean holdsSecret(JsonTemplate.Member m) {
        for (TemplateVariable v : m.variables()) {
            if (v.variable() != null && v.variable().secret()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void parse(String line, RawAccessLog out) throws AccessLogParseException {
        if (line == null) {
            throw new AccessLogParseException("no line");
        }
        String jsonProblem = null;
        if (isValidJson(line)) {
            // Nothing in it needed repair, so the JSON reading is exact, and unlike a literal
            // match it also copes with keys added to or dropped from the stage's format.
            jsonProblem = readJson(line, out);
            if (jsonProblem == null) {
                return;
            }
        }
        // Unescaped quotes (or an unquoted '-'): the format itself says where values end.
        SegmentMatcher.Search search = wholeLine == null ? null : wholeLine.search(line, new WorkBudget(budget));
        boolean exhausted = false;
        try {
            if (search != null && (search.matches(ValueShape.Level.STRICT) || search.matches(ValueShape.Level.LENIENT))) {
                emitWholeLine(search, out);
                return;
            }
        } catch (WorkBudget.Exhausted e) {
            exhausted = true;
        }
        if (jsonProblem == null) {
            jsonProblem = readJson(line, out);
            if (jsonProblem == null) {
                return;
            }
        }
        try {
            if (search != null && !exhausted && search.matches(ValueShape.Level.RELAXED)) {
                emitWholeLine(search, out);
                return;
            }
        } catch (WorkBudget.Exhausted e) {
            exhausted = true;
        }
        throw new AccessLogParseException(LogFormat.NO_MATCH + (exhausted ? " (search budget exhausted)" : "")
                + "; as JSON: " + jsonProblem);
    }

    /** Reads the line with the JSON parser; returns null on success, else why it failed. */
    private String readJson(String line, RawAccessLog out) {
        RawAccessLog scratch = SCRATCH.get();
        scratch.clear();
        try {
            json.parse(line, scratch);
            finish(scratch, out);
            return null;
        } catch (AccessLogParseException e) {
            return e.getMessage();
        } finally {
            scratch.clear();
        }
    }

    private void emitWholeLine(SegmentMatcher.Search search, RawAccessLog out) {
        search.emitTo(out);
        for (JsonTemplate.Member m : literalMembers) {
            out.putExtra(m.key(), literalText(m));
        }
    }

    /** Whether the line is one well-formed JSON object (tokens only; values are not decoded). */
    static boolean isValidJson(String line) {
        try (JsonParser p = VALIDATOR.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private void finish(RawAccessLog parsed, RawAccessLog out) {
        for (int i = 0; i < ContextVariable.count(); i++) {
            ContextVariable v = ContextVariable.ofOrdinal(i);
            String value = parsed.get(v);
            if (value != null) {
                out.put(v, value);
            }
        }
        for (int i = 0; i < parsed.extraCount(); i++) {
            String key = parsed.extraKey(i);
            String value = parsed.extraValue(i);
            TemplateVariable unknown = unknownByKey.get(key);
            Composite composite = compositeByKey.get(key);
            if (unknown != null) {
                out.putExtra(unknown.path(), value);
            } else if (composite != null) {
                splitComposite(key, value, composite, out);
            } else {
                out.putExtra(key, value);
            }
        }
    }

    private void splitComposite(String key, String value, Composite composite, RawAccessLog out) {
        if (composite.matcher() != null) {
            SegmentMatcher.Search search = composite.matcher().search(value, new WorkBudget(budget));
            try {
                if (search.emitFirstMatch(out)) {
                    return;
                }
            } catch (WorkBudget.Exhausted e) {
                // fall through: keep or drop the value whole
            }
        }
        if (!composite.holdsSecret()) {
            out.putExtra(key, value);
        }
    }

    private static String literalText(JsonTemplate.Member m) {
        StringBuilder sb = new StringBuilder();
        for (Segment s : m.value()) {
            sb.append(((Segment.Literal) s).text());
        }
        return sb.toString();
    }
}
