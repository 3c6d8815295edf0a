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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
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
 * <p>A line that is valid JSON but repeats a key is never read as JSON: a value holding
 * {@code ","status":"500} produces exactly that, and last-key-wins would let it forge the status,
 * request id, time and partition. Such a line is matched literally against the format (the
 * format's structure says which occurrence is real) or fails.
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
        JsonShape shape = jsonShape(line);
        String jsonProblem = null;
        if (shape == JsonShape.VALID) {
            // Nothing in it needed repair, so the JSON reading is exact, and unlike a literal
            // match it also copes with keys added to or dropped from the stage's format.
            jsonProblem = readJson(line, out);
            if (jsonProblem == null) {
                return;
            }
        }
        // Unescaped quotes (or an unquoted '-'): the format itself says where values end. A line
        // that repeats a key is read the same way: a value holding '","status":"500' makes valid
        // JSON whose last key would win, so only the format's own structure is trusted.
        WorkBudget work = new WorkBudget(budget);
        SegmentMatcher.Search search = wholeLine == null ? null : wholeLine.search(line, work);
        boolean exhausted = false;
        try {
            for (ValueShape.Level level : ValueShape.Level.values()) {
                if (level == ValueShape.Level.RELAXED && shape != JsonShape.DUPLICATE_KEYS) {
                    if (jsonProblem == null) {
                        jsonProblem = readJson(line, out);
                        if (jsonProblem == null) {
                            return;
                        }
                    }
                }
                if (search != null && search.matches(level)) {
                    emitWholeLine(search, out);
                    return;
                }
            }
        } catch (WorkBudget.Exhausted e) {
            exhausted = true;
        } finally {
            out.addWork(work.spentInBatchUnits());
        }
        if (shape == JsonShape.DUPLICATE_KEYS) {
            throw new AccessLogParseException(LogFormat.NO_MATCH + (exhausted ? " (search budget exhausted)" : "")
                    + "; the line repeats a key, so it is not read as JSON (a repeated key can forge a field)");
        }
        if (jsonProblem == null) {
            jsonProblem = readJson(line, out);
            if (jsonProblem == null) {
                return;
            }
        }
        throw new AccessLogParseException(LogFormat.NO_MATCH + (exhausted ? " (search budget exhausted)" : "")
                + "; as JSON: " + jsonProblem);
    }

    /** Reads the line with the JSON parser; returns null on success, else why it failed. */
    private String readJson(String line, RawAccessLog out) {
        RawAccessLog scratch = SCRATCH.get();
        scratch.reset();
        try {
            json.parse(line, scratch);
            finish(scratch, out);
            return null;
        } catch (AccessLogParseException e) {
            return e.getMessage();
        } finally {
            out.addWork(scratch.work());
            scratch.reset();
        }
    }

    private void emitWholeLine(SegmentMatcher.Search search, RawAccessLog out) {
        search.emitTo(out);
        for (JsonTemplate.Member m : literalMembers) {
            out.putExtra(m.key(), literalText(m));
        }
    }

    /** What a line is as JSON: one well-formed object, one that repeats a (flattened) key, or neither. */
    enum JsonShape { VALID, DUPLICATE_KEYS, INVALID }

    /** Reads tokens only; values are not decoded. */
    static JsonShape jsonShape(String line) {
        try (JsonParser p = VALIDATOR.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return JsonShape.INVALID;
            }
            Set<String> keys = new HashSet<>();
            Deque<String> prefixes = new ArrayDeque<>();
            String prefix = "";
            boolean duplicate = false;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    String key = prefix + p.currentName();
                    duplicate |= !keys.add(key);
                    JsonToken v = p.nextToken();
                    if (v == JsonToken.START_OBJECT) {
                        prefixes.push(prefix);
                        prefix = key + ".";
                    } else if (v == JsonToken.START_ARRAY) {
                        p.skipChildren(); // arrays are kept whole, not flattened
                    }
                } else if (t == JsonToken.END_OBJECT) {
                    if (prefixes.isEmpty()) {
                        return p.nextToken() == null
                                ? (duplicate ? JsonShape.DUPLICATE_KEYS : JsonShape.VALID) : JsonShape.INVALID;
                    }
                    prefix = prefixes.pop();
                }
            }
            return JsonShape.INVALID;
        } catch (IOException e) {
            return JsonShape.INVALID;
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
            WorkBudget work = new WorkBudget(budget);
            SegmentMatcher.Search search = composite.matcher().search(value, work);
            try {
                if (search.emitFirstMatch(out)) {
                    return;
                }
            } catch (WorkBudget.Exhausted e) {
                // fall through: keep or drop the value whole
            } finally {
                out.addWork(work.spentInBatchUnits());
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
