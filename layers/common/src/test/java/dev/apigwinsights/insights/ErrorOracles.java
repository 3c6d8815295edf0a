package dev.apigwinsights.insights;

import static dev.apigwinsights.insights.Oracle.agg;
import static dev.apigwinsights.insights.Oracle.count;
import static dev.apigwinsights.insights.Oracle.desc;
import static dev.apigwinsights.insights.Oracle.first;
import static dev.apigwinsights.insights.Oracle.isError;
import static dev.apigwinsights.insights.Oracle.key;
import static dev.apigwinsights.insights.Oracle.last;
import static dev.apigwinsights.insights.Oracle.rate;
import static dev.apigwinsights.insights.Oracle.sorted;
import static dev.apigwinsights.insights.OverviewOracles.countBy;
import static dev.apigwinsights.insights.OverviewOracles.countByKeys;
import static dev.apigwinsights.insights.OverviewOracles.where;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

final class ErrorOracles {

    private ErrorOracles() {
    }

    static void register(BiConsumer<String, Oracle.Answer> define) {
        define.accept("top_error_signatures", in -> countBy(where(in.rows(), r -> r.str("error_signature") != null),
                r -> key(r.str("error_signature")), 1, in.limit(10)));
        define.accept("errors_by_category", in -> countBy(where(in.rows(), Oracle::isError), r -> key(r.str("error_category")), 1, 0));
        define.accept("errors_over_time_by_category", in -> countByKeys(where(in.rows(), Oracle::isError),
                r -> key(in.grain().truncate(r.time()), r.str("error_category")), 2));
        define.accept("errors_by_status", in -> countBy(where(in.rows(), r -> r.lng("status") != null && r.lng("status") >= 400),
                r -> key(r.lng("status")), 1, 0));
        define.accept("errors_over_time_by_response_type", in -> countByKeys(where(in.rows(), r -> r.str("error_response_type") != null),
                r -> key(in.grain().truncate(r.time()), r.str("error_response_type")), 2));
        define.accept("top_error_messages", in -> sorted(agg(where(in.rows(), r -> isError(r) && r.str("error_message") != null),
                r -> key(r.str("error_message")), g -> Arrays.asList((long) g.size(), first(g), last(g))), in.limit(10), List.of(0), desc(1)));
        define.accept("error_signatures_over_time", in -> {
            List<FixtureRow> errors = where(in.rows(), r -> r.str("error_signature") != null);
            Set<Object> top = countBy(errors, r -> key(r.str("error_signature")), 1, in.limit(5)).stream()
                    .map(r -> r.get(0)).collect(Collectors.toSet());
            return countByKeys(where(errors, r -> top.contains(r.str("error_signature"))),
                    r -> key(in.grain().truncate(r.time()), r.str("error_signature")), 2);
        });
        define.accept("top_failing_routes", in -> sorted(agg(in.rows(), r -> key(r.route()), g -> {
            long errors = count(g, Oracle::isError);
            return Arrays.asList(errors, (long) g.size(), rate(errors, g.size()), count(g, r -> r.is("status_class", "5xx")));
        }), in.limit(10), List.of(0), desc(1)));
        define.accept("top_failing_apis", in -> sorted(agg(in.rows(), r -> key(r.str("api_id")), g -> {
            long errors = count(g, Oracle::isError);
            return Arrays.asList(errors, rate(errors, g.size()));
        }), in.limit(10), List.of(0), desc(1)));
        define.accept("top_client_ips_by_errors", in -> countBy(where(in.rows(), r -> isError(r) && r.str("source_ip") != null),
                r -> key(r.str("source_ip")), 1, in.limit(10)));
        define.accept("authorizer_errors", in -> sorted(agg(where(in.rows(), r -> r.str("authorizer_error") != null),
                r -> key(r.str("authorizer_error")), g -> Arrays.asList((long) g.size(), first(g), last(g))), in.limit(20), List.of(0), desc(1)));
        define.accept("waf_blocks", in -> sorted(agg(where(in.rows(), r -> r.is("error_category", "WAF")),
                r -> key(r.str("source_ip"), r.route()), g -> Arrays.asList((long) g.size(), first(g), last(g))),
                in.limit(20), List.of(0, 1), desc(2)));
        define.accept("integration_errors", in -> sorted(agg(where(in.rows(), r -> r.is("error_category", "INTEGRATION")),
                r -> key(r.str("error_signature"), r.route()), g -> Arrays.asList((long) g.size(), first(g), last(g))),
                in.limit(20), List.of(0, 1), desc(2)));
        define.accept("recent_errors", in -> sorted(where(in.rows(), Oracle::isError).stream()
                .map(r -> Arrays.<Object>asList(r.time(), r.str("request_id"), r.str("api_id"), r.route(), r.lng("status"),
                        r.str("error_category"), r.str("error_response_type"), r.str("error_signature"), r.str("source_ip"),
                        r.str("api_key_id")))
                .toList(), in.limit(50), List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), desc(0)));
    }
}
