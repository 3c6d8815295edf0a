package dev.apigwinsights.wiring;

/**
 * A setting the transformer cannot run with. The message names the environment variable and says
 * what is wrong with it ({@code USAGE_PLANS: usage-plans file not found: plans.json}); the Lambda
 * fails at init with it, the CLI prints it and exits 2.
 */
public final class InvalidConfigurationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidConfigurationException(String variable, String problem, Throwable cause) {
        super(variable + ": " + problem, cause);
    }
}
