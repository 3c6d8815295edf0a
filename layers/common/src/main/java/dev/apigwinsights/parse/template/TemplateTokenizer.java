package dev.apigwinsights.parse.template;

import dev.apigwinsights.schema.ContextVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Splits an access-log format into literal text and {@code $context.<path>} references.
 *
 * <p>A path is the longest run of {@code [A-Za-z0-9_.-]} after {@code $context.} that starts with
 * a letter, digit or underscore, minus any trailing {@code .} or {@code -} (punctuation after a
 * variable, as in {@code $context.status.} or {@code $context.stage-$context.requestId}). When
 * that path is not in the vocabulary but a prefix of it ending before a {@code -} is (as in
 * {@code $context.requestId-suffix}), the known variable wins and the rest is literal; paths under
 * {@code authorizer.} are left whole because their suffixes are free-form.
 */
final class TemplateTokenizer {
    private static final String PREFIX = "$context.";
    private static final int LONGEST_PATH = java.util.Arrays.stream(ContextVariable.values())
            .mapToInt(v -> v.path().length()).max().orElse(0);

    private TemplateTokenizer() {
    }

    static List<Segment> tokenize(String template) {
        List<Segment> out = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        int n = template.length();
        while (i < n) {
            int at = template.indexOf(PREFIX, i);
            if (at < 0) {
                literal.append(template, i, n);
                break;
            }
            literal.append(template, i, at);
            int start = at + PREFIX.length();
            int end = start;
            if (end < n && isPathStart(template.charAt(end))) {
                while (end < n && isPathChar(template.charAt(end))) {
                    end++;
                }
                while (end > start && (template.charAt(end - 1) == '.' || template.charAt(end - 1) == '-')) {
                    end--;
                }
            }
            if (end == start) {
                literal.append(PREFIX);
                i = start;
                continue;
            }
            String path = template.substring(start, end);
            Optional<ContextVariable> known = ContextVariable.byPath(path);
            if (known.isEmpty() && !path.toLowerCase(Locale.ROOT).startsWith("authorizer.")) {
                int cut = knownPrefixBeforeHyphen(path);
                if (cut > 0) {
                    path = path.substring(0, cut);
                    end = start + cut;
                    known = ContextVariable.byPath(path);
                }
            }
            if (literal.length() > 0) {
                out.add(new Segment.Literal(literal.toString()));
                literal.setLength(0);
            }
            out.add(new TemplateVariable(path, known.orElse(null), at));
            i = end;
        }
        if (literal.length() > 0) {
            out.add(new Segment.Literal(literal.toString()));
        }
        return out;
    }

    /** The length of the longest known variable path that is a prefix followed by '-', or 0. */
    private static int knownPrefixBeforeHyphen(String path) {
        int from = Math.min(path.length() - 1, LONGEST_PATH);
        for (int cut = path.lastIndexOf('-', from); cut > 0; cut = path.lastIndexOf('-', cut - 1)) {
            if (ContextVariable.byPath(path.substring(0, cut)).isPresent()) {
                return cut;
            }
        }
        return 0;
    }

    private static boolean isPathStart(char c) {
        return c == '_' || (c < 128 && Character.isLetterOrDigit(c));
    }

    private static boolean isPathChar(char c) {
        return isPathStart(c) || c == '.' || c == '-';
    }
}
