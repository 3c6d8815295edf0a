package dev.apigwinsights.insights;

import static dev.apigwinsights.insights.Oracle.desc;
import static dev.apigwinsights.insights.Oracle.sorted;
import static dev.apigwinsights.insights.Oracle.upTo;

import java.util.Arrays;
import java.util.function.BiConsumer;

final class RawOracles {

    private RawOracles() {
    }

    static void register(BiConsumer<String, Oracle.Answer> define) {
        define.accept("raw_requests", in -> sorted(in.rows().stream()
                .map(r -> Arrays.<Object>asList(r.time(), r.str("request_id"), r.str("api_id"), r.str("stage"), r.str("http_method"), r.route(),
                        r.str("path"), r.lng("status"), r.lng("response_latency_ms"), r.lng("response_length"), r.str("source_ip"),
                        r.str("auth_method"), ClientOracles.principal(r), r.str("api_key_id"), r.str("usage_plan_name"), r.str("error_category"),
                        r.str("error_message")))
                .toList(), in.limit(100), upTo(17).subList(1, 17), desc(0)));
    }
}
