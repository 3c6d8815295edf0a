package dev.apigwinsights.insights;

import static dev.apigwinsights.insights.Oracle.agg;
import static dev.apigwinsights.insights.Oracle.asc;
import static dev.apigwinsights.insights.Oracle.count;
import static dev.apigwinsights.insights.Oracle.key;
import static dev.apigwinsights.insights.Oracle.percentileOf;
import static dev.apigwinsights.insights.Oracle.rate;
import static dev.apigwinsights.insights.Oracle.row;
import static dev.apigwinsights.insights.Oracle.sorted;
import static dev.apigwinsights.insights.OverviewOracles.where;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

final class ReliabilityOracles {

    private ReliabilityOracles() {
    }

    private static boolean hasStatus(FixtureRow r) {
        return r.str("status_class") != null;
    }

    private static boolean is5xx(FixtureRow r) {
        return r.is("status_class", "5xx");
    }

    private static Double availability(List<FixtureRow> g) {
        return rate(count(g, r -> hasStatus(r) && !is5xx(r)), count(g, ReliabilityOracles::hasStatus));
    }

    private static Double withinLatency(List<FixtureRow> g, long threshold) {
        return rate(count(g, r -> r.lng("response_latency_ms") != null && r.lng("response_latency_ms") <= threshold),
                count(g, r -> r.lng("response_latency_ms") != null));
    }

    private static List<FixtureRow> in(Oracle.Input in, TimeRange window) {
        return where(in.filteredOnly(), r -> window.contains(r.time()));
    }

    private static Instant end(Oracle.Input in) {
        return in.params().range().map(TimeRange::to).orElse(in.now());
    }

    static void register(BiConsumer<String, Oracle.Answer> define) {
        define.accept("slo_status", in -> {
            InsightParams p = in.params();
            List<FixtureRow> g = in(in, p.range().orElse(new TimeRange(in.now().minus(Duration.ofDays(30)), in.now())));
            return List.of(row((long) g.size(), availability(g), p.availabilityTargetPct(), withinLatency(g, p.latencyThresholdMs()),
                    p.latencyTargetPct(), p.latencyThresholdMs()));
        });
        define.accept("error_budget", in -> {
            double target = in.params().availabilityTargetPct();
            List<FixtureRow> g = in(in, new TimeRange(end(in).minus(Duration.ofDays(30)), end(in)));
            long requests = count(g, ReliabilityOracles::hasStatus);
            long errors = count(g, ReliabilityOracles::is5xx);
            double allowed = requests * (100 - target) / 100;
            return List.of(row(requests, errors, availability(g), target, allowed, allowed == 0 ? null : 100 * (1 - errors / allowed)));
        });
        define.accept("burn_rates", in -> {
            double target = in.params().availabilityTargetPct();
            Instant end = end(in);
            List<FixtureRow> six = in(in, new TimeRange(end.minus(Duration.ofHours(6)), end));
            List<FixtureRow> one = where(six, r -> !r.time().isBefore(end.minus(Duration.ofHours(1))));
            Double rate1 = rate(count(one, ReliabilityOracles::is5xx), count(one, ReliabilityOracles::hasStatus));
            Double rate6 = rate(count(six, ReliabilityOracles::is5xx), count(six, ReliabilityOracles::hasStatus));
            return List.of(row(count(one, ReliabilityOracles::hasStatus), rate1, rate1 == null ? null : rate1 / (100 - target),
                    count(six, ReliabilityOracles::hasStatus), rate6, rate6 == null ? null : rate6 / (100 - target), target));
        });
        define.accept("availability_over_time", in -> sorted(agg(in.rows(), r -> key(in.grain().truncate(r.time())),
                g -> Arrays.asList(availability(g), (long) g.size())), 0, List.of(), asc(0)));
        define.accept("latency_slo_over_time", in -> sorted(agg(in.rows(), r -> key(in.grain().truncate(r.time())),
                g -> Arrays.asList(withinLatency(g, in.params().latencyThresholdMs()), in.params().latencyTargetPct())), 0, List.of(), asc(0)));
        define.accept("availability_by_route", in -> sorted(agg(in.rows(), r -> key(r.route()),
                g -> Arrays.asList((long) g.size(), count(g, ReliabilityOracles::is5xx), availability(g))), in.limit(20), List.of(0), asc(3)));
        define.accept("hourly_anomalies", ReliabilityOracles::anomalies);
    }

    private static List<List<Object>> anomalies(Oracle.Input in) {
        TimeRange range = in.params().range().orElse(new TimeRange(in.now().minus(Duration.ofDays(1)), in.now()));
        Instant from = range.length().compareTo(Duration.ofDays(31)) > 0 ? range.to().minus(Duration.ofDays(31)) : range.from();
        Instant first = from.truncatedTo(ChronoUnit.HOURS);
        // whole hours only: an hour the range cuts short at its end is still filling up when it ends now
        Instant end = range.to().truncatedTo(ChronoUnit.HOURS);
        if (!end.isAfter(first)) {
            end = first.plus(Duration.ofHours(1));
        }
        int weeks = in.params().anomalyWeeks();
        Instant historyFrom = first.minus(Duration.ofDays(7L * weeks));
        Map<Instant, Long> hourly = new HashMap<>();
        for (FixtureRow r : in.filteredOnly()) {
            if (!r.time().isBefore(historyFrom) && r.time().isBefore(end)) {
                hourly.merge(r.time().truncatedTo(ChronoUnit.HOURS), 1L, Long::sum);
            }
        }
        List<List<Object>> out = new ArrayList<>();
        for (Instant h = first; h.isBefore(end); h = h.plus(Duration.ofHours(1))) {
            long x = hourly.getOrDefault(h, 0L);
            List<Double> past = new ArrayList<>();
            for (int k = 1; k <= weeks; k++) {
                past.add((double) hourly.getOrDefault(h.minus(Duration.ofDays(7L * k)), 0L));
            }
            double median = percentileOf(past, 0.5);
            List<Double> deviations = past.stream().map(v -> Math.abs(v - median)).toList();
            double mad = percentileOf(deviations, 0.5);
            double meanDeviation = deviations.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double scale;
            if (mad > 0) {
                scale = 1.4826 * mad;
            } else if (meanDeviation > 0) {
                scale = 1.253314 * meanDeviation;
            } else {
                continue; // no spread in the history: no z-score
            }
            double z = (x - median) / scale;
            if (Math.abs(z) >= 3.5) {
                out.add(row(h, x, median, mad, z));
            }
        }
        Comparator<List<Object>> byAbsZ = Comparator.comparingDouble(r -> -Math.abs((Double) r.get(4)));
        return sorted(out, in.limit(24), List.of(), byAbsZ.thenComparing(asc(0)));
    }
}
