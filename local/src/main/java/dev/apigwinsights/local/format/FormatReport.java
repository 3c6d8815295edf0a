package dev.apigwinsights.local.format;

import dev.apigwinsights.schema.CanonicalField;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@link FormatValidator} found out about an access-log format. Errors make the format
 * unusable (API Gateway would reject it, or we could not parse its lines); warnings point at
 * lost data or risks but do not stop it from working.
 *
 * @param template             the format as given
 * @param json                 whether it is a JSON object once its variables are filled in
 * @param errors               problems that make the format unusable
 * @param warnings             problems worth fixing
 * @param variables            the distinct variable paths, in order of first appearance
 * @param unknownVariables     variables outside the vocabulary (including custom claims and
 *                             authorizer keys), whose values go to {@code extra} under their path
 * @param secretVariables      variables holding secrets, which are dropped
 * @param missingForDashboards the variables (or alternatives, joined with " or ") the dashboards
 *                             use that the format lacks
 * @param duplicateKeys        JSON keys that occur more than once
 * @param columns              the canonical columns the format's variables fill
 * @param sample               a line rendered from the format with example values and parsed
 *                             back, when the format compiles
 */
public record FormatReport(
        String template,
        boolean json,
        List<String> errors,
        List<String> warnings,
        List<String> variables,
        List<String> unknownVariables,
        List<String> secretVariables,
        List<String> missingForDashboards,
        List<String> duplicateKeys,
        List<CanonicalField> columns,
        Optional<Sample> sample) {

    public FormatReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        variables = List.copyOf(variables);
        unknownVariables = List.copyOf(unknownVariables);
        secretVariables = List.copyOf(secretVariables);
        missingForDashboards = List.copyOf(missingForDashboards);
        duplicateKeys = List.copyOf(duplicateKeys);
        columns = List.copyOf(columns);
    }

    /**
     * A sample line and what the compiled parser read from it.
     *
     * @param line       the line, as API Gateway would write it
     * @param parsed     variable path (or extra key) to value, in the parser's output order
     * @param mismatches variables whose value did not come back as written (empty when the
     *                   round trip holds); secrets are expected to be dropped
     */
    public record Sample(String line, Map<String, String> parsed, List<String> mismatches) {
        public Sample {
            parsed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parsed));
            mismatches = List.copyOf(mismatches);
        }

        public boolean roundTrips() {
            return mismatches.isEmpty();
        }
    }

    /** True when there are no errors (warnings allowed). */
    public boolean valid() {
        return errors.isEmpty();
    }

    /** A plain-text report for people. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("Format: ").append(json ? "JSON" : "plain layout (CLF, CSV, XML or custom)")
                .append(", ").append(variables.size()).append(variables.size() == 1 ? " variable" : " variables")
                .append('\n');
        sb.append("Result: ").append(valid() ? "VALID" : "INVALID");
        if (!errors.isEmpty() || !warnings.isEmpty()) {
            sb.append(" (").append(count(errors.size(), "error")).append(", ")
                    .append(count(warnings.size(), "warning")).append(')');
        }
        sb.append('\n');
        list(sb, "Errors", errors);
        list(sb, "Warnings", warnings);
        if (!columns.isEmpty()) {
            sb.append("\nColumns filled: ")
                    .append(columns.stream().map(CanonicalField::column).collect(Collectors.joining(", ")))
                    .append('\n');
        }
        if (!unknownVariables.isEmpty()) {
            sb.append("Kept in extra: ").append(String.join(", ", unknownVariables)).append('\n');
        }
        sample.ifPresent(s -> {
            sb.append("\nSample line:\n  ").append(s.line()).append('\n');
            sb.append("Parsed back:\n");
            int width = s.parsed().keySet().stream().mapToInt(String::length).max().orElse(0);
            s.parsed().forEach((k, v) -> sb.append("  ").append(k).append(" ".repeat(width - k.length()))
                    .append(" = ").append(v).append('\n'));
            if (s.roundTrips()) {
                sb.append("Round trip: OK\n");
            } else {
                sb.append("Round trip: FAILED for ").append(String.join(", ", s.mismatches())).append('\n');
            }
        });
        return sb.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static void list(StringBuilder sb, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        sb.append('\n').append(title).append(":\n");
        for (String item : items) {
            sb.append("  - ").append(item).append('\n');
        }
    }
}
