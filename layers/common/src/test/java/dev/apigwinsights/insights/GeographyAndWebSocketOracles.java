package dev.apigwinsights.insights;

import static dev.apigwinsights.insights.Oracle.agg;
import static dev.apigwinsights.insights.Oracle.asc;
import static dev.apigwinsights.insights.Oracle.avg;
import static dev.apigwinsights.insights.Oracle.count;
import static dev.apigwinsights.insights.Oracle.desc;
import static dev.apigwinsights.insights.Oracle.distinct;
import static dev.apigwinsights.insights.Oracle.key;
import static dev.apigwinsights.insights.Oracle.pct;
import static dev.apigwinsights.insights.Oracle.percentile;
import static dev.apigwinsights.insights.Oracle.rate;
import static dev.apigwinsights.insights.Oracle.row;
import static dev.apigwinsights.insights.Oracle.sorted;
import static dev.apigwinsights.insights.OverviewOracles.countByKeys;
import static dev.apigwinsights.insights.OverviewOracles.where;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

final class GeographyAndWebSocketOracles {

    private GeographyAndWebSocketOracles() {
    }

    private static boolean isWs(FixtureRow r) {
        return r.is("api_type", "WEBSOCKET");
    }

    private static List<Long> durations(List<FixtureRow> rows) {
        return rows.stream().filter(r -> r.is("event_type", "DISCONNECT") && r.lng("connected_at") != null && r.lng("request_time_epoch_ms") != null)
                .map(r -> r.lng("request_time_epoch_ms") - r.lng("connected_at")).toList();
    }

    static void register(BiConsumer<String, Oracle.Answer> define) {
        define.accept("requests_by_country", in -> sorted(agg(where(in.rows(), r -> r.str("client_country") != null),
                r -> key(r.str("client_country")),
                g -> Arrays.asList((long) g.size(), rate(count(g, r -> r.is("status_class", "4xx") || r.is("status_class", "5xx")), g.size()),
                        pct(g, "response_latency_ms", 0.95))), 0, List.of(0), desc(1)));
        define.accept("errors_by_country", in -> sorted(agg(where(in.rows(), r -> r.str("client_country") != null),
                r -> key(r.str("client_country")), g -> {
                    long e4 = count(g, r -> r.is("status_class", "4xx"));
                    long e5 = count(g, r -> r.is("status_class", "5xx"));
                    return Arrays.asList(e4, e5, rate(e4, g.size()), rate(e5, g.size()));
                }), 0, List.of(0), desc(1)));
        define.accept("latency_by_country", in -> sorted(agg(where(in.rows(), r -> r.str("client_country") != null),
                r -> key(r.str("client_country")),
                g -> Arrays.asList(pct(g, "response_latency_ms", 0.5), pct(g, "response_latency_ms", 0.95), (long) g.size())),
                0, List.of(0), desc(2)));
        define.accept("requests_over_time_by_country", in -> countByKeys(where(in.rows(), r -> r.str("client_country") != null),
                r -> key(in.grain().truncate(r.time()), r.str("client_country")), 2));

        define.accept("websocket_kpis", in -> {
            List<FixtureRow> ws = where(in.rows(), GeographyAndWebSocketOracles::isWs);
            List<Long> d = durations(ws);
            return List.of(row(count(ws, r -> r.is("event_type", "CONNECT")), count(ws, r -> r.is("event_type", "MESSAGE")),
                    count(ws, r -> r.is("event_type", "DISCONNECT")), distinct(ws, r -> r.str("connection_id")), avg(d), percentile(d, 0.95)));
        });
        define.accept("websocket_events_over_time", in -> countByKeys(where(in.rows(), r -> isWs(r) && r.str("event_type") != null),
                r -> key(in.grain().truncate(r.time()), r.str("event_type")), 2));
        define.accept("websocket_messages_by_route", in -> sorted(agg(where(in.rows(), r -> isWs(r) && r.is("event_type", "MESSAGE")),
                r -> key(r.str("route_key")), g -> Arrays.asList((long) g.size(), rate(count(g, Oracle::isError), g.size()))),
                0, List.of(0), desc(1)));
        define.accept("websocket_connection_durations", in -> countByKeys(where(in.rows(), r -> isWs(r) && r.is("event_type", "DISCONNECT")
                && r.lng("connected_at") != null && r.lng("request_time_epoch_ms") != null), r -> {
                    long v = r.lng("request_time_epoch_ms") - r.lng("connected_at");
                    long bin = 0;
                    for (long edge : new long[] {0, 1_000, 10_000, 30_000, 60_000, 300_000, 900_000, 1_800_000, 3_600_000, 7_200_000}) {
                        if (v >= edge) {
                            bin = edge;
                        }
                    }
                    return key(bin);
                }, 1));
        define.accept("websocket_connections_over_time", in -> sorted(agg(where(in.rows(), GeographyAndWebSocketOracles::isWs),
                r -> key(in.grain().truncate(r.time())),
                g -> Arrays.asList(distinct(g, r -> r.str("connection_id")), count(g, r -> r.is("event_type", "MESSAGE")), (long) g.size())),
                0, List.of(), asc(0)));
    }
}
