package dev.apigwinsights.pipeline;

import dev.apigwinsights.derive.Derivations;
import dev.apigwinsights.derive.UserAgentClassifier;
import dev.apigwinsights.enrich.Enricher;
import dev.apigwinsights.parse.AccessLogParser;
import dev.apigwinsights.parse.AutoDetectingParser;
import dev.apigwinsights.parse.JsonAccessLogParser;
import dev.apigwinsights.parse.KeyAliases;
import dev.apigwinsights.parse.template.ConsolePresets;
import dev.apigwinsights.parse.template.LogFormat;
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
 *       lines are matched against the console's preset formats (CLF, XML, CSV). An unusable
 *       template fails wiring with {@link IllegalArgumentException}, so a misconfigured function
 *       fails at init instead of failing every record.</li>
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
            return LogFormat.compile(logFormat).parser();
        }
        return new AutoDetectingParser(new JsonAccessLogParser(KeyAliases.standard()), ConsolePresets.autodetect());
    }

    /**
     * The derivations, sharing one user-agent cache per JVM: the uap parser is expensive to build
     * and its cache is what makes parsing cheap, so every pipeline (and SnapStart priming) uses it.
     */
    public static Consumer<CanonicalRecord> derivations() {
        return SharedDerivations.INSTANCE::derive;
    }

    /** Loads the user-agent parser now (SnapStart: before the checkpoint, not on the first batch). */
    public static void preload() {
        SharedDerivations.CLASSIFIER.preload();
    }

    private static final class SharedDerivations {
        static final UserAgentClassifier CLASSIFIER = new UserAgentClassifier(USER_AGENT_CACHE_ENTRIES);
        static final Derivations INSTANCE = new Derivations(CLASSIFIER);
    }

    private static final int USER_AGENT_CACHE_ENTRIES = 10_000;
}
