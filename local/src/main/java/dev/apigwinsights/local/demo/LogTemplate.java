package dev.apigwinsights.local.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An access-log format as set on a stage, rendered the way API Gateway renders it: each
 * {@code $context.x} replaced by the request's value, {@code -} when it has none, and nothing
 * escaped (so a quote in a user agent breaks a JSON line, as it does in real logs).
 */
final class LogTemplate {
    private final List<String> literals = new ArrayList<>();
    private final List<String> variables = new ArrayList<>();

    LogTemplate(String template) {
        int i = 0;
        StringBuilder literal = new StringBuilder();
        while (i < template.length()) {
            if (template.startsWith("$context.", i)) {
                int j = i + "$context.".length();
                while (j < template.length() && (Character.isLetterOrDigit(template.charAt(j)) || template.charAt(j) == '.')) {
                    j++;
                }
                if (template.charAt(j - 1) == '.') {
                    j--;
                }
                literals.add(literal.toString());
                literal.setLength(0);
                variables.add(template.substring(i + "$context.".length(), j));
                i = j;
            } else {
                literal.append(template.charAt(i++));
            }
        }
        literals.add(literal.toString());
    }

    /** The stack's recommended format for {@code api} (rest, http or websocket), as shipped in docs/recommended-format. */
    static LogTemplate recommended(String api) {
        try (InputStream in = LogTemplate.class.getResourceAsStream("/recommended-format/" + api + ".json")) {
            if (in == null) {
                throw new IllegalStateException("recommended-format/" + api + ".json is missing from the CLI jar");
            }
            return new LogTemplate(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line API Gateway writes for a request whose variables are {@code values} (names without {@code $context.}). */
    String render(Map<String, String> values) {
        StringBuilder s = new StringBuilder(512);
        for (int i = 0; i < variables.size(); i++) {
            s.append(literals.get(i));
            String v = values.get(variables.get(i));
            s.append(v == null || v.isEmpty() ? "-" : v);
        }
        return s.append(literals.get(literals.size() - 1)).toString();
    }
}
