package dev.apigwinsights.parse.template;

/** A piece of a tokenised access-log format: literal text or a {@code $context} variable. */
sealed interface Segment permits Segment.Literal, TemplateVariable {

    /** Text API Gateway copies verbatim into every line. Never empty. */
    record Literal(String text) implements Segment {
    }
}
