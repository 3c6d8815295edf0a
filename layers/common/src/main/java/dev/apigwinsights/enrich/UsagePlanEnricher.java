package dev.apigwinsights.enrich;

import static dev.apigwinsights.schema.CanonicalField.API_ID;
import static dev.apigwinsights.schema.CanonicalField.API_KEY_ID;
import static dev.apigwinsights.schema.CanonicalField.API_KEY_NAME;
import static dev.apigwinsights.schema.CanonicalField.CUSTOMER_ID;
import static dev.apigwinsights.schema.CanonicalField.ENRICHMENT_STATUS;
import static dev.apigwinsights.schema.CanonicalField.HTTP_METHOD;
import static dev.apigwinsights.schema.CanonicalField.QUOTA_LIMIT;
import static dev.apigwinsights.schema.CanonicalField.QUOTA_OFFSET;
import static dev.apigwinsights.schema.CanonicalField.QUOTA_PERIOD;
import static dev.apigwinsights.schema.CanonicalField.RESOURCE_PATH;
import static dev.apigwinsights.schema.CanonicalField.STAGE;
import static dev.apigwinsights.schema.CanonicalField.THROTTLE_BURST_LIMIT;
import static dev.apigwinsights.schema.CanonicalField.THROTTLE_RATE_LIMIT;
import static dev.apigwinsights.schema.CanonicalField.USAGE_PLAN_ID;
import static dev.apigwinsights.schema.CanonicalField.USAGE_PLAN_NAME;

import dev.apigwinsights.schema.CanonicalRecord;
import dev.apigwinsights.util.LogSafe;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the usage-plan and customer columns from a cached {@link UsagePlanSnapshot}.
 *
 * <h2>Columns and status</h2>
 * For a request with an API key id the key is looked up, then the plan bound to the request's
 * (apiId, stage): {@code api_key_name}, {@code customer_id}, {@code usage_plan_id},
 * {@code usage_plan_name}, {@code quota_limit}, {@code quota_period}, {@code quota_offset}, {@code throttle_rate_limit},
 * {@code throttle_burst_limit}. Disabled keys resolve like enabled ones: the log is history, and
 * the key was valid when the request was served. See {@link EnrichmentStatus} for the statuses;
 * in short: a key found in a snapshot older than the TTL whose refresh failed is written with
 * <em>all</em> its columns filled and {@code STALE}, because plans rarely change and the status
 * already tells dashboards to treat the row with care. Every column is always written (null where
 * unknown), so a reused record never keeps a previous row's values.
 *
 * <h2>Cache</h2>
 * <ul>
 *   <li>The first enrichment of a record with a key starts the first load and waits for it, at most
 *       {@link UsagePlanCacheConfig#firstLoadTimeout()}, once. Records without a key never wait or
 *       load anything.</li>
 *   <li>A snapshot is refreshed in the background once it is due: TTL minus a random jitter of up
 *       to {@link UsagePlanCacheConfig#jitterRatio()} of the TTL. Records keep being served from the
 *       current snapshot meanwhile. Refreshes run on one lazily created daemon thread.</li>
 *   <li>A failed refresh logs one warning, keeps the last good snapshot and is retried after
 *       {@link UsagePlanCacheConfig#retryAfterFailure()}. Past the TTL, the snapshot's records are
 *       marked {@code STALE}; with no snapshot at all, {@code UNAVAILABLE}.</li>
 *   <li>A key that is in no plan for its API stage may be a new customer: it triggers an early
 *       refresh, at most once per {@link UsagePlanCacheConfig#earlyRefreshMinInterval()} and not
 *       within that interval of the previous refresh attempt. The record itself is not held back.</li>
 *   <li>{@link #invalidateAfterRestore()} (SnapStart): the snapshot frozen into the checkpoint is no
 *       longer served as current. The next record with a key triggers a refresh and waits for it
 *       (first-load timeout); if it does not succeed in time, the old snapshot is served as
 *       {@code STALE}. A refresh already running at restore is disregarded.</li>
 * </ul>
 * Freshness decisions use the injected {@link Clock}; nothing reads the clock or creates random
 * numbers at class initialisation, and the jitter generator is created on first use and again
 * after a restore.
 *
 * <p>Thread-safe. The hot path is a volatile read, a clock read, two hash lookups and the column
 * writes; it allocates nothing.
 */
final class UsagePlanEnricher implements Enricher, Refreshable {
    private static final Logger LOG = LoggerFactory.getLogger(UsagePlanEnricher.class);
    private static final long NEVER = Long.MIN_VALUE;

    private final UsagePlanSource source;
    private final UsagePlanCacheConfig config;
    private final Clock clock;
    private final Supplier<? extends RandomGenerator> randomFactory;
    private final long ttlMillis;
    private final long earlyRefreshMillis;

    private final Object lock = new Object();
    private volatile State state = State.EMPTY;
    /** True until the first load has been waited for, and again after a restore. */
    private volatile boolean awaitBeforeServing = true;
    private volatile CompletableFuture<Void> inFlight;
    private final AtomicLong lastEarlyRefreshAt = new AtomicLong(NEVER);
    private final AtomicBoolean unexpectedErrorLogged = new AtomicBoolean();
    // guarded by lock
    private long generation;
    private RandomGenerator random;
    private ExecutorService executor;

    /**
     * What is served: the snapshot (null until the first successful load) and its schedule.
     *
     * @param loadedAt      clock millis when the snapshot's load started (its data is at least this old)
     * @param nextRefreshAt clock millis from which a background refresh is started
     * @param lastAttemptAt clock millis when the last refresh (successful or not) started
     * @param lastFailed    whether the most recent refresh failed
     * @param servable      false after a restore until a refresh succeeds
     */
    private record State(UsagePlanSnapshot snapshot, long loadedAt, long nextRefreshAt, long lastAttemptAt,
                         boolean lastFailed, boolean servable) {
        static final State EMPTY = new State(null, NEVER, NEVER, NEVER, false, true);

        boolean stale(long now, long ttlMillis) {
            return !servable || (lastFailed && now - loadedAt >= ttlMillis);
        }
    }

    UsagePlanEnricher(UsagePlanSource source, UsagePlanCacheConfig config, Clock clock,
                      Supplier<? extends RandomGenerator> randomFactory) {
        this.source = Objects.requireNonNull(source, "source");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.randomFactory = Objects.requireNonNull(randomFactory, "randomFactory");
        this.ttlMillis = config.ttl().toMillis();
        this.earlyRefreshMillis = config.earlyRefreshMinInterval().toMillis();
    }

    /**
     * Serves {@code snapshot} as freshly loaded now, without calling the source: for a file that
     * was already parsed while wiring (to fail fast on a malformed file).
     */
    void prime(UsagePlanSnapshot snapshot) {
        synchronized (lock) {
            long now = clock.millis();
            state = new State(snapshot, now, now + ttlMillis - jitterMillis(), now, false, true);
            awaitBeforeServing = false;
        }
        logLoaded(snapshot, 0);
    }

    @Override
    public void enrich(CanonicalRecord record) {
        try {
            doEnrich(record);
        } catch (RuntimeException e) {
            // A bug must not fail the record (or the batch): mark it and say so once.
            write(record, null, EnrichmentStatus.UNAVAILABLE);
            if (unexpectedErrorLogged.compareAndSet(false, true)) {
                LOG.warn("Usage-plan enrichment failed unexpectedly; affected records are marked {}",
                        EnrichmentStatus.UNAVAILABLE, e);
            }
        }
    }

    private void doEnrich(CanonicalRecord record) {
        String keyId = record.getString(API_KEY_ID);
        if (keyId == null || keyId.isEmpty() || "-".equals(keyId)) {
            write(record, null, EnrichmentStatus.NO_KEY);
            return;
        }
        long now = clock.millis();
        State s = current(now);
        UsagePlanSnapshot snapshot = s.snapshot;
        if (snapshot == null) {
            write(record, null, EnrichmentStatus.UNAVAILABLE);
            return;
        }
        boolean stale = s.stale(now, ttlMillis);
        String apiId = record.getString(API_ID);
        String stage = record.getString(STAGE);
        UsagePlanSnapshot.KeyEntry key = snapshot.key(keyId);
        UsagePlanSnapshot.Resolution resolution = key == null ? null
                : key.resolve(apiId, stage, record.getString(RESOURCE_PATH), record.getString(HTTP_METHOD));
        if (resolution != null) {
            write(record, resolution, stale ? EnrichmentStatus.STALE : EnrichmentStatus.OK);
            return;
        }
        write(record, key == null ? null : key.keyOnly(), stale ? EnrichmentStatus.STALE : EnrichmentStatus.UNKNOWN_KEY);
        requestEarlyRefresh(s, now, keyId, apiId, stage);
    }

    private static void write(CanonicalRecord record, UsagePlanSnapshot.Resolution r, EnrichmentStatus status) {
        if (r == null) {
            record.set(API_KEY_NAME, null).set(CUSTOMER_ID, null).set(USAGE_PLAN_ID, null).set(USAGE_PLAN_NAME, null)
                    .setLong(QUOTA_LIMIT, null).set(QUOTA_PERIOD, null).setLong(QUOTA_OFFSET, null)
                    .setDouble(THROTTLE_RATE_LIMIT, null).setLong(THROTTLE_BURST_LIMIT, null);
        } else {
            record.set(API_KEY_NAME, r.apiKeyName()).set(CUSTOMER_ID, r.customerId())
                    .set(USAGE_PLAN_ID, r.usagePlanId()).set(USAGE_PLAN_NAME, r.usagePlanName())
                    .setLong(QUOTA_LIMIT, r.quotaLimit()).set(QUOTA_PERIOD, r.quotaPeriod()).setLong(QUOTA_OFFSET, r.quotaOffset())
                    .setDouble(THROTTLE_RATE_LIMIT, r.throttleRateLimit())
                    .setLong(THROTTLE_BURST_LIMIT, r.throttleBurstLimit());
        }
        record.set(ENRICHMENT_STATUS, status.name());
    }

    /** The state to serve now, starting (and the first time, awaiting) a refresh when one is due. */
    private State current(long now) {
        State s = state;
        if (awaitBeforeServing && (s.snapshot == null || !s.servable)) {
            awaitRefresh();
            return state;
        }
        if (now >= s.nextRefreshAt) {
            triggerRefresh();
        }
        return s;
    }

    private void awaitRefresh() {
        CompletableFuture<Void> refresh = triggerRefresh();
        try {
            refresh.get(config.firstLoadTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("Usage plans from {} not loaded within {} ms; records are marked {} until they are",
                    source.describe(), config.firstLoadTimeout().toMillis(),
                    state.snapshot == null ? EnrichmentStatus.UNAVAILABLE : EnrichmentStatus.STALE);
        } catch (ExecutionException e) {
            // refresh() handles and logs its own failures; an Error escaping it is not ours to report twice
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            awaitBeforeServing = false;
        }
    }

    private void requestEarlyRefresh(State s, long now, String keyId, String apiId, String stage) {
        long last = lastEarlyRefreshAt.get();
        if (last != NEVER && now - last < earlyRefreshMillis) {
            return;
        }
        if (s.lastAttemptAt != NEVER && now - s.lastAttemptAt < earlyRefreshMillis) {
            return;
        }
        CompletableFuture<Void> running = inFlight;
        if (running != null && !running.isDone()) {
            return;
        }
        if (lastEarlyRefreshAt.compareAndSet(last, now)) {
            // The ids come from the log line: shown sanitised and bounded (LogSafe), never verbatim.
            LOG.info("API key id {} is in no usage plan for stage {} of API {}; refreshing usage plans early",
                    LogSafe.id(keyId), LogSafe.id(stage), LogSafe.id(apiId));
            triggerRefresh();
        }
    }

    /** Starts a refresh unless one is running; returns the running one. Never blocks on I/O. */
    private CompletableFuture<Void> triggerRefresh() {
        CompletableFuture<Void> running = inFlight;
        if (running != null && !running.isDone()) {
            return running;
        }
        synchronized (lock) {
            running = inFlight;
            if (running != null && !running.isDone()) {
                return running;
            }
            long gen = generation;
            // Claim the slot before the task can run, so a fast refresh cannot be overwritten.
            CompletableFuture<Void> f = new CompletableFuture<>();
            inFlight = f;
            executor().execute(() -> {
                try {
                    refresh(gen);
                    f.complete(null);
                } catch (Throwable t) {
                    f.completeExceptionally(t);
                    LOG.error("Usage-plan refresh crashed", t);
                }
            });
            return f;
        }
    }

    private void refresh(long gen) {
        long startedAt = clock.millis();
        long t0 = System.nanoTime();
        UsagePlanSnapshot loaded;
        try {
            loaded = source.load(config.refreshBudget());
        } catch (RuntimeException e) {
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            State failed;
            synchronized (lock) {
                if (gen != generation) {
                    return;
                }
                State s = state;
                failed = new State(s.snapshot, s.loadedAt, clock.millis() + config.retryAfterFailure().toMillis(),
                        startedAt, true, s.servable);
                state = failed;
            }
            if (failed.snapshot == null) {
                LOG.warn("Usage-plan load from {} failed after {} ms: {}; records with an API key are marked {}, "
                                + "next attempt in {} s", source.describe(), tookMs, describe(e),
                        EnrichmentStatus.UNAVAILABLE, config.retryAfterFailure().toSeconds());
            } else {
                LOG.warn("Usage-plan refresh from {} failed after {} ms: {}; serving the snapshot loaded at {}, "
                                + "next attempt in {} s", source.describe(), tookMs, describe(e),
                        Instant.ofEpochMilli(failed.loadedAt), config.retryAfterFailure().toSeconds());
            }
            return;
        }
        synchronized (lock) {
            if (gen != generation) {
                return; // started before a restore: its data may predate the checkpoint
            }
            state = new State(loaded, startedAt, startedAt + ttlMillis - jitterMillis(), startedAt, false, true);
        }
        logLoaded(loaded, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    private void logLoaded(UsagePlanSnapshot snapshot, long tookMs) {
        LOG.info("Loaded {} usage plans and {} API keys ({} keys indexed) from {} in {} ms",
                snapshot.planCount(), snapshot.apiKeyCount(), snapshot.indexedKeyCount(), source.describe(), tookMs);
        if (snapshot.conflicts() > 0) {
            LOG.warn("{} usage-plan bindings ignored: the key was already bound to the same API stage by an earlier plan",
                    snapshot.conflicts());
        }
    }

    /** One line, without the stack: SDK messages carry the status code and request id, never a payload. */
    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    // guarded by lock
    private long jitterMillis() {
        long max = (long) (ttlMillis * config.jitterRatio());
        if (max <= 0) {
            return 0;
        }
        if (random == null) {
            random = randomFactory.get();
        }
        return (long) (random.nextDouble() * max);
    }

    // guarded by lock
    private ExecutorService executor() {
        if (executor == null) {
            executor = Executors.newSingleThreadExecutor(task -> {
                Thread t = new Thread(task, "usage-plan-refresh");
                t.setDaemon(true);
                return t;
            });
        }
        return executor;
    }

    @Override
    public void invalidateAfterRestore() {
        synchronized (lock) {
            generation++;
            inFlight = null;
            random = null;
            State s = state;
            state = new State(s.snapshot, s.loadedAt, NEVER, NEVER, s.lastFailed, false);
            awaitBeforeServing = true;
            lastEarlyRefreshAt.set(NEVER);
        }
    }

    /** For tests: the refresh currently running, or a completed future when none is. */
    CompletableFuture<Void> pendingRefresh() {
        CompletableFuture<Void> f = inFlight;
        return f == null ? CompletableFuture.completedFuture(null) : f;
    }
}
