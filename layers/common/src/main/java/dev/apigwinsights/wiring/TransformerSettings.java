package dev.apigwinsights.wiring;

import dev.apigwinsights.enrich.Enrichers;
import dev.apigwinsights.geo.ClientCountries;
import java.util.Locale;
import java.util.Map;

/**
 * The configuration a transformer runs with, read from environment variables the same way in
 * Lambda (the function's environment) and in the CLI (the shell's, with command-line options
 * written over it).
 *
 * @param logFormat        {@value #LOG_FORMAT}: the stage's access-log format, or null to detect formats
 * @param usagePlans       {@value Enrichers#SETTING_ENV}: {@code aws}, a usage-plans file, or {@code none}
 * @param geoipDatabase    {@value ClientCountries#SETTING_ENV}: a {@code .mmdb} file, {@code none}, or null for
 *                         the bundled snapshot
 * @param metricsNamespace {@value #METRICS_NAMESPACE}, default {@value #DEFAULT_NAMESPACE}
 * @param functionName     {@value #FUNCTION_NAME} (set by Lambda), default {@code local}
 * @param logLevel         {@value #LOG_LEVEL} (set by Lambda from {@code ApplicationLogLevel}), default INFO
 */
public record TransformerSettings(String logFormat, String usagePlans, String geoipDatabase, String metricsNamespace,
                                  String functionName, String logLevel) {
    public static final String LOG_FORMAT = "LOG_FORMAT";
    public static final String METRICS_NAMESPACE = "METRICS_NAMESPACE";
    public static final String FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME";
    public static final String LOG_LEVEL = "AWS_LAMBDA_LOG_LEVEL";
    static final String DEFAULT_NAMESPACE = "ApigwInsights";

    public static TransformerSettings fromEnvironment(Map<String, String> env) {
        String format = env.get(LOG_FORMAT);
        String plans = env.get(Enrichers.SETTING_ENV);
        String geoip = env.get(ClientCountries.SETTING_ENV);
        return new TransformerSettings(format == null || format.isBlank() ? null : format,
                plans == null || plans.isBlank() ? Enrichers.NONE : plans.strip(),
                geoip == null || geoip.isBlank() ? null : geoip.strip(),
                env.getOrDefault(METRICS_NAMESPACE, DEFAULT_NAMESPACE),
                env.getOrDefault(FUNCTION_NAME, "local"),
                env.getOrDefault(LOG_LEVEL, "INFO").strip().toUpperCase(Locale.ROOT));
    }

    /** One line for people: what was configured, never a secret (a format holds none). */
    public String describe() {
        return "log format: " + (logFormat == null ? "detected per line (JSON with any keys, console CLF/XML/CSV presets)"
                : "LOG_FORMAT (" + logFormat.length() + " characters)") + "; usage plans: " + usagePlans
                + "; GeoIP: " + (geoipDatabase == null ? "bundled snapshot" : geoipDatabase);
    }
}
