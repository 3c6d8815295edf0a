package dev.apigwinsights.parse.template;

import dev.apigwinsights.parse.AccessLogParser;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A stage's access-log format (the {@code $context} template set as {@code LOG_FORMAT}),
 * compiled into a parser for the lines it produces.
 *
 * <p>JSON-shaped formats are read as JSON with an exact key-to-variable map taken from the
 * format, so keys can have any names ({@code {"who":"$context.identity.sourceIp"}}). Every other
 * format (CLF, CSV, XML, custom) is matched literally: the text between variables must appear as
 * written, and a search decides where each value ends, because API Gateway writes values without
 * escaping delimiters or quotes. Variables outside {@link dev.apigwinsights.schema.ContextVariable}
 * (custom claims, authorizer context keys) are kept in {@code extra} under their path; secret
 * variables are never kept.
 *
 * <p>Immutable and thread-safe.
 */
public final class LogFormat {
    /**
     * Work allowed per line, in {@link WorkBudget} units (candidate splits tried, literal
     * occurrences indexed, 32 characters scanned), plus {@value #WORK_PER_VARIABLE} per variable
     * of the format. A matching line of a realistic format needs a few hundred; a line that
     * exhausts it is reported as not matching.
     */
    public static final long WORK_BUDGET = 300_000;
    static final long WORK_PER_VARIABLE = 64;

    static final String NO_MATCH = "line does not match the configured LOG_FORMAT";

    private final String template;
    private final List<Segment> segments;
    private final List<TemplateVariable> variables;
    private final JsonTemplate json;
    private final String notJsonReason;
    private final AccessLogParser parser;

    private LogFormat(String template, List<Segment> segments, JsonTemplate json, String notJsonReason,
            AccessLogParser parser) {
        this.template = template;
        this.segments = List.copyOf(segments);
        List<TemplateVariable> vars = new ArrayList<>();
        for (Segment s : segments) {
            if (s instanceof TemplateVariable v) {
                vars.add(v);
            }
        }
        this.variables = List.copyOf(vars);
        this.json = json;
        this.notJsonReason = notJsonReason;
        this.parser = parser;
    }

    /**
     * Compiles a format.
     *
     * @throws IllegalArgumentException when the format cannot describe parseable lines: it is
     *         empty, has no {@code $context} variable, or (outside JSON values) has two variables
     *         with nothing between them. The message says what is wrong and where.
     */
    public static LogFormat compile(String template) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("the format is empty");
        }
        List<Segment> segments = TemplateTokenizer.tokenize(template);
        if (segments.stream().noneMatch(s -> s instanceof TemplateVariable)) {
            throw new IllegalArgumentException("the format contains no $context variables"
                    + " (API Gateway requires at least $context.requestId or $context.extendedRequestId)");
        }
        JsonTemplate json = null;
        String notJsonReason = null;
        if (template.strip().startsWith("{")) {
            try {
                json = JsonTemplate.parse(segments, template.length());
            } catch (JsonTemplate.NotJsonException e) {
                notJsonReason = e.getMessage();
            }
        }
        SegmentMatcher wholeLine;
        try {
            wholeLine = SegmentMatcher.compile(segments, true);
        } catch (IllegalArgumentException e) {
            if (json == null) {
                throw new IllegalArgumentException("unusable format: " + e.getMessage(), e);
            }
            wholeLine = null; // the JSON reading does not need it
        }
        long variables = segments.stream().filter(s -> s instanceof TemplateVariable).count();
        long budget = WORK_BUDGET + WORK_PER_VARIABLE * variables;
        AccessLogParser parser = json != null
                ? new JsonTemplateParser(json, wholeLine, budget)
                : new TemplateLineParser(wholeLine, budget);
        return new LogFormat(template, segments, json, notJsonReason, parser);
    }

    /** The parser for lines of this format. Thread-safe and reusable. */
    public AccessLogParser parser() {
        return parser;
    }

    /** The format as given. */
    public String template() {
        return template;
    }

    /** The variables in the order they appear (a variable used twice appears twice). */
    public List<TemplateVariable> variables() {
        return variables;
    }

    /** Whether the format is a JSON object once its variables are filled in. */
    public boolean isJson() {
        return json != null;
    }

    /**
     * Writes a line the way API Gateway does: the format with each variable replaced by its value,
     * verbatim (nothing is escaped).
     */
    public String render(Function<TemplateVariable, String> values) {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments) {
            if (s instanceof Segment.Literal lit) {
                sb.append(lit.text());
            } else {
                sb.append(values.apply((TemplateVariable) s));
            }
        }
        return sb.toString();
    }

    /** Why a format that starts with '{' is not read as JSON, or null. */
    public String notJsonReason() {
        return notJsonReason;
    }

    /**
     * One member of a JSON-shaped format, as a format checker needs to see it.
     *
     * @param key          the flattened key ({@code identity.ip} for {@code {"identity":{"ip":..}}})
     * @param quoted       whether the value is a JSON string in the format
     * @param soleVariable the variable when the value is exactly one, else null
     * @param literalOnly  whether the value holds no variable at all
     * @param numeric      whether the sole variable always has an integer value (safe unquoted)
     * @param splitProblem why a value of several variables cannot be split into them, or null
     */
    public record JsonMember(String key, boolean quoted, TemplateVariable soleVariable, boolean literalOnly,
                             boolean numeric, String splitProblem) {
    }

    /** The members of a JSON-shaped format, in order; empty when the format is not JSON-shaped. */
    public List<JsonMember> jsonMembers() {
        if (json == null) {
            return List.of();
        }
        List<JsonMember> members = new ArrayList<>();
        for (JsonTemplate.Member m : json.members()) {
            TemplateVariable sole = m.soleVariable();
            String problem = null;
            if (sole == null && !m.literalOnly()) {
                try {
                    SegmentMatcher.compile(m.value(), false);
                } catch (IllegalArgumentException e) {
                    problem = e.getMessage();
                }
            }
            boolean numeric = sole != null && sole.variable() != null && ValueShape.of(sole.variable()).numeric();
            members.add(new JsonMember(m.key(), m.quoted(), sole, m.literalOnly(), numeric, problem));
        }
        return members;
    }

    /**
     * The variables a format mentions, in order, read without compiling it (so also for a format
     * {@link #compile} rejects).
     */
    public static List<TemplateVariable> variablesOf(String template) {
        List<TemplateVariable> vars = new ArrayList<>();
        for (Segment s : TemplateTokenizer.tokenize(template)) {
            if (s instanceof TemplateVariable v) {
                vars.add(v);
            }
        }
        return vars;
    }

    @Override
    public String toString() {
        return "LogFormat[" + (json != null ? "json, " : "") + variables.size() + " variables]";
    }
}
