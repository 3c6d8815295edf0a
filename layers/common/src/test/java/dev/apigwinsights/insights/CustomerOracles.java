package dev.apigwinsights.insights;

import static dev.apigwinsights.insights.Oracle.agg;
import static dev.apigwinsights.insights.Oracle.asc;
import static dev.apigwinsights.insights.Oracle.count;
import static dev.apigwinsights.insights.Oracle.desc;
import static dev.apigwinsights.insights.Oracle.distinct;
import static dev.apigwinsights.insights.Oracle.first;
import static dev.apigwinsights.insights.Oracle.group;
import static dev.apigwinsights.insights.Oracle.key;
import static dev.apigwinsights.insights.Oracle.last;
import static dev.apigwinsights.insights.Oracle.pct;
import static dev.apigwinsights.insights.Oracle.rate;
import static dev.apigwinsights.insights.Oracle.row;
import static dev.apigwinsights.insights.Oracle.sorted;
import static dev.apigwinsights.insights.OverviewOracles.countBy;
import static dev.apigwinsights.insights.OverviewOracles.countByKeys;
import static dev.apigwinsights.insights.OverviewOracles.where;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

final class CustomerOracles {

    private CustomerOracles() {
    }

    private static boolean rejected(FixtureRow r) {
        return r.is("error_category", "QUOTA") || r.is("error_category", "THROTTLE");
    }

    static void register(BiConsumer<String, Oracle.Answer> define) {
        define.accept("requests_by_usage_plan", in -> countBy(in.rows(), r -> key(r.str("usage_plan_name")), 1, 0));
        define.accept("requests_by_customer", in -> sorted(agg(where(in.rows(), r -> r.str("customer_id") != null),
                r -> key(r.str("customer_id")),
                g -> Arrays.asList((long) g.size(), distinct(g, r -> r.str("api_key_id")), rate(count(g, Oracle::isError), g.size()),
                        pct(g, "response_latency_ms", 0.95), last(g))), 0, List.of(0), desc(1)));
        define.accept("requests_by_api_key", in -> sorted(agg(where(in.rows(), r -> r.str("api_key_id") != null),
                r -> key(r.str("api_key_id"), r.str("api_key_name"), r.str("customer_id"), r.str("usage_plan_name")),
                g -> Arrays.asList((long) g.size(), rate(count(g, Oracle::isError), g.size()), last(g))),
                in.limit(50), List.of(0, 1, 2, 3), desc(4)));
        define.accept("requests_over_time_by_usage_plan", in -> countByKeys(where(in.rows(), r -> r.str("usage_plan_name") != null),
                r -> key(in.grain().truncate(r.time()), r.str("usage_plan_name")), 2));
        define.accept("requests_over_time_by_customer", in -> countByKeys(where(in.rows(), r -> r.str("customer_id") != null),
                r -> key(in.grain().truncate(r.time()), r.str("customer_id")), 2));
        define.accept("quota_usage_by_key", in -> {
            TimeRange range = in.params().range().orElse(null);
            List<FixtureRow> rows = in.filteredOnly().stream()
                    .filter(r -> r.str("api_key_id") != null && r.lng("quota_limit") != null
                            && List.of("DAY", "WEEK", "MONTH").contains(r.str("quota_period")))
                    .filter(r -> !rejected(r))
                    .filter(r -> range == null || (!r.time().isBefore(range.from().minus(Duration.ofDays(31))) && r.time().isBefore(range.to())))
                    .toList();
            List<List<Object>> out = new ArrayList<>();
            group(rows, r -> key(r.str("api_key_id"), r.str("usage_plan_name"),
                    FixtureData.periodStart(r.time(), r.str("quota_period"), r.lng("quota_offset").intValue())
                            .atStartOfDay(ZoneOffset.UTC).toInstant()))
                    .forEach((k, g) -> {
                        if (range != null && last(g).isBefore(range.from())) {
                            return;
                        }
                        long limit = g.stream().mapToLong(r -> r.lng("quota_limit")).max().orElseThrow();
                        out.add(row(k.get(0), k.get(1), k.get(2), (long) g.size(), limit, limit == 0 ? null : 100.0 * g.size() / limit));
                    });
            return sorted(out, 0, List.of(0, 1, 2), desc(5));
        });
        define.accept("quota_and_throttle_hits", in -> sorted(agg(where(in.rows(), CustomerOracles::rejected),
                r -> key(r.str("api_key_id"), r.str("customer_id"), r.str("usage_plan_name"), r.str("error_category")),
                g -> Arrays.asList((long) g.size(), first(g), last(g))), 0, List.of(0, 1, 2, 3), desc(4)));
        define.accept("unknown_api_keys", in -> sorted(agg(
                where(in.rows(), r -> r.str("api_key_id") != null && r.is("enrichment_status", "UNKNOWN_KEY")),
                r -> key(r.str("api_key_id")),
                g -> Arrays.asList((long) g.size(), distinct(g, r -> r.str("source_ip")), first(g), last(g))), 0, List.of(0), desc(1)));
        define.accept("new_vs_returning_consumers", in -> {
            TimeRange range = in.params().range().orElse(null);
            List<FixtureRow> seen = in.filteredOnly().stream()
                    .filter(r -> r.str("api_key_id") != null)
                    .filter(r -> range == null || (!r.time().isBefore(range.from().minus(Duration.ofDays(30))) && r.time().isBefore(range.to())))
                    .toList();
            Map<String, Instant> firstBucket = new HashMap<>();
            group(seen, r -> key(r.str("api_key_id"))).forEach((k, g) -> firstBucket.put((String) k.get(0), in.grain().truncate(first(g))));
            List<FixtureRow> active = where(seen, r -> range == null || !r.time().isBefore(range.from()));
            Map<List<Object>, Long> counts = new HashMap<>();
            group(active, r -> key(r.str("api_key_id"), in.grain().truncate(r.time()))).keySet().forEach(k -> {
                Instant bucket = (Instant) k.get(1);
                String kind = firstBucket.get((String) k.get(0)).equals(bucket) ? "new" : "returning";
                counts.merge(key(bucket, kind), 1L, Long::sum);
            });
            List<List<Object>> out = new ArrayList<>();
            counts.forEach((k, n) -> out.add(row(k.get(0), k.get(1), n)));
            return sorted(out, 0, List.of(1), asc(0));
        });
        define.accept("estimated_bill_by_customer", in -> {
            Map<String, Double> prices = in.params().pricePerRequestByPlan();
            return sorted(agg(where(in.rows(), r -> r.str("api_key_id") != null && !rejected(r)),
                    r -> key(r.str("customer_id"), r.str("usage_plan_name")), g -> {
                        return Arrays.asList((long) g.size(), null, null);
                    }).stream().map(r -> {
                        Double price = r.get(1) == null ? null : prices.get((String) r.get(1));
                        return Arrays.<Object>asList(r.get(0), r.get(1), r.get(2), price, price == null ? null : (Long) r.get(2) * price);
                    }).toList(), 0, List.of(0, 1), desc(4).thenComparing(desc(2)));
        });
    }
}
