package dev.apigwinsights.insights;

import static dev.apigwinsights.insights.Oracle.agg;
import static dev.apigwinsights.insights.Oracle.count;
import static dev.apigwinsights.insights.Oracle.desc;
import static dev.apigwinsights.insights.Oracle.distinct;
import static dev.apigwinsights.insights.Oracle.asc;
import static dev.apigwinsights.insights.Oracle.key;
import static dev.apigwinsights.insights.Oracle.last;
import static dev.apigwinsights.insights.Oracle.rate;
import static dev.apigwinsights.insights.Oracle.sorted;
import static dev.apigwinsights.insights.OverviewOracles.countBy;
import static dev.apigwinsights.insights.OverviewOracles.countByKeys;
import static dev.apigwinsights.insights.OverviewOracles.where;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

final class ClientOracles {

    private ClientOracles() {
    }

    static Object principal(FixtureRow r) {
        for (String c : new String[] {"user_arn", "user", "caller", "claims_sub", "cognito_identity_id", "authorizer_principal_id"}) {
            if (r.str(c) != null) {
                return r.str(c);
            }
        }
        return null;
    }

    static void register(BiConsumer<String, Oracle.Answer> define) {
        define.accept("top_user_agents", in -> sorted(agg(where(in.rows(), r -> r.str("ua_family") != null),
                r -> key(r.str("ua_family"), r.str("ua_os"), r.str("ua_device")),
                g -> Arrays.asList((long) g.size(), distinct(g, r -> r.str("source_ip")), rate(count(g, Oracle::isError), g.size()))),
                in.limit(20), List.of(0, 1, 2), desc(3)));
        define.accept("requests_by_client_os", in -> countBy(where(in.rows(), r -> r.str("ua_os") != null), r -> key(r.str("ua_os")), 1, 0));
        define.accept("requests_by_client_device", in -> countBy(where(in.rows(), r -> r.str("ua_device") != null),
                r -> key(r.str("ua_device")), 1, 0));
        define.accept("top_client_ips", in -> sorted(agg(where(in.rows(), r -> r.str("source_ip") != null), r -> key(r.str("source_ip")),
                g -> Arrays.asList((long) g.size(), rate(count(g, Oracle::isError), g.size()))), in.limit(10), List.of(0), desc(1)));
        define.accept("auth_method_mix", in -> countBy(in.rows(), r -> key(r.str("auth_method")), 1, 0));
        define.accept("cognito_users", in -> sorted(agg(where(in.rows(), r -> r.str("claims_sub") != null),
                r -> key(r.str("claims_sub"), r.str("claims_iss"), r.str("claims_aud")),
                g -> Arrays.asList((long) g.size(), rate(count(g, Oracle::isError), g.size()), last(g))), in.limit(50), List.of(0, 1, 2), desc(3)));
        define.accept("iam_principals", in -> sorted(agg(where(in.rows(), r -> r.is("auth_method", "IAM")),
                r -> key(r.str("user_arn") != null ? r.str("user_arn") : r.str("user") != null ? r.str("user") : r.str("caller"),
                        r.str("identity_account_id")),
                g -> Arrays.asList((long) g.size(), rate(count(g, Oracle::isError), g.size()), last(g))), in.limit(50), List.of(0, 1), desc(2)));
        define.accept("auth_failures_by_type", in -> sorted(agg(where(in.rows(), r -> r.is("error_category", "AUTH")),
                r -> key(r.str("auth_method"), r.str("error_response_type"), r.lng("status")),
                g -> Arrays.asList((long) g.size(), distinct(g, r -> r.str("source_ip")), last(g))), 0, List.of(0, 1, 2), desc(3)));
        define.accept("auth_failures_over_time", in -> countByKeys(where(in.rows(), r -> r.is("error_category", "AUTH")),
                r -> key(in.grain().truncate(r.time()), r.str("auth_method")), 2));
        define.accept("distinct_clients_over_time", in -> sorted(agg(in.rows(), r -> key(in.grain().truncate(r.time())),
                g -> Arrays.asList(distinct(g, r -> r.str("source_ip")), distinct(g, ClientOracles::principal),
                        distinct(g, r -> r.str("api_key_id")))), 0, List.of(), asc(0)));
    }
}
