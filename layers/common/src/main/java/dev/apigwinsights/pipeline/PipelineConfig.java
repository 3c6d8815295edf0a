package dev.apigwinsights.pipeline;

import dev.apigwinsights.derive.Derivations;
import dev.apigwinsights.derive.UserAgentClassifier;
import dev.apigwinsights.enrich.Enricher;
import dev.apigwinsights.geo.ClientCountries;
import dev.apigwinsights.parse.AccessLogParser;
import dev.apigwinsights.parse.AutoDetectingParser;
import dev.apigwinsights.parse.JsonAccessLogParser;
import dev.apigwinsights.parse.KeyAliases;
import dev.apigwinsights.parse.LabelledLineParser;
import dev.apigwinsights.parse.template.ConsolePresets;
import dev.apigwinsights.parse.template.LogFormat;
import dev.apigwinsights.schema.CanonicalRecord;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The parts an access-log pipeline is built from. The transformer's wiring
 * ({@code dev.apigwinsights.wiring.TransformerWiring}) reads the settings ({@code LOG_FORMAT},
 * {@code GEOIP_DATABASE}, ...) and calls {@link #pipeline}; tests and tools that need only a
 * pipeline call it directly.
 */
public final class PipelineConfig {
    private PipelineConfig() {
    }

    /**
     * A pipeline for lines of {@code logFormat} (the stage's format string; null or blank to detect
     * formats per line), with {@code client_country} from {@code countries}, enriched by {@code enricher}.
     *
     * @throws IllegalArgumentException when the format is unusable, so a misconfigured function
     *         fails at init instead of failing every record
     */
    public static AccessLogPipeline pipeline(String logFormat, ClientCountries countries, Enricher enricher, Clock clock) {
        return new AccessLogPipeline(parserFor(logFormat), derivations(countries), enricher, clock);
    }

    /** {@link #pipeline(String, ClientCountries, Enricher, Clock)} with the bundled country database, the default. */
    public static AccessLogPipeline pipeline(String logFormat, Enricher enricher, Clock clock) {
        return pipeline(logFormat, ClientCountries.fromSetting(null), enricher, clock);
    }

    /** The parser for a stage's format string, or the auto-detecting parser when it is blank. */
    public static AccessLogParser parserFor(String logFormat) {
        if (logFormat != null && !logFormat.isBlank()) {
            return LogFormat.compile(logFormat).parser();
        }
        return new AutoDetectingParser(new JsonAccessLogParser(KeyAliases.standard()),
                new LabelledLineParser(KeyAliases.standard(), ConsolePresets.autodetect()));
    }

    /**
     * The derivations, sharing one user-agent cache per JVM (the uap parser is expensive to build
     * and its cache is what makes parsing cheap, so every pipeline and SnapStart priming use it),
     * with countries from {@code countries} (see {@link ClientCountries#fromSetting}: opened once
     * per JVM per setting, at wiring time, before a SnapStart snapshot).
     */
    public static Consumer<CanonicalRecord> derivations(ClientCountries countries) {
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
