package dev.apigwinsights.insights;

import static dev.apigwinsights.insights.Defs.REQUESTS;
import static dev.apigwinsights.insights.Defs.insight;

import dev.apigwinsights.insights.InsightQuery.Aggregate;
import java.util.List;

/** Clients & auth: user agents, client IPs, authentication methods, principals, auth failures. */
final class ClientInsights {

    private static final Condition IS_AUTH_FAILURE = Condition.eq(Columns.ERROR_CATEGORY, "AUTH");

    private ClientInsights() {
    }

    static List<Insight> all() {
        return List.of(
                insight("top_user_agents", Sheet.CLIENTS, ChartKind.TABLE, "Top user agents",
                        "Which clients (browser or library, operating system, device) call the API most?")
                        .query(Aggregate.by(Dimension.of("ua_family", Columns.UA_FAMILY), Dimension.detail("ua_os", Columns.UA_OS),
                                        Dimension.detail("ua_device", Columns.UA_DEVICE))
                                .measure(REQUESTS, Measure.distinct("client_ips", Columns.SOURCE_IP), Defs.ERROR_RATE)
                                .where(Condition.notNull(Columns.UA_FAMILY))
                                .orderBy(Order.desc("requests"))
                                .limit(20))
                        .build(),
                insight("requests_by_client_os", Sheet.CLIENTS, ChartKind.PIE, "Requests by client OS",
                        "Which operating systems do clients run?")
                        .query(Aggregate.by(Dimension.of("ua_os", Columns.UA_OS))
                                .measure(REQUESTS)
                                .where(Condition.notNull(Columns.UA_OS))
                                .orderBy(Order.desc("requests")))
                        .build(),
                insight("requests_by_client_device", Sheet.CLIENTS, ChartKind.PIE, "Requests by client device",
                        "Which devices do clients use?")
                        .query(Aggregate.by(Dimension.of("ua_device", Columns.UA_DEVICE))
                                .measure(REQUESTS)
                                .where(Condition.notNull(Columns.UA_DEVICE))
                                .orderBy(Order.desc("requests")))
                        .build(),
                insight("top_client_ips", Sheet.CLIENTS, ChartKind.BAR, "Top client IPs",
                        "Which client IP addresses send the most requests?")
                        .query(Aggregate.by(Dimension.of("source_ip", Columns.SOURCE_IP))
                                .measure(REQUESTS, Defs.ERROR_RATE)
                                .where(Condition.notNull(Columns.SOURCE_IP))
                                .orderBy(Order.desc("requests"))
                                .limit(10))
                        .build(),
                insight("auth_method_mix", Sheet.CLIENTS, ChartKind.PIE, "Authentication methods",
                        "How do callers authenticate: API key, IAM, Cognito, Lambda authorizer, JWT, mTLS or not at all?")
                        .query(Aggregate.by(Dimension.of("auth_method", Columns.AUTH_METHOD))
                                .measure(REQUESTS)
                                .orderBy(Order.desc("requests")))
                        .build(),
                insight("cognito_users", Sheet.CLIENTS, ChartKind.TABLE, "Cognito and JWT users",
                        "Which token subjects (Cognito user pool or JWT) call the API, from which issuer and app client?")
                        .query(Aggregate.by(Dimension.of("claims_sub", Columns.CLAIMS_SUB), Dimension.detail("claims_iss", Columns.CLAIMS_ISS),
                                        Dimension.detail("claims_aud", Columns.CLAIMS_AUD))
                                .measure(REQUESTS, Defs.ERROR_RATE, Defs.LAST_SEEN)
                                .where(Condition.notNull(Columns.CLAIMS_SUB))
                                .orderBy(Order.desc("requests"))
                                .limit(50))
                        .build(),
                insight("iam_principals", Sheet.CLIENTS, ChartKind.TABLE, "IAM principals",
                        "Which IAM users and roles call the API, from which accounts?")
                        .query(Aggregate.by(Dimension.of("principal", new Expr.Coalesce(List.of(Columns.USER_ARN, Columns.USER, Columns.CALLER))),
                                        Dimension.detail("identity_account_id", Columns.IDENTITY_ACCOUNT_ID))
                                .measure(REQUESTS, Defs.ERROR_RATE, Defs.LAST_SEEN)
                                .where(Condition.eq(Columns.AUTH_METHOD, "IAM"))
                                .orderBy(Order.desc("requests"))
                                .limit(50))
                        .build(),
                insight("auth_failures_by_type", Sheet.CLIENTS, ChartKind.TABLE, "Authentication failures by type",
                        "Which authentication failures happen (missing token, expired token, invalid signature, unauthorized, "
                                + "access denied), for which auth method, and how often?")
                        .query(Aggregate.by(Dimension.of("auth_method", Columns.AUTH_METHOD),
                                        Dimension.detail("error_response_type", Columns.ERROR_RESPONSE_TYPE),
                                        Dimension.detail("status", Columns.STATUS))
                                .measure(REQUESTS, Measure.distinct("client_ips", Columns.SOURCE_IP), Defs.LAST_SEEN)
                                .where(IS_AUTH_FAILURE)
                                .orderBy(Order.desc("requests")))
                        .build(),
                insight("auth_failures_over_time", Sheet.CLIENTS, ChartKind.STACKED_BAR, "Authentication failures over time",
                        "When did authentication failures happen, by auth method?")
                        .query(Aggregate.by(Defs.time(), Dimension.series("auth_method", Columns.AUTH_METHOD))
                                .measure(REQUESTS)
                                .where(IS_AUTH_FAILURE))
                        .build(),
                insight("distinct_clients_over_time", Sheet.CLIENTS, ChartKind.LINE, "Distinct clients over time",
                        "How many distinct client IPs, principals and API keys called per period?")
                        .query(Aggregate.by(Defs.time())
                                .measure(Measure.distinct("client_ips", Columns.SOURCE_IP), Measure.distinct("principals", Columns.PRINCIPAL),
                                        Measure.distinct("api_keys", Columns.API_KEY_ID)))
                        .build());
    }
}
