package dev.apigwinsights.insights;

import static dev.apigwinsights.insights.Oracle.asc;
import static dev.apigwinsights.insights.Oracle.avg;
import static dev.apigwinsights.insights.Oracle.count;
import static dev.apigwinsights.insights.Oracle.desc;
import static dev.apigwinsights.insights.Oracle.group;
import static dev.apigwinsights.insights.Oracle.key;
import static dev.apigwinsights.insights.Oracle.percentile;
import static dev.apigwinsights.insights.Oracle.rate;
import static dev.apigwinsights.insights.Oracle.row;
import static dev.apigwinsights.insights.Oracle.sorted;
import static dev.apigwinsights.insights.Oracle.sum;
import static dev.apigwinsights.insights.Oracle.values;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** The oracle of every insight, by id. A catalog insight without one fails {@code InsightOracleTest}. */
final class Oracles {

    static final Map<String, Oracle.Answer> ALL = new HashMap<>();

    private Oracles() {
    }

    private static void define(String id, Oracle.Answer answer) {
        if (ALL.put(id, answer) != null) {
            throw new IllegalStateException("two oracles for " + id);
        }
    }

    /** Count per key, sorted by count descending (then keys ascending), cut to {@code limit}. */
    private static List<List<Object>> countBy(List<FixtureRow> rows, Function<FixtureRow, List<Object>> key, int keys, int limit) {
        List<List<Object>> out = new ArrayList<>();
        group(rows, key).forEach((k, g) -> {
            List<Object> r = new ArrayList<>(k);
            r.add((long) g.size());
            out.add(r);
        });
        List<Integer> tie = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            tie.add(i);
        }
        return sorted(out, limit, tie, desc(keys));
    }

    /** Count per key, sorted by the keys ascending. */
    private static List<List<Object>> countByKeys(List<FixtureRow> rows, Function<FixtureRow, List<Object>> key, int keys) {
        List<List<Object>> out = new ArrayList<>();
        group(rows, key).forEach((k, g) -> {
            List<Object> r = new ArrayList<>(k);
            r.add((long) g.size());
            out.add(r);
        });
        List<Integer> tie = new ArrayList<>();
        for (int i = 1; i < keys; i++) {
            tie.add(i);
        }
        return sorted(out, 0, tie, asc(0));
    }

    static {
        // ---- Overview ----------------------------------------------------------------------------
        define("overview_kpis", in -> {
            List<FixtureRow> rows = in.rows();
            long n = rows.size();
            long s2 = count(rows, r -> r.is("status_class", "2xx"));
            long s4 = count(rows, r -> r.is("status_class", "4xx"));
            long s5 = count(rows, r -> r.is("status_class", "5xx"));
            List<Long> latency = values(rows, "response_latency_ms");
            return List.of(row(n, s2, s4, s5, rate(s4, n), rate(s5, n), sum(values(rows, "response_length")),
                    avg(latency), percentile(latency, 0.95)));
        });
        define("requests_by_status_class", in -> countBy(in.rows(), r -> key(r.str("status_class")), 1, 0));
        define("requests_over_time", in -> countByKeys(in.rows(), r -> key(in.grain().truncate(r.time())), 1));
        define("requests_over_time_by_status_class", in ->
                countByKeys(in.rows(), r -> key(in.grain().truncate(r.time()), r.str("status_class")), 2));
        define("top_routes", in -> countBy(in.rows().stream().filter(r -> r.route() != null).toList(),
                r -> key(r.route()), 1, in.limit(10)));
        define("status_class_by_api", in -> countByKeys(in.rows(), r -> key(r.str("api_id"), r.str("status_class")), 2));
        define("requests_by_weekday_hour", in -> countByKeys(in.rows(), r -> {
            var z = r.time().atZone(ZoneOffset.UTC);
            return key((long) z.getDayOfWeek().getValue(), (long) z.getHour());
        }, 2));
        define("requests_change_vs_previous", in -> {
            TimeRange current = in.params().range().orElse(new TimeRange(in.now().minus(Duration.ofDays(1)), in.now()));
            TimeRange previous = new TimeRange(current.from().minus(current.length()), current.from());
            TimeRange lastWeek = new TimeRange(current.from().minus(Duration.ofDays(7)), current.to().minus(Duration.ofDays(7)));
            List<FixtureRow> all = in.filteredOnly();
            List<Object> out = new ArrayList<>();
            long[] requests = new long[3];
            Double[] rate5xx = new Double[3];
            Double[] p95 = new Double[3];
            TimeRange[] periods = {current, previous, lastWeek};
            for (int i = 0; i < 3; i++) {
                TimeRange p = periods[i];
                List<FixtureRow> rows = all.stream().filter(r -> p.contains(r.time())).toList();
                requests[i] = rows.size();
                rate5xx[i] = rate(count(rows, r -> r.is("status_class", "5xx")), rows.size());
                p95[i] = percentile(values(rows, "response_latency_ms"), 0.95);
            }
            out.add(requests[0]);
            out.add(requests[1]);
            out.add(requests[2]);
            out.add(requests[1] == 0 ? null : 100.0 * (requests[0] - requests[1]) / requests[1]);
            out.add(requests[2] == 0 ? null : 100.0 * (requests[0] - requests[2]) / requests[2]);
            out.addAll(java.util.Arrays.asList(rate5xx));
            out.addAll(java.util.Arrays.asList(p95));
            return List.of(out);
        });

        // ---- Latency ------------------------------------------------------------------------------
        define("latency_percentiles_by_route", in -> {
            List<List<Object>> out = new ArrayList<>();
            group(in.rows(), r -> key(r.route())).forEach((k, g) -> {
                List<Long> l = values(g, "response_latency_ms");
                out.add(row(k.get(0), (long) g.size(), percentile(l, 0.5), percentile(l, 0.95), percentile(l, 0.99)));
            });
            return sorted(out, in.limit(50), List.of(0), desc(1));
        });
        define("latency_histogram", in -> countByKeys(in.rows().stream().filter(r -> r.lng("response_latency_ms") != null).toList(),
                r -> {
                    long v = r.lng("response_latency_ms");
                    long bin = 0;
                    for (long edge : new long[] {0, 25, 50, 100, 200, 300, 500, 750, 1000, 2000, 5000, 10000}) {
                        if (v >= edge) {
                            bin = edge;
                        }
                    }
                    return key(bin);
                }, 1));

        // ---- Errors -------------------------------------------------------------------------------
        define("top_error_signatures", in -> countBy(in.rows().stream().filter(r -> r.str("error_signature") != null).toList(),
                r -> key(r.str("error_signature")), 1, in.limit(10)));
        define("errors_by_category", in -> countBy(in.rows().stream().filter(r -> r.str("error_category") != null).toList(),
                r -> key(r.str("error_category")), 1, 0));

        // ---- Customers & quotas --------------------------------------------------------------------
        define("requests_by_usage_plan", in -> countBy(in.rows(), r -> key(r.str("usage_plan_name")), 1, 0));
        define("quota_usage_by_key", in -> {
            TimeRange range = in.params().range().orElse(null);
            List<FixtureRow> rows = in.filteredOnly().stream()
                    .filter(r -> r.str("api_key_id") != null && r.lng("quota_limit") != null
                            && List.of("DAY", "WEEK", "MONTH").contains(r.str("quota_period")))
                    .filter(r -> !"QUOTA".equals(r.str("error_category")) && !"THROTTLE".equals(r.str("error_category")))
                    .filter(r -> range == null || (!r.time().isBefore(range.from().minus(Duration.ofDays(31))) && r.time().isBefore(range.to())))
                    .toList();
            List<List<Object>> out = new ArrayList<>();
            group(rows, r -> key(r.str("api_key_id"), r.str("usage_plan_name"),
                    FixtureData.periodStart(r.time(), r.str("quota_period"), r.lng("quota_offset").intValue()).atStartOfDay(ZoneOffset.UTC).toInstant()))
                    .forEach((k, g) -> {
                        Instant last = g.stream().map(FixtureRow::time).max(Instant::compareTo).orElseThrow();
                        if (range != null && last.isBefore(range.from())) {
                            return;
                        }
                        long limit = g.stream().mapToLong(r -> r.lng("quota_limit")).max().orElseThrow();
                        out.add(row(k.get(0), k.get(1), k.get(2), (long) g.size(), limit,
                                limit == 0 ? null : 100.0 * g.size() / limit));
                    });
            return sorted(out, 0, List.of(0, 1, 2), desc(5));
        });

        // ---- Geography ----------------------------------------------------------------------------
        define("requests_by_country", in -> {
            List<List<Object>> out = new ArrayList<>();
            group(in.rows().stream().filter(r -> r.str("client_country") != null).toList(), r -> key(r.str("client_country")))
                    .forEach((k, g) -> out.add(row(k.get(0), (long) g.size(),
                            rate(count(g, r -> r.is("status_class", "4xx") || r.is("status_class", "5xx")), g.size()),
                            percentile(values(g, "response_latency_ms"), 0.95))));
            return sorted(out, 0, List.of(0), desc(1));
        });

        // ---- Raw ----------------------------------------------------------------------------------
        define("raw_requests", in -> {
            List<List<Object>> out = new ArrayList<>();
            for (FixtureRow r : in.rows()) {
                Object principal = firstNonNull(r.str("user_arn"), r.str("user"), r.str("caller"), r.str("claims_sub"),
                        r.str("cognito_identity_id"), r.str("authorizer_principal_id"));
                out.add(row(r.time(), r.str("request_id"), r.str("api_id"), r.str("stage"), r.str("http_method"), r.route(),
                        r.str("path"), r.lng("status"), r.lng("response_latency_ms"), r.lng("response_length"), r.str("source_ip"),
                        r.str("auth_method"), principal, r.str("api_key_id"), r.str("usage_plan_name"), r.str("error_category"),
                        r.str("error_message")));
            }
            List<Integer> tie = new ArrayList<>();
            for (int i = 1; i < 17; i++) {
                tie.add(i);
            }
            return sorted(out, in.limit(100), tie, desc(0));
        });
    }

    private static Object firstNonNull(Object... values) {
        for (Object v : values) {
            if (Objects.nonNull(v)) {
                return v;
            }
        }
        return null;
    }
}
