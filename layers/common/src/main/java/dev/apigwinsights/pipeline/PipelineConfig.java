package dev.apigwinsights.pipeline;

import dev.apigwinsights.derive.Derivations;
import dev.apigwinsights.derive.UserAgentClassifier;
import dev.apigwinsights.enrich.Enricher;
import dev.apigwinsights.geo.ClientCountries;
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
 *   <li>{@code GEOIP_DATABASE} ({@link ClientCountries#SETTING_ENV}): where {@code client_country}
 *       comes from. Unset: the bundled IPtoASN snapshot; {@code none}: no lookups; a path: that
 *       {@code .mmdb} file (e.g. GeoLite2-Country in a layer of your own). A missing or unusable
 *       file fails wiring with {@link IllegalArgumentException}, like {@code LOG_FORMAT}.</li>
 * </ul>
 */
public final class PipelineConfig {
    public static final String LOG_FORMAT = "LOG_FORMAT";

    private PipelineConfig() {
    }

    public static AccessLogPipeline fromEnvironment(Map<String, String> env, Enricher enricher) {
        return new AccessLogPipeline(parserFor(env.get(LOG_FORMAT)), derivations(env), enricher);
    }

    /** The parser for a stage's format string, or the auto-detecting parser when it is blank. */
    public static AccessLogParser parserFor(String logFormat) {
        if (logFormat != null && !logFormat.isBlank()) {
            return LogFormat.compile(logFormat).parser();
        }
        return new AutoDetectingParser(new JsonAccessLogParser(KeyAliases.standard()), ConsolePresets.autodetect());
    }

    /**
     * The derivations, sharing one user-agent cache per JVM (the uap parser is expensive to build
     * and its cache is what makes parsing cheap, so every pipeline and SnapStart priming use it)
     * and the country lookup {@code GEOIP_DATABASE} asks for (opened once per JVM per setting, at
     * wiring time: before a SnapStart snapshot).
     */
    public static Consumer<CanonicalRecord> derivations(Map<String, String> env) {
        ClientCountries countries = ClientCountries.fromSetting(env.get(ClientCountries.SETTING_ENV));
        return new Derivations(SharedDerivations.CLASSIFIER, countries)::derive;
    }

    /**
     * Loads the user-agent parser and runs the country lookups opened so far through their
     * databases (SnapStart: before the checkpoint, not on the first batch).
     */
    public static void preload() {
        SharedDerivations.CLASSIFIER.preload();
        ClientCountries.warmUpShared();
    }

    private static final class SharedDerivations {
        static final UserAgentClassifier CLASSIFIER = new UserAgentClassifier(USER_AGENT_CACHE_ENTRIES);
    }

    private static final int USER_AGENT_CACHE_ENTRIES = 10_000;
}
