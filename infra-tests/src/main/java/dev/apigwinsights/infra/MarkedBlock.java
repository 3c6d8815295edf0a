package dev.apigwinsights.infra;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A generated block of template.yaml: whole lines from the one holding {@code beginMarker} to the one
 * holding {@code endMarker}, markers included, as {@code make glue-columns} and {@code make
 * named-queries} write them. Offsets are characters in the template; {@code indent} is what precedes
 * the begin marker on its line.
 */
public record MarkedBlock(int start, int end, String indent, String text) {

    /** The block between the two markers in {@code template}, if both are there, in order, and the first is indented by whitespace only. */
    public static Optional<MarkedBlock> find(String template, String beginMarker, String endMarker) {
        int begin = template.indexOf(beginMarker);
        int end = template.indexOf(endMarker);
        if (begin < 0 || end < begin) {
            return Optional.empty();
        }
        int lineStart = template.lastIndexOf('\n', begin) + 1;
        int lineEnd = template.indexOf('\n', end);
        lineEnd = lineEnd < 0 ? template.length() : lineEnd + 1;
        String indent = template.substring(lineStart, begin);
        if (!indent.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new MarkedBlock(lineStart, lineEnd, indent, template.substring(lineStart, lineEnd)));
    }

    /** {@code template} with the block replaced by {@code render} applied to its indentation. */
    public static String regenerate(String template, String beginMarker, String endMarker, UnaryOperator<String> render) {
        MarkedBlock block = find(template, beginMarker, endMarker).orElseThrow(() -> new IllegalArgumentException(
                "template has no '" + beginMarker + "' ... '" + endMarker + "' block"));
        return template.substring(0, block.start()) + render.apply(block.indent()) + template.substring(block.end());
    }
}
