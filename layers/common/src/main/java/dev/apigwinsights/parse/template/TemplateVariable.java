package dev.apigwinsights.parse.template;

import dev.apigwinsights.schema.ContextVariable;
import java.util.Optional;

/**
 * One {@code $context.<path>} reference in an access-log format.
 *
 * @param path     the text after {@code $context.}, as written (e.g. {@code identity.sourceIp},
 *                 {@code authorizer.tenant})
 * @param variable the vocabulary entry, or null for a variable outside {@link ContextVariable}
 *                 (its values go to {@code extra} under {@link #path()})
 * @param offset   where the reference starts in the template
 */
public record TemplateVariable(String path, ContextVariable variable, int offset) implements Segment {
    private static final String PREFIX = "$context.";

    /** The vocabulary entry, if the path names one (ignoring case, as {@link ContextVariable#byPath} does). */
    public Optional<ContextVariable> known() {
        return Optional.ofNullable(variable);
    }

    /**
     * True for the free-form families whose suffix is chosen by the API owner:
     * {@code authorizer.claims.<claim>} and {@code authorizer.<key>} from a Lambda authorizer's
     * context.
     */
    public boolean freeForm() {
        return variable == null && path.regionMatches(true, 0, "authorizer.", 0, "authorizer.".length())
                && path.length() > "authorizer.".length();
    }

    /** The reference as written in the template, e.g. {@code $context.identity.sourceIp}. */
    public String template() {
        return PREFIX + path;
    }

    /** Length of the reference in the template. */
    int length() {
        return PREFIX.length() + path.length();
    }
}
