package dev.apigwinsights.firehose;

import dev.apigwinsights.pipeline.WorkMeter;
import java.time.Clock;

/**
 * The work one batch may cost, so that no batch runs for more than a few seconds on one core
 * whatever its records hold (lines that exhaust the template search, CloudWatch records of a
 * million events, gzip bombs). Deterministic first: work is counted in units of about a
 * nanosecond of one core (JDK 17, C2, measured in {@code BatchWorkBenchmark}): bytes read and
 * inflated, entries parsed, and what parsers report for searches and repairs. A wall-clock
 * deadline on the injected {@link Clock} backs it up for costs nobody counts.
 *
 * <p>When either runs out, the record being read fails and so does every later one, each alone
 * and with a reason that says so; their data is echoed, so nothing is lost.
 */
final class BatchWorkBudget implements WorkMeter {
    private final Clock clock;
    private final long deadlineMs;
    private final long limit;
    private long remaining;

    BatchWorkBudget(long units, long timeLimitMs, Clock clock) {
        this.clock = clock;
        this.limit = units;
        this.remaining = units;
        this.deadlineMs = clock.millis() + timeLimitMs;
    }

    @Override
    public void charge(long units) {
        remaining -= units;
    }

    /** Null while there is budget left; else the reason a record gets for not being read. */
    String exhausted() {
        if (remaining < 0) {
            return "batch work budget exhausted (" + limit + " units); not read: replay it from processing-failed";
        }
        if (clock.millis() > deadlineMs) {
            return "batch time budget exhausted; not read: replay it from processing-failed";
        }
        return null;
    }

    /** Units spent so far. */
    long spent() {
        return limit - remaining;
    }
}
