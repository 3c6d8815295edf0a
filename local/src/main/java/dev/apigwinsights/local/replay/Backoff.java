package dev.apigwinsights.local.replay;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter between attempts: before retry {@code n} (1-based) waits a
 * random time up to {@code min(cap, base * 2^(n-1))}. Randomness and sleeping are injected so
 * tests neither wait nor depend on chance.
 */
final class Backoff {
    /** Waits; the real one is {@link Thread#sleep}. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Duration base;
    private final Duration cap;
    private final DoubleSupplier jitter;
    private final Sleeper sleeper;

    Backoff(Duration base, Duration cap, DoubleSupplier jitter, Sleeper sleeper) {
        this.base = base;
        this.cap = cap;
        this.jitter = jitter;
        this.sleeper = sleeper;
    }

    /** 100 ms doubling up to 10 s, random jitter, real sleep. */
    static Backoff standard() {
        java.util.SplittableRandom random = new java.util.SplittableRandom();
        return new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), random::nextDouble, d -> Thread.sleep(d.toMillis()));
    }

    Duration delayBefore(int retry) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(retry - 1, 20));
        return Duration.ofMillis((long) (jitter.getAsDouble() * ceiling));
    }

    void waitBefore(int retry) {
        try {
            sleeper.sleep(delayBefore(retry));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
