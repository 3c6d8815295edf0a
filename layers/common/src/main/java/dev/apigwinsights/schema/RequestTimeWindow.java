package dev.apigwinsights.schema;

import java.time.Clock;
import java.util.Objects;

/**
 * The request times a row may carry: from 2019-01-01 (the first year of the {@code access_logs}
 * table's partition projection, {@code projection.year.range: '2019,NOW'} in template.yaml) to a
 * day after now (clock skew between API Gateway and this function). A time outside it would be
 * written to a partition Athena never reads, so it is treated as unreadable: the row falls back to
 * the CloudWatch event time or the Firehose arrival time, which must be inside it too.
 */
public final class RequestTimeWindow {
    /** 2019-01-01T00:00:00Z. */
    public static final long EARLIEST_MS = 1_546_300_800_000L;
    /** How far ahead of the clock a time may be. */
    public static final long MAX_AHEAD_MS = 86_400_000L;

    private final Clock clock;

    public RequestTimeWindow(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public boolean contains(long epochMs) {
        return epochMs >= EARLIEST_MS && epochMs <= clock.millis() + MAX_AHEAD_MS;
    }
}
