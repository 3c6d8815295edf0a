package dev.apigwinsights.local;

import dev.apigwinsights.enrich.Enrichers;
import dev.apigwinsights.wiring.InvalidConfigurationException;
import dev.apigwinsights.wiring.TransformerSettings;
import dev.apigwinsights.wiring.TransformerWiring;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * How every CLI command gets its transformer (invoke, ingest, demo): the same
 * {@link TransformerWiring} as the Lambda, from the same environment variables, with the command's
 * options written over them ({@code --usage-plans} over {@code USAGE_PLANS}, {@code --log-format}
 * over {@code LOG_FORMAT}). A bad setting is reported the same way by every command:
 * {@code apigw-insights <command>: <VARIABLE>: <problem>}, exit code 2.
 */
public final class LocalWiring {
    /** Exit code for unusable input or configuration. */
    public static final int BAD_INPUT = 2;

    private LocalWiring() {
    }

    /** {@code env} with {@code usagePlans} as {@code USAGE_PLANS} and {@code logFormat} as {@code LOG_FORMAT}, each when not null. */
    public static Map<String, String> environment(Map<String, String> env, String usagePlans, String logFormat) {
        Map<String, String> merged = new HashMap<>(env);
        if (usagePlans != null) {
            merged.put(Enrichers.SETTING_ENV, usagePlans);
        }
        if (logFormat != null) {
            merged.put(TransformerSettings.LOG_FORMAT, logFormat);
        }
        return merged;
    }

    /**
     * The wiring for {@code env}. Metrics are not printed: the CLI's output is the command's own.
     *
     * @throws InvalidConfigurationException when a setting is unusable (its message names the variable)
     */
    public static TransformerWiring create(Map<String, String> env, Clock clock) {
        return TransformerWiring.fromEnvironment(env, clock, new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
    }

    /** The wiring, or null after printing why it cannot be built. */
    static TransformerWiring build(String command, Map<String, String> env, Clock clock, PrintWriter err) {
        try {
            return create(env, clock);
        } catch (InvalidConfigurationException e) {
            err.println("apigw-insights " + command + ": " + e.getMessage());
            err.flush();
            return null;
        }
    }
}
