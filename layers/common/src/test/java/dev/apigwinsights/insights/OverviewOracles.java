package dev.apigwinsights.insights;

import static dev.apigwinsights.insights.Oracle.agg;
import static dev.apigwinsights.insights.Oracle.asc;
import static dev.apigwinsights.insights.Oracle.avg;
import static dev.apigwinsights.insights.Oracle.count;
import static dev.apigwinsights.insights.Oracle.desc;
import static dev.apigwinsights.insights.Oracle.key;
import static dev.apigwinsights.insights.Oracle.percentile;
import static dev.apigwinsights.insights.Oracle.rate;
import static dev.apigwinsights.insights.Oracle.row;
import static dev.apigwinsights.insights.Oracle.sorted;
import static dev.apigwinsights.insights.Oracle.sum;
import static dev.apigwinsights.insights.Oracle.upTo;
import static dev.apigwinsights.insights.Oracle.values;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

final class OverviewOracles {

    private OverviewOracles() {
    }

    /** Count per key, by count descending (then keys ascending), cut to {@code limit} (0: all). */
    static List<List<Object>> countBy(List<FixtureRow> rows, Function<FixtureRow, List<Object>> key, int keys, int limit) {
        return sorted(agg(rows, key, g -> List.of((long) g.size())), limit, upTo(keys), desc(keys));
    }

    /** Count per key, by keys ascending. */
    static List<List<Object>> countByKeys(List<FixtureRow> rows, Function<FixtureRow, List<Object>> key, int keys) {
        return sorted(agg(rows, key, g -> List.of((long) g.size())), 0, upTo(keys), asc(0));
    }

    static List<FixtureRow> where(List<FixtureRow> rows, java.util.function.Predicate<FixtureRow> p) {
        return rows.stream().filter(p).toList();
    }

    static void register(BiConsumer<String, Oracle.Answer> define) {
        define.accept("overview_kpis", in -> {
            List<FixtureRow> rows = in.rows();
            long n = rows.size();
            long s2 = count(rows, r -> r.is("status_class", "2xx"));
            long s4 = count(rows, r -> r.is("status_class", "4xx"));
            long s5 = count(rows, r -> r.is("status_class", "5xx"));
            List<Long> latency = values(rows, "response_latency_ms");
            return List.of(row(n, s2, s4, s5, rate(s4, n), rate(s5, n), sum(values(rows, "response_length")),
                    avg(latency), percentile(latency, 0.95)));
        });
        define.accept("requests_by_status_class", in -> countBy(in.rows(), r -> key(r.str("status_class")), 1, 0));
        define.accept("requests_over_time", in -> sorted(agg(in.rows(), r -> key(in.grain().truncate(r.time())),
                g -> List.of((long) g.size(), count(g, Oracle::isError))), 0, List.of(), asc(0)));
        define.accept("requests_over_time_by_status_class", in ->
                countByKeys(in.rows(), r -> key(in.grain().truncate(r.time()), r.str("status_class")), 2));
        define.accept("top_routes", in -> countBy(where(in.rows(), r -> r.route() != null), r -> key(r.route()), 1, in.limit(10)));
        define.accept("status_class_by_api", in -> countByKeys(in.rows(), r -> key(r.str("api_id"), r.str("status_class")), 2));
        define.accept("requests_by_weekday_hour", in -> countByKeys(in.rows(), r -> {
            var z = r.time().atZone(ZoneOffset.UTC);
            return key((long) z.getDayOfWeek().getValue(), (long) z.getHour());
        }, 2));
        define.accept("requests_by_stage", in -> sorted(agg(in.rows(), r -> key(r.str("stage")),
                g -> List.of((long) g.size(), rate(count(g, Oracle::isError), g.size()))), 0, List.of(0), desc(1)));
        define.accept("requests_by_api_type", in -> countBy(in.rows(), r -> key(r.str("api_type")), 1, 0));
        define.accept("top_domains", in -> countBy(where(in.rows(), r -> r.str("domain_name") != null),
                r -> key(r.str("domain_name")), 1, in.limit(10)));
        define.accept("requests_by_method", in -> countBy(where(in.rows(), r -> r.str("http_method") != null),
                r -> key(r.str("http_method")), 1, 0));
        define.accept("requests_by_protocol", in -> countBy(where(in.rows(), r -> r.str("protocol") != null),
                r -> key(r.str("protocol")), 1, 0));
        define.accept("requests_by_status", in -> countBy(where(in.rows(), r -> r.lng("status") != null),
                r -> key(r.lng("status")), 1, 0));
        define.accept("requests_over_time_by_api", in -> countByKeys(in.rows(), r -> key(in.grain().truncate(r.time()), r.str("api_id")), 2));
        define.accept("requests_over_time_by_stage", in -> countByKeys(in.rows(), r -> key(in.grain().truncate(r.time()), r.str("stage")), 2));
        define.accept("requests_over_time_by_method", in ->
                countByKeys(in.rows(), r -> key(in.grain().truncate(r.time()), r.str("http_method")), 2));
        define.accept("data_volume_over_time", in -> sorted(agg(in.rows(), r -> key(in.grain().truncate(r.time())),
                g -> Arrays.asList(sum(values(g, "response_length")), (long) g.size())), 0, List.of(), asc(0)));
        define.accept("requests_change_vs_previous", in -> {
            TimeRange current = in.params().range().orElse(new TimeRange(in.now().minus(Duration.ofDays(1)), in.now()));
            TimeRange previous = new TimeRange(current.from().minus(current.length()), current.from());
            TimeRange lastWeek = new TimeRange(current.from().minus(Duration.ofDays(7)), current.to().minus(Duration.ofDays(7)));
            List<FixtureRow> all = in.filteredOnly();
            long[] requests = new long[3];
            Double[] rate5xx = new Double[3];
            Double[] p95 = new Double[3];
            TimeRange[] periods = {current, previous, lastWeek};
            for (int i = 0; i < 3; i++) {
                TimeRange p = periods[i];
                List<FixtureRow> rows = where(all, r -> p.contains(r.time()));
                requests[i] = rows.size();
                rate5xx[i] = rate(count(rows, r -> r.is("status_class", "5xx")), rows.size());
                p95[i] = percentile(values(rows, "response_latency_ms"), 0.95);
            }
            List<Object> out = new ArrayList<>(List.of(requests[0], requests[1], requests[2]));
            out.add(requests[1] == 0 ? null : 100.0 * (requests[0] - requests[1]) / requests[1]);
            out.add(requests[2] == 0 ? null : 100.0 * (requests[0] - requests[2]) / requests[2]);
            out.addAll(Arrays.asList(rate5xx));
            out.addAll(Arrays.asList(p95));
            return List.of(out);
        });
    }

}
