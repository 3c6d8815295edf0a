package dev.apigwinsights.insights;

import static dev.apigwinsights.insights.Oracle.agg;
import static dev.apigwinsights.insights.Oracle.asc;
import static dev.apigwinsights.insights.Oracle.avg;
import static dev.apigwinsights.insights.Oracle.avgOf;
import static dev.apigwinsights.insights.Oracle.desc;
import static dev.apigwinsights.insights.Oracle.key;
import static dev.apigwinsights.insights.Oracle.pct;
import static dev.apigwinsights.insights.Oracle.percentile;
import static dev.apigwinsights.insights.Oracle.row;
import static dev.apigwinsights.insights.Oracle.sorted;
import static dev.apigwinsights.insights.OverviewOracles.countByKeys;
import static dev.apigwinsights.insights.OverviewOracles.where;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

final class LatencyOracles {

    private LatencyOracles() {
    }

    private static List<Long> overheads(List<FixtureRow> rows) {
        return rows.stream().filter(r -> r.lng("response_latency_ms") != null && r.lng("integration_latency_ms") != null)
                .map(r -> r.lng("response_latency_ms") - r.lng("integration_latency_ms")).toList();
    }

    static void register(BiConsumer<String, Oracle.Answer> define) {
        define.accept("latency_percentiles_by_route", in -> sorted(agg(in.rows(), r -> key(r.route()),
                g -> Arrays.asList((long) g.size(), pct(g, "response_latency_ms", 0.5), pct(g, "response_latency_ms", 0.95),
                        pct(g, "response_latency_ms", 0.99))), in.limit(50), List.of(0), desc(1)));
        define.accept("latency_histogram", in -> countByKeys(where(in.rows(), r -> r.lng("response_latency_ms") != null), r -> {
            long v = r.lng("response_latency_ms");
            long bin = 0;
            for (long edge : new long[] {0, 25, 50, 100, 200, 300, 500, 750, 1000, 2000, 5000, 10000}) {
                if (v >= edge) {
                    bin = edge;
                }
            }
            return key(bin);
        }, 1));
        define.accept("latency_kpis", in -> {
            List<FixtureRow> g = in.rows();
            return List.of(row(avgOf(g, "response_latency_ms"), pct(g, "response_latency_ms", 0.5), pct(g, "response_latency_ms", 0.95),
                    pct(g, "response_latency_ms", 0.99), avgOf(g, "integration_latency_ms"), pct(g, "integration_latency_ms", 0.95),
                    pct(g, "authorizer_latency_ms", 0.95), pct(g, "waf_latency_ms", 0.95), avg(overheads(g))));
        });
        define.accept("latency_over_time", in -> sorted(agg(in.rows(), r -> key(in.grain().truncate(r.time())),
                g -> Arrays.asList(pct(g, "response_latency_ms", 0.5), pct(g, "response_latency_ms", 0.95), pct(g, "response_latency_ms", 0.99))),
                0, List.of(), asc(0)));
        define.accept("integration_latency_over_time", in -> sorted(agg(where(in.rows(), r -> r.lng("integration_latency_ms") != null),
                r -> key(in.grain().truncate(r.time())),
                g -> Arrays.asList(avgOf(g, "integration_latency_ms"), pct(g, "integration_latency_ms", 0.95))), 0, List.of(), asc(0)));
        define.accept("integration_latency_by_route", in -> sorted(agg(where(in.rows(), r -> r.lng("integration_latency_ms") != null),
                r -> key(r.route()),
                g -> Arrays.asList((long) g.size(), avgOf(g, "integration_latency_ms"), pct(g, "integration_latency_ms", 0.5),
                        pct(g, "integration_latency_ms", 0.95), pct(g, "integration_latency_ms", 0.99))), in.limit(50), List.of(0), desc(4)));
        define.accept("authorizer_latency_over_time", in -> sorted(agg(where(in.rows(), r -> r.lng("authorizer_latency_ms") != null),
                r -> key(in.grain().truncate(r.time())),
                g -> Arrays.asList(avgOf(g, "authorizer_latency_ms"), pct(g, "authorizer_latency_ms", 0.95))), 0, List.of(), asc(0)));
        define.accept("waf_latency_over_time", in -> sorted(agg(where(in.rows(), r -> r.lng("waf_latency_ms") != null),
                r -> key(in.grain().truncate(r.time())),
                g -> Arrays.asList(avgOf(g, "waf_latency_ms"), pct(g, "waf_latency_ms", 0.95), pct(g, "waf_latency_ms", 0.99))),
                0, List.of(), asc(0)));
        define.accept("gateway_overhead_by_route", in -> sorted(agg(
                where(in.rows(), r -> r.lng("response_latency_ms") != null && r.lng("integration_latency_ms") != null),
                r -> key(r.route()),
                g -> Arrays.asList((long) g.size(), avg(overheads(g)), percentile(overheads(g), 0.95))), in.limit(50), List.of(0), desc(3)));
        define.accept("latency_by_route_and_status", in -> sorted(agg(in.rows(), r -> key(r.route(), r.str("status_class")),
                g -> Arrays.asList(pct(g, "response_latency_ms", 0.95))), 0, List.of(1), asc(0)));
        define.accept("latency_by_api", in -> sorted(agg(in.rows(), r -> key(r.str("api_id")),
                g -> Arrays.asList(pct(g, "response_latency_ms", 0.5), pct(g, "response_latency_ms", 0.95), (long) g.size())),
                0, List.of(0), desc(2)));
        define.accept("slowest_requests", in -> sorted(where(in.rows(), r -> r.lng("response_latency_ms") != null).stream()
                .map(r -> Arrays.<Object>asList(r.time(), r.str("request_id"), r.str("api_id"), r.route(), r.lng("status"),
                        r.lng("response_latency_ms"), r.lng("integration_latency_ms"), r.lng("authorizer_latency_ms"), r.str("source_ip")))
                .toList(), in.limit(20), List.of(1), desc(5)));
    }
}
