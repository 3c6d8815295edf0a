package dev.apigwinsights.insights;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a caller sets when running an insight: the time range, filter values, and the knobs some
 * insights take (time grain, top-N size, SLO targets, prices per plan, anomaly look-back). Values
 * are checked when set, so a bad one fails with a message for the user
 * ({@link InsightParameterException}), never later in SQL.
 */
public final class InsightParams {

    /** Default availability objective: 99.9% of requests are not 5xx. */
    public static final double DEFAULT_AVAILABILITY_TARGET_PCT = 99.9;
    /** Default latency objective: 99% of requests answer within 1000 ms. */
    public static final long DEFAULT_LATENCY_THRESHOLD_MS = 1000;
    public static final double DEFAULT_LATENCY_TARGET_PCT = 99.0;
    /** Default number of previous weeks an hour is compared with for anomalies. */
    public static final int DEFAULT_ANOMALY_WEEKS = 4;

    private static final InsightParams NONE = builder().build();

    private final TimeRange range;
    private final Map<Filter, List<Object>> filters;
    private final TimeGrain grain;
    private final Integer limit;
    private final double availabilityTargetPct;
    private final long latencyThresholdMs;
    private final double latencyTargetPct;
    private final Map<String, Double> pricePerRequestByPlan;
    private final int anomalyWeeks;

    private InsightParams(Builder b) {
        this.range = b.range;
        Map<Filter, List<Object>> f = new EnumMap<>(Filter.class);
        b.filters.forEach((k, v) -> f.put(k, List.copyOf(v)));
        this.filters = Collections.unmodifiableMap(f);
        this.grain = b.grain;
        this.limit = b.limit;
        this.availabilityTargetPct = b.availabilityTargetPct;
        this.latencyThresholdMs = b.latencyThresholdMs;
        this.latencyTargetPct = b.latencyTargetPct;
        this.pricePerRequestByPlan = Collections.unmodifiableMap(new LinkedHashMap<>(b.pricePerRequestByPlan));
        this.anomalyWeeks = b.anomalyWeeks;
    }

    /** No range, no filters, defaults everywhere. */
    public static InsightParams none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.range = range;
        filters.forEach((k, v) -> b.filters.put(k, new ArrayList<>(v)));
        b.grain = grain;
        b.limit = limit;
        b.availabilityTargetPct = availabilityTargetPct;
        b.latencyThresholdMs = latencyThresholdMs;
        b.latencyTargetPct = latencyTargetPct;
        b.pricePerRequestByPlan.putAll(pricePerRequestByPlan);
        b.anomalyWeeks = anomalyWeeks;
        return b;
    }

    public Optional<TimeRange> range() {
        return Optional.ofNullable(range);
    }

    /** Converted values per filter (a Long for {@link Filter#STATUS}, else a String). */
    public Map<Filter, List<Object>> filters() {
        return filters;
    }

    /** The time grain overriding insights' defaults, if set. */
    public Optional<TimeGrain> grain() {
        return Optional.ofNullable(grain);
    }

    /** The top-N size overriding insights' defaults, if set. */
    public OptionalInt limit() {
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    public double availabilityTargetPct() {
        return availabilityTargetPct;
    }

    public long latencyThresholdMs() {
        return latencyThresholdMs;
    }

    public double latencyTargetPct() {
        return latencyTargetPct;
    }

    /** Price of one request per usage plan name; plans without a price get no bill. */
    public Map<String, Double> pricePerRequestByPlan() {
        return pricePerRequestByPlan;
    }

    public int anomalyWeeks() {
        return anomalyWeeks;
    }

    /** Builds {@link InsightParams}; every setter checks its value. */
    public static final class Builder {
        private TimeRange range;
        private final Map<Filter, List<Object>> filters = new EnumMap<>(Filter.class);
        private TimeGrain grain;
        private Integer limit;
        private double availabilityTargetPct = DEFAULT_AVAILABILITY_TARGET_PCT;
        private long latencyThresholdMs = DEFAULT_LATENCY_THRESHOLD_MS;
        private double latencyTargetPct = DEFAULT_LATENCY_TARGET_PCT;
        private final Map<String, Double> pricePerRequestByPlan = new LinkedHashMap<>();
        private int anomalyWeeks = DEFAULT_ANOMALY_WEEKS;

        private Builder() {
        }

        public Builder range(TimeRange value) {
            this.range = value;
            return this;
        }

        /** Adds a value to {@code filter} (values of one filter are OR-ed). */
        public Builder filter(Filter filter, String value) {
            Objects.requireNonNull(filter, "filter");
            filters.computeIfAbsent(filter, f -> new ArrayList<>()).add(filter.convert(value));
            return this;
        }

        /** Adds a {@code key=value} filter as the CLI's {@code --filter} gives it. */
        public Builder filter(String assignment) {
            Filter.Parsed parsed = Filter.parse(assignment);
            filters.computeIfAbsent(parsed.filter(), f -> new ArrayList<>()).add(parsed.value());
            return this;
        }

        public Builder grain(TimeGrain value) {
            this.grain = value;
            return this;
        }

        public Builder limit(int value) {
            if (value < 1 || value > 100_000) {
                throw new InsightParameterException("limit must be between 1 and 100000: " + value);
            }
            this.limit = value;
            return this;
        }

        public Builder availabilityTargetPct(double value) {
            this.availabilityTargetPct = percentBelow100("availability target", value);
            return this;
        }

        public Builder latencyThresholdMs(long value) {
            if (value <= 0) {
                throw new InsightParameterException("latency threshold must be positive: " + value);
            }
            this.latencyThresholdMs = value;
            return this;
        }

        public Builder latencyTargetPct(double value) {
            this.latencyTargetPct = percentBelow100("latency target", value);
            return this;
        }

        public Builder price(String usagePlanName, double pricePerRequest) {
            Objects.requireNonNull(usagePlanName, "usagePlanName");
            if (!(pricePerRequest >= 0) || Double.isInfinite(pricePerRequest)) {
                throw new InsightParameterException("price of plan " + usagePlanName + " must be >= 0: " + pricePerRequest);
            }
            pricePerRequestByPlan.put(usagePlanName, pricePerRequest);
            return this;
        }

        public Builder anomalyWeeks(int value) {
            if (value < 2 || value > 12) {
                throw new InsightParameterException("anomaly weeks must be between 2 and 12: " + value);
            }
            this.anomalyWeeks = value;
            return this;
        }

        public InsightParams build() {
            return new InsightParams(this);
        }

        private static double percentBelow100(String what, double value) {
            if (!(value > 0 && value < 100)) {
                throw new InsightParameterException(what + " must be a percentage above 0 and below 100: " + value);
            }
            return value;
        }
    }
}
