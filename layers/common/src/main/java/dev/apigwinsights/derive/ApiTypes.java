package dev.apigwinsights.derive;

import static dev.apigwinsights.schema.CanonicalField.*;

import dev.apigwinsights.schema.CanonicalRecord;
import java.util.Map;

/**
 * Infers whether a log line came from a REST, HTTP or WebSocket API, from the variables it holds.
 * A stage's format may log any subset of variables, and a variable an API type does not support
 * is logged as {@code -} (null), so only <em>present</em> values are evidence. Rules, first match
 * wins:
 *
 * <ol>
 *   <li><b>WEBSOCKET</b> when {@code event_type}, {@code connection_id}, {@code message_id} or
 *       {@code connected_at} is present: only WebSocket APIs have them.</li>
 *   <li>Otherwise, by the shape of {@code route_key} (REST APIs have no route key):
 *       <ul>
 *         <li>{@code METHOD /path} (e.g. {@code GET /pets/{id}}, {@code ANY /{proxy+}}) &rarr; <b>HTTP</b>;</li>
 *         <li>{@code $connect} or {@code $disconnect} &rarr; <b>WEBSOCKET</b>;</li>
 *         <li>{@code $default} &rarr; <b>HTTP</b> when the line also has an HTTP request line
 *             ({@code http_method}, {@code path} or {@code protocol}, which WebSocket APIs do not
 *             log), else <b>WEBSOCKET</b>;</li>
 *         <li>any other key (a custom WebSocket route such as {@code sendmessage}) &rarr;
 *             <b>WEBSOCKET</b> unless there is an HTTP request line, in which case the key is
 *             ignored and the next rules decide.</li>
 *       </ul></li>
 *   <li><b>REST</b> when a REST-only feature shows: {@code resource_path}, {@code api_key_id},
 *       any WAF column ({@code waf_status}, {@code waf_latency_ms}, {@code waf_error},
 *       {@code waf_response_code}, {@code webacl_arn}), a usage-plan column, or a gateway response
 *       type only REST APIs produce (request validation, API keys and quotas, WAF,
 *       {@code MISSING_AUTHENTICATION_TOKEN}, {@code REQUEST_TOO_LARGE},
 *       {@code UNSUPPORTED_MEDIA_TYPE}).</li>
 *   <li><b>HTTP</b> when the line has a key only HTTP APIs log ({@code dataProcessed},
 *       {@code awsEndpointRequestId2}), kept in {@code extra} because they have no column.</li>
 *   <li>Otherwise null: a bare {@code requestId/status/httpMethod/path} line is valid for REST
 *       and HTTP alike, and we do not guess.</li>
 * </ol>
 */
final class ApiTypes {

    private static final String[] HTTP_METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"};

    private ApiTypes() {
    }

    static ApiType infer(CanonicalRecord r) {
        if (r.has(EVENT_TYPE) || r.has(CONNECTION_ID) || r.has(MESSAGE_ID) || r.has(CONNECTED_AT)) {
            return ApiType.WEBSOCKET;
        }
        String routeKey = r.getString(ROUTE_KEY);
        if (routeKey != null) {
            ApiType byRoute = fromRouteKey(routeKey, r);
            if (byRoute != null) {
                return byRoute;
            }
        }
        if (hasRestOnlyFeature(r)) {
            return ApiType.REST;
        }
        if (hasHttpOnlyKey(r)) {
            return ApiType.HTTP;
        }
        return null;
    }

    private static ApiType fromRouteKey(String routeKey, CanonicalRecord r) {
        if (isHttpRouteKey(routeKey)) {
            return ApiType.HTTP;
        }
        if (routeKey.equals("$connect") || routeKey.equals("$disconnect")) {
            return ApiType.WEBSOCKET;
        }
        boolean httpRequestLine = r.has(HTTP_METHOD) || r.has(PATH) || r.has(PROTOCOL);
        if (routeKey.equals("$default")) {
            return httpRequestLine ? ApiType.HTTP : ApiType.WEBSOCKET;
        }
        return httpRequestLine ? null : ApiType.WEBSOCKET;
    }

    /** True for HTTP API route keys: an HTTP method (or ANY), one space, then a path starting with '/'. */
    static boolean isHttpRouteKey(String routeKey) {
        int space = routeKey.indexOf(' ');
        if (space < 3 || space > 7 || space + 1 >= routeKey.length() || routeKey.charAt(space + 1) != '/') {
            return false;
        }
        for (String method : HTTP_METHODS) {
            if (method.length() == space && routeKey.regionMatches(true, 0, method, 0, space)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasRestOnlyFeature(CanonicalRecord r) {
        if (r.has(RESOURCE_PATH) || r.has(API_KEY_ID)
                || r.has(WAF_STATUS) || r.has(WAF_LATENCY_MS) || r.has(WAF_ERROR) || r.has(WAF_RESPONSE_CODE) || r.has(WEBACL_ARN)
                || r.has(USAGE_PLAN_ID) || r.has(USAGE_PLAN_NAME) || r.has(API_KEY_NAME) || r.has(CUSTOMER_ID)) {
            return true;
        }
        String responseType = r.getString(ERROR_RESPONSE_TYPE);
        return responseType != null && isRestOnlyResponseType(responseType);
    }

    private static boolean isRestOnlyResponseType(String type) {
        switch (type) {
            case "BAD_REQUEST_BODY":
            case "BAD_REQUEST_PARAMETERS":
            case "INVALID_API_KEY":
            case "QUOTA_EXCEEDED":
            case "WAF_FILTERED":
            case "MISSING_AUTHENTICATION_TOKEN":
            case "REQUEST_TOO_LARGE":
            case "UNSUPPORTED_MEDIA_TYPE":
                return true;
            default:
                return false;
        }
    }

    private static boolean hasHttpOnlyKey(CanonicalRecord r) {
        Map<String, String> extra = r.extra();
        if (extra.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, String> e : extra.entrySet()) {
            String key = e.getKey();
            if (e.getValue() != null && key != null
                    && (endsWithIgnoreCase(key, "dataProcessed") || endsWithIgnoreCase(key, "awsEndpointRequestId2"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithIgnoreCase(String s, String suffix) {
        int from = s.length() - suffix.length();
        return from >= 0 && s.regionMatches(true, from, suffix, 0, suffix.length());
    }
}
