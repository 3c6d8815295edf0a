package dev.apigwinsights.local.format;

import static dev.apigwinsights.schema.ContextVariable.*;

import dev.apigwinsights.parse.AccessLogParseException;
import dev.apigwinsights.parse.RawAccessLog;
import dev.apigwinsights.parse.template.LogFormat;
import dev.apigwinsights.parse.template.TemplateVariable;
import dev.apigwinsights.schema.CanonicalField;
import dev.apigwinsights.schema.ContextVariable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an access-log format before it is deployed (the {@code validate-format} command; CLI
 * only, so it lives outside the Lambda layer): whether
 * API Gateway will accept it, whether we can parse its lines, what it loses and which columns it
 * fills. Stateless and thread-safe.
 */
public final class FormatValidator {

    /** Variables (or alternatives) the dashboards need, with what they are for. */
    private static final List<Need> DASHBOARD_NEEDS = List.of(
            new Need("request id", REQUEST_ID),
            new Need("request time", REQUEST_TIME, REQUEST_TIME_EPOCH),
            new Need("HTTP method", HTTP_METHOD),
            new Need("route", PATH, RESOURCE_PATH, ROUTE_KEY),
            new Need("status", STATUS),
            new Need("client IP", IDENTITY_SOURCE_IP),
            new Need("API id", API_ID),
            new Need("stage", STAGE),
            new Need("response latency", RESPONSE_LATENCY),
            new Need("integration latency", INTEGRATION_LATENCY, INTEGRATION_LATENCY_GROUPED),
            new Need("error message", ERROR_MESSAGE, ERROR_MESSAGE_STRING),
            new Need("error type", ERROR_RESPONSE_TYPE),
            new Need("user agent", IDENTITY_USER_AGENT),
            new Need("domain", DOMAIN_NAME),
            new Need("API key id, for REST usage plans", IDENTITY_API_KEY_ID));

    /** Numeric variables API Gateway writes for every request, so they are safe unquoted in JSON. */
    private static final Set<ContextVariable> ALWAYS_NUMERIC =
            EnumSet.of(STATUS, RESPONSE_LENGTH, RESPONSE_LATENCY, REQUEST_TIME_EPOCH);

    private record Need(String purpose, ContextVariable... anyOf) {
        String describe() {
            List<String> names = new ArrayList<>();
            for (ContextVariable v : anyOf) {
                names.add(v.template());
            }
            return String.join(" or ", names) + " (" + purpose + ")";
        }
    }

    public FormatReport validate(String template) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (template == null || template.isBlank()) {
            errors.add("the format is empty");
            return new FormatReport(template == null ? "" : template, false, errors, warnings, List.of(), List.of(),
                    List.of(), List.of(), List.of(), List.of(), Optional.empty());
        }

        LogFormat format = null;
        try {
            format = LogFormat.compile(template);
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
        List<TemplateVariable> vars = format != null ? format.variables() : LogFormat.variablesOf(template);

        Set<String> paths = new LinkedHashSet<>();
        Set<ContextVariable> present = EnumSet.noneOf(ContextVariable.class);
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> secrets = new LinkedHashSet<>();
        for (TemplateVariable v : vars) {
            if (!paths.add(v.path())) {
                continue;
            }
            ContextVariable known = v.variable();
            if (known == null) {
                unknown.add(v.path());
                warnings.add(describeUnknown(v));
                continue;
            }
            if (!known.path().equals(v.path())) {
                warnings.add(v.template() + ": variable names are case-sensitive in API Gateway;"
                        + " did you mean " + known.template() + "? (API Gateway would not fill this one in)");
                continue;
            }
            present.add(known);
            if (known.secret()) {
                secrets.add(v.path());
                warnings.add(v.template() + " holds a secret (" + secretKind(known) + "): apigw-insights drops it,"
                        + " and it should not be logged at all; remove it from the format");
            }
        }
        if (!vars.isEmpty() && !present.contains(REQUEST_ID) && !present.contains(EXTENDED_REQUEST_ID)) {
            errors.add("API Gateway requires $context.requestId or $context.extendedRequestId in the format"
                    + " (include both, as a best practice)");
        }

        List<String> duplicates = new ArrayList<>();
        if (format != null && format.isJson()) {
            checkJson(format.jsonMembers(), warnings, duplicates);
        } else if (format != null && format.notJsonReason() != null) {
            warnings.add("the format starts with '{' but is not a JSON object once its variables are filled in ("
                    + format.notJsonReason() + "); lines will be matched literally against it");
        }
        if (template.contains("${context.")) {
            warnings.add("'${context.' is not substituted by API Gateway: write $context.<name> without braces");
        }
        String body = template.replaceFirst("[\\r\\n]+$", "");
        if (body.indexOf('\n') >= 0 || body.indexOf('\r') >= 0) {
            warnings.add("the format spans several lines: API Gateway requires a single line"
                    + " (a trailing newline is allowed)");
        }

        List<String> missing = new ArrayList<>();
        for (Need need : DASHBOARD_NEEDS) {
            boolean has = false;
            for (ContextVariable v : need.anyOf()) {
                has |= present.contains(v);
            }
            if (!has) {
                missing.add(need.describe());
            }
        }
        if (!missing.isEmpty() && !vars.isEmpty()) {
            warnings.add("the dashboards use variables the format lacks: " + String.join(", ", missing));
        }

        List<CanonicalField> columns = columns(present, !unknown.isEmpty() || hasExtraMembers(format));
        Optional<FormatReport.Sample> sample = Optional.empty();
        if (format != null) {
            FormatReport.Sample sampled = sample(format);
            sample = Optional.of(sampled);
            if (sampled.parsed().isEmpty() && !sampled.roundTrips()) {
                errors.add("a sample line rendered from the format does not parse: " + sampled.mismatches().get(0));
            } else if (!sampled.roundTrips()) {
                warnings.add("a sample line rendered from the format does not parse back as written for "
                        + String.join(", ", sampled.mismatches())
                        + " (a value containing the text that follows it in the format makes the split ambiguous)");
            }
        }
        return new FormatReport(template, format != null && format.isJson(), errors, warnings, List.copyOf(paths),
                List.copyOf(unknown), List.copyOf(secrets), missing, duplicates, columns, sample);
    }

    private static void checkJson(List<LogFormat.JsonMember> members, List<String> warnings, List<String> duplicates) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (LogFormat.JsonMember m : members) {
            if (seen.merge(m.key(), 1, Integer::sum) == 2) {
                duplicates.add(m.key());
                warnings.add("JSON key \"" + m.key() + "\" occurs more than once: JSON readers keep only one of its values");
            }
            TemplateVariable sole = m.soleVariable();
            if (!m.quoted() && sole != null) {
                ContextVariable v = sole.variable();
                if (v == ERROR_MESSAGE_STRING) {
                    continue; // written with its own quotes: meant to be unquoted
                }
                if (v == null || !m.numeric()) {
                    warnings.add("\"" + m.key() + "\": " + sole.template() + " is not quoted and is not a number,"
                            + " so lines will not be valid JSON (apigw-insights still reads them); quote it");
                } else if (!ALWAYS_NUMERIC.contains(v)) {
                    warnings.add("\"" + m.key() + "\": " + sole.template() + " is not quoted; API Gateway writes '-'"
                            + " when it has no value, which makes that line invalid JSON; quote it");
                }
            } else if (m.quoted() && sole != null && sole.variable() == ERROR_MESSAGE_STRING) {
                warnings.add("\"" + m.key() + "\": $context.error.messageString already includes quotes;"
                        + " write it unquoted or use $context.error.message");
            } else if (m.splitProblem() != null) {
                warnings.add("\"" + m.key() + "\": " + m.splitProblem() + "; the value is kept whole in extra");
            }
        }
    }

    private static boolean hasExtraMembers(LogFormat format) {
        if (format == null || !format.isJson()) {
            return false;
        }
        for (LogFormat.JsonMember m : format.jsonMembers()) {
            if (m.literalOnly()) {
                return true;
            }
        }
        return false;
    }

    private static String describeUnknown(TemplateVariable v) {
        String p = v.path();
        if (v.freeForm()) {
            String suffix = p.substring(p.lastIndexOf('.') + 1);
            if (suffix.equals("property")) {
                return v.template() + " looks like the placeholder from the documentation: replace 'property'"
                        + " with the claim or authorizer context key you want";
            }
            return v.template() + " is a custom " + (p.toLowerCase(Locale.ROOT).startsWith("authorizer.claims.")
                    ? "claim" : "authorizer context key") + ": kept in extra as '" + p + "'";
        }
        String message = v.template() + " is not an access-log variable we know: kept in extra as '" + p + "'";
        String guess = closest(p);
        return guess == null ? message : message + "; did you mean $context." + guess + "?";
    }

    private static String secretKind(ContextVariable v) {
        return v == IDENTITY_API_KEY ? "the API key value" : "the client certificate";
    }

    /** The known path within a small edit distance of {@code path}, if any. */
    private static String closest(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Math.max(2, p.length() / 5) + 1;
        for (ContextVariable v : ContextVariable.values()) {
            int d = distance(p, v.path().toLowerCase(Locale.ROOT), bestDistance);
            if (d < bestDistance) {
                bestDistance = d;
                best = v.path();
            }
        }
        return best;
    }

    /** Levenshtein distance, giving up (returning {@code cap}) once it reaches {@code cap}. */
    private static int distance(String a, String b, int cap) {
        if (Math.abs(a.length() - b.length()) >= cap) {
            return cap;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin >= cap) {
                return cap;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[b.length()], cap);
    }

    private static List<CanonicalField> columns(Set<ContextVariable> present, boolean extra) {
        List<CanonicalField> columns = new ArrayList<>();
        for (CanonicalField f : CanonicalField.values()) {
            boolean filled = false;
            for (ContextVariable v : f.sources()) {
                filled |= present.contains(v) && !v.secret();
            }
            if (f == CanonicalField.REQUEST_TIME || f == CanonicalField.REQUEST_TIME_EPOCH_MS) {
                filled = present.contains(REQUEST_TIME) || present.contains(REQUEST_TIME_EPOCH);
            } else if (f == CanonicalField.STATUS_CLASS) {
                filled = present.contains(STATUS);
            } else if (f == CanonicalField.EXTRA) {
                filled = extra;
            }
            if (filled) {
                columns.add(f);
            }
        }
        return columns;
    }

    /** Renders a line with example values, parses it with the compiled parser, compares. */
    static FormatReport.Sample sample(LogFormat format) {
        String line = format.render(SampleValues::of);
        RawAccessLog out = new RawAccessLog();
        Map<String, String> parsed = new LinkedHashMap<>();
        List<String> mismatches = new ArrayList<>();
        try {
            format.parser().parse(line, out);
        } catch (AccessLogParseException e) {
            mismatches.add("the line did not parse (" + e.getMessage() + ")");
            return new FormatReport.Sample(line, parsed, mismatches);
        }
        for (TemplateVariable v : format.variables()) {
            ContextVariable known = v.variable();
            if (known != null) {
                String value = out.get(known);
                if (value != null) {
                    parsed.put(known.path(), value);
                }
            }
        }
        for (int i = 0; i < out.extraCount(); i++) {
            parsed.putIfAbsent(out.extraKey(i), out.extraValue(i));
        }
        Set<String> checked = new LinkedHashSet<>();
        for (TemplateVariable v : format.variables()) {
            if (!checked.add(v.path())) {
                continue;
            }
            String expected = SampleValues.of(v);
            ContextVariable known = v.variable();
            String actual = known != null ? out.get(known) : parsed.get(v.path());
            if (known != null && known.secret()) {
                if (actual != null) {
                    mismatches.add(v.path() + " (a secret, was kept)");
                }
            } else if (!expected.equals(actual)) {
                mismatches.add(v.path());
            }
        }
        return new FormatReport.Sample(line, parsed, mismatches);
    }
}
