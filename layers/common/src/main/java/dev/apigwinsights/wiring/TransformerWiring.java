package dev.apigwinsights.wiring;

import dev.apigwinsights.enrich.Enricher;
import dev.apigwinsights.enrich.Enrichers;
import dev.apigwinsights.enrich.Refreshable;
import dev.apigwinsights.firehose.BatchSummary;
import dev.apigwinsights.firehose.FirehoseBatchTransformer;
import dev.apigwinsights.geo.ClientCountries;
import dev.apigwinsights.pipeline.AccessLogPipeline;
import dev.apigwinsights.pipeline.PipelineConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a transformer is put together, for the Lambda handler and the CLI alike: from the
 * environment ({@link TransformerSettings}), a {@link Clock} and the stream metrics go to. The
 * handler passes {@code System.getenv()}, the system clock and stdout; the CLI its environment with
 * its options written over it, and a stream of its choosing. Everything is built once; a bad
 * setting fails here, with a message naming it ({@link InvalidConfigurationException}), not on
 * every record.
 */
public final class TransformerWiring {
    private static final Logger LOG = LoggerFactory.getLogger(TransformerWiring.class);

    private final TransformerSettings settings;
    private final Clock clock;
    private final Enricher enricher;
    private final ClientCountries countries;
    private final AccessLogPipeline pipeline;
    private final FirehoseBatchTransformer transformer;
    private final EmfMetrics metrics;

    private TransformerWiring(TransformerSettings settings, Clock clock, Enricher enricher, ClientCountries countries,
                              PrintStream metricsOut) {
        this.settings = settings;
        this.clock = clock;
        this.enricher = enricher;
        this.countries = countries;
        this.pipeline = pipeline(settings, countries, enricher, clock);
        this.transformer = new FirehoseBatchTransformer(pipeline, FirehoseBatchTransformer.Limits.DEFAULT, clock);
        this.metrics = new EmfMetrics(settings.metricsNamespace(), settings.functionName(), settings.logLevel(), clock,
                metricsOut);
    }

    /**
     * @param env        the environment variables ({@link TransformerSettings}, and the usage-plan
     *                   cache knobs of {@code UsagePlanCacheConfig})
     * @param clock      every time decision: cache freshness, request-time range, batch time budget
     * @param metricsOut where the per-batch EMF line goes (stdout in Lambda)
     * @throws InvalidConfigurationException when a setting is unusable
     */
    public static TransformerWiring fromEnvironment(Map<String, String> env, Clock clock, PrintStream metricsOut) {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(metricsOut, "metricsOut");
        Map<String, String> copy = Map.copyOf(env);
        TransformerSettings settings = TransformerSettings.fromEnvironment(copy);
        ClientCountries countries;
        try {
            countries = ClientCountries.fromSetting(settings.geoipDatabase());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new InvalidConfigurationException(ClientCountries.SETTING_ENV, e.getMessage(), e);
        }
        Enricher enricher;
        try {
            enricher = Enrichers.fromSetting(settings.usagePlans(), copy, clock);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new InvalidConfigurationException(Enrichers.SETTING_ENV, e.getMessage(), e);
        }
        return new TransformerWiring(settings, clock, enricher, countries, metricsOut);
    }

    private static AccessLogPipeline pipeline(TransformerSettings settings, ClientCountries countries, Enricher enricher,
                                              Clock clock) {
        try {
            return PipelineConfig.pipeline(settings.logFormat(), countries, enricher, clock);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(TransformerSettings.LOG_FORMAT, e.getMessage(), e);
        }
    }

    public TransformerSettings settings() {
        return settings;
    }

    /** The transformer for Firehose events. */
    public FirehoseBatchTransformer transformer() {
        return transformer;
    }

    /** The entry-level pipeline behind it, for code that reads log lines without Firehose framing. */
    public AccessLogPipeline pipeline() {
        return pipeline;
    }

    /** Transforms one invocation, publishes its metrics and logs its counts: what the handler does per batch. */
    public BatchSummary handle(InputStream in, OutputStream out) throws IOException {
        BatchSummary s = transformer.transform(in, out);
        metrics.publish(s);
        LOG.info("batch records={} ok={} dropped={} processingFailed={} logEvents={} overBudget={} overWorkBudget={}"
                        + " unanswerable={} responseBytes={} workUnits={}", s.recordsIn(), s.ok(), s.dropped(),
                s.processingFailed(), s.logEvents(), s.overBudget(), s.overWorkBudget(), s.unanswerable(), s.responseBytes(),
                s.workUnits());
        return s;
    }

    /**
     * How long SnapStart priming runs: at least {@code minRounds} rounds of the events, then on until
     * the JIT has compiled nothing new for {@code quiet} (what the hot code needs is then compiled, at
     * C2 where the JVM uses it, and is in the snapshot), but never longer than {@code maxTime}.
     */
    public record PrimingPlan(int minRounds, Duration quiet, Duration maxTime) {
        /** 60 rounds, then 0.5 s of JIT quiet, 20 s at most (measured: docs/performance.md). */
        public static final PrimingPlan DEFAULT = new PrimingPlan(60, Duration.ofMillis(500), Duration.ofSeconds(20));

        /** Exactly {@code rounds} rounds. */
        public static PrimingPlan rounds(int rounds) {
            return new PrimingPlan(rounds, Duration.ZERO, Duration.ZERO);
        }
    }

    /** What priming did: rounds and batches run, how long it took, and whether the JIT was quiet at the end. */
    public record PrimingReport(int rounds, int batches, Duration took, boolean jitQuiet) {
    }

    /**
     * Loads the user-agent parser, runs the country database's lookups, and runs {@code events} through a transformer with the same
     * parsing, as {@code plan} says, so the hot code is compiled before the snapshot. Enrichment
     * is of the same kind as configured but over {@code usagePlans} (a usage-plans file's content;
     * null for none): nothing inside the snapshot may call AWS ({@link Enrichers#forPriming}).
     * {@code compileMillis} is the JIT's total compilation time so far ({@code CompilationMXBean}),
     * or a constant where there is none.
     */
    public PrimingReport prime(List<EventSource> events, EventSource usagePlans, PrimingPlan plan, LongSupplier compileMillis)
            throws IOException {
        PipelineConfig.preload();
        long start = System.nanoTime();
        long compiled = compileMillis.getAsLong();
        long lastChange = start;
        int rounds = 0;
        int batches = 0;
        boolean quiet = false;
        while (true) {
            // A fresh transformer every round: the one that serves invocations is another instance, whose
            // per-instance caches (keys, buffers, enrichment) start empty. Had the JIT seen those misses
            // only in the first round, it would compile them out, and the first batches after every
            // restore would deoptimise on them and compile again (measured: docs/performance.md).
            FirehoseBatchTransformer priming = primingTransformer(usagePlans);
            for (EventSource event : events) {
                try (InputStream in = event.open()) {
                    priming.transform(in, OutputStream.nullOutputStream());
                }
                batches++;
            }
            rounds++;
            long now = System.nanoTime();
            long c = compileMillis.getAsLong();
            if (c != compiled) {
                compiled = c;
                lastChange = now;
            }
            quiet = now - lastChange >= plan.quiet().toNanos();
            if (rounds >= plan.minRounds() && (quiet || now - start >= plan.maxTime().toNanos())) {
                return new PrimingReport(rounds, batches, Duration.ofNanos(now - start), quiet);
            }
        }
    }

    /** A transformer with the configured parsing and enrichment of the same kind over {@code usagePlans}, never AWS. */
    private FirehoseBatchTransformer primingTransformer(EventSource usagePlans) throws IOException {
        Enricher enriching = Enricher.NONE;
        if (usagePlans != null) {
            try (InputStream in = usagePlans.open()) {
                enriching = Enrichers.forPriming(enricher, in, clock);
            }
        }
        return new FirehoseBatchTransformer(pipeline(settings, countries, enriching, clock), FirehoseBatchTransformer.Limits.DEFAULT, clock);
    }

    /** {@link #prime(List, EventSource, PrimingPlan, LongSupplier)} without enrichment, exactly {@code rounds} rounds. */
    public void prime(List<EventSource> events, int rounds) throws IOException {
        prime(events, null, PrimingPlan.rounds(rounds), () -> 0);
    }

    /** A Firehose event to prime with, opened afresh each round. */
    @FunctionalInterface
    public interface EventSource {
        InputStream open() throws IOException;
    }

    /** After a SnapStart restore: the usage-plan snapshot taken before the checkpoint must be refreshed. */
    public void afterRestore() {
        if (enricher instanceof Refreshable refreshable) {
            refreshable.invalidateAfterRestore();
        }
    }
}
