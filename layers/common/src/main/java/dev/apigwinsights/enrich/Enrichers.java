package dev.apigwinsights.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/**
 * Builds the enricher a deployment or a local run asks for. The transformer's wiring
 * ({@code dev.apigwinsights.wiring.TransformerWiring}) calls {@link #fromSetting(String, Map, Clock)}
 * once, with the {@value #SETTING_ENV} setting, for the Lambda handler and the CLI alike.
 */
public final class Enrichers {
    /** Setting value: read the live account's usage plans with the default credentials chain. */
    public static final String AWS = "aws";
    /** Setting value: no enrichment (the columns stay null). */
    public static final String NONE = "none";
    /** The environment variable a deployment may use to hold the setting (same values as the CLI option). */
    public static final String SETTING_ENV = "USAGE_PLANS";

    private Enrichers() {
    }

    /**
     * @param setting null, blank or {@code none}: {@link Enricher#NONE}. {@code aws}: the account's
     *                usage plans through the API Gateway API (region from {@code AWS_REGION}, endpoint
     *                from {@code APIGW_ENDPOINT_OVERRIDE} if set). Anything else: the path of a
     *                usage-plans file (see {@code docs/enrichment.md}), read and checked now.
     * @param env     the environment: {@code AWS_REGION}, {@code APIGW_ENDPOINT_OVERRIDE} and the
     *                cache knobs of {@link UsagePlanCacheConfig}
     * @param clock   the time source of every freshness decision
     * @return an enricher; unless it is {@link Enricher#NONE} it also implements {@link Refreshable}
     * @throws IllegalArgumentException for a missing or malformed file, a missing region or a bad knob
     */
    public static Enricher fromSetting(String setting, Map<String, String> env, Clock clock) {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(clock, "clock");
        if (setting == null || setting.isBlank() || NONE.equals(setting.strip().toLowerCase(Locale.ROOT))) {
            return Enricher.NONE;
        }
        UsagePlanCacheConfig config = UsagePlanCacheConfig.fromEnvironment(env);
        if (AWS.equals(setting.strip().toLowerCase(Locale.ROOT))) {
            ApiGatewayClient client = ApiGatewayClients.fromEnvironment(env);
            String where = "API Gateway " + ApiGatewayClients.region(env).id();
            return usagePlans(new ApiGatewayUsagePlanSource(client, where), config, clock, Enrichers::newRandom);
        }
        return fromFile(Path.of(setting.strip()), config, clock);
    }

    /**
     * An enricher of the same kind as {@code production} that never calls AWS, for SnapStart priming:
     * with usage-plan enrichment, one over the usage plans in {@code usagePlans} (a usage-plans file's
     * content, whose keys the priming lines carry). Priming through the production kind of enricher
     * compiles its code before the snapshot, and the call site sees the class it will see after
     * restore, so the compiled code is not thrown away on the first batch. Else {@link Enricher#NONE}.
     *
     * @throws IllegalArgumentException when {@code usagePlans} is not a usage-plans file
     */
    public static Enricher forPriming(Enricher production, InputStream usagePlans, Clock clock) throws IOException {
        if (!(production instanceof UsagePlanEnricher)) {
            return Enricher.NONE;
        }
        UsagePlanSnapshot snapshot;
        try {
            snapshot = UsagePlansFile.parse(usagePlans);
        } catch (UsagePlanLoadException e) {
            throw new IllegalArgumentException("priming usage plans: " + e.getMessage(), e);
        }
        UsagePlanSource fixed = new UsagePlanSource() {
            @Override
            public UsagePlanSnapshot load(java.time.Duration budget) {
                return snapshot;
            }

            @Override
            public String describe() {
                return "priming usage plans";
            }
        };
        UsagePlanEnricher enricher = usagePlans(fixed, UsagePlanCacheConfig.fromEnvironment(Map.of()), clock, Enrichers::newRandom);
        enricher.prime(snapshot);
        return enricher;
    }

    static UsagePlanEnricher usagePlans(UsagePlanSource source, UsagePlanCacheConfig config, Clock clock,
                                        Supplier<? extends RandomGenerator> randomFactory) {
        return new UsagePlanEnricher(source, config, clock, randomFactory);
    }

    private static Enricher fromFile(Path path, UsagePlanCacheConfig config, Clock clock) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("usage-plans file not found: " + path);
        }
        UsagePlanSnapshot first;
        try (InputStream in = Files.newInputStream(path)) {
            first = UsagePlansFile.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read usage-plans file " + path, e);
        } catch (UsagePlanLoadException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
        UsagePlanEnricher enricher = usagePlans(new UsagePlansFile(path), config, clock, Enrichers::newRandom);
        enricher.prime(first);
        return enricher;
    }

    /**
     * A jitter generator seeded when it is created, which is on first use and again after a
     * SnapStart restore, never at class initialisation.
     */
    private static RandomGenerator newRandom() {
        return new SplittableRandom(new SecureRandom().nextLong());
    }
}
