package dev.apigwinsights.quicksight.catalog;

import dev.apigwinsights.schema.CanonicalField;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.StringJoiner;

/**
 * An in-memory DuckDB {@code access_logs} (local mode's engine, with the Glue table's columns and
 * GeoIP's {@code client_country}) holding
 * a week of varied synthetic requests: REST, HTTP and WebSocket APIs, every status class, missing
 * values, every authentication method, usage plans and unknown keys, errors of every category. The
 * same seed gives the same rows.
 */
final class FixtureTable {

    /** The end of the fixture's week (exclusive). */
    static final Instant END = Instant.parse("2024-03-05T00:00:00Z");
    static final int ROWS = 4000;

    private static final String[] APIS = {"a1b2c3d4e5", "f6g7h8i9j0", "k1l2m3n4o5"};
    private static final int[] STATUSES = {200, 200, 200, 200, 200, 201, 204, 301, 400, 401, 403, 404, 429, 500, 502, 504};
    private static final String[] REST_PATHS = {"/users/{id}", "/orders", "/orders/{id}", "/health"};
    private static final String[] HTTP_ROUTES = {"GET /items", "POST /items", "GET /items/{id}"};
    private static final String[] WS_ROUTES = {"$connect", "$default", "sendMessage", "$disconnect"};
    private static final String[] AUTH = {"API_KEY", "API_KEY", "IAM", "COGNITO_USER_POOL", "LAMBDA_AUTHORIZER", "JWT", "NONE"};

    private FixtureTable() {
    }

    static Connection open() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Map<String, String> columns = columns();
        StringJoiner ddl = new StringJoiner(", ", "CREATE TABLE access_logs (", ")");
        columns.forEach((name, type) -> ddl.add("\"" + name + "\" " + type));
        try (Statement s = c.createStatement()) {
            s.execute(ddl.toString());
        }
        SplittableRandom random = new SplittableRandom(42);
        try (DuckDBAppender appender = ((DuckDBConnection) c).createAppender("access_logs")) {
            for (int i = 0; i < ROWS; i++) {
                Map<String, Object> row = row(i, random);
                if (!columns.keySet().containsAll(row.keySet())) {
                    throw new IllegalStateException("the fixture writes a column the table lacks: " + row.keySet());
                }
                appender.beginRow();
                for (Map.Entry<String, String> column : columns.entrySet()) {
                    append(appender, column.getValue(), row.get(column.getKey()));
                }
                appender.endRow();
            }
        }
        return c;
    }

    /** The Glue table's columns in DuckDB types (the map column left out: no insight reads it). */
    private static Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        for (CanonicalField field : CanonicalField.values()) {
            switch (field.type()) {
                case STRING -> columns.put(field.column(), "VARCHAR");
                case INT -> columns.put(field.column(), "INTEGER");
                case BIGINT -> columns.put(field.column(), "BIGINT");
                case DOUBLE -> columns.put(field.column(), "DOUBLE");
                case TIMESTAMP -> columns.put(field.column(), "TIMESTAMP");
                case MAP -> {
                }
            }
        }
        columns.putIfAbsent("client_country", "VARCHAR"); // GeoIP's column, until it is a canonical one
        for (String key : CanonicalField.partitionKeys()) {
            columns.put(key, "VARCHAR");
        }
        return columns;
    }

    private static Map<String, Object> row(int i, SplittableRandom r) {
        Map<String, Object> v = new HashMap<>();
        Instant time = END.minusMillis(1 + r.nextLong(Duration.ofDays(7).toMillis()));
        LocalDateTime utc = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
        v.put("request_time", time);
        v.put("year", String.format("%04d", utc.getYear()));
        v.put("month", String.format("%02d", utc.getMonthValue()));
        v.put("day", String.format("%02d", utc.getDayOfMonth()));
        v.put("request_id", r.nextInt(50) == 0 ? null : "req-" + i);
        v.put("request_time_epoch_ms", r.nextInt(20) == 0 ? null : time.toEpochMilli());
        String type = pick(r, "REST", "REST", "REST", "HTTP", "HTTP", "WEBSOCKET");
        v.put("api_type", type);
        v.put("api_id", APIS[r.nextInt(APIS.length)]);
        v.put("stage", pick(r, "prod", "prod", "dev"));
        v.put("domain_name", r.nextInt(10) == 0 ? null : type.equals("WEBSOCKET") ? "ws.example.com" : "api.example.com");
        v.put("protocol", pick(r, "HTTP/1.1", "HTTP/2.0"));
        if (type.equals("WEBSOCKET")) {
            String event = pick(r, "CONNECT", "MESSAGE", "MESSAGE", "MESSAGE", "DISCONNECT");
            v.put("event_type", event);
            v.put("route_key", event.equals("CONNECT") ? "$connect" : event.equals("DISCONNECT") ? "$disconnect" : WS_ROUTES[1 + r.nextInt(2)]);
            v.put("connection_id", "conn-" + r.nextInt(60));
            v.put("connected_at", r.nextInt(10) == 0 ? null : time.toEpochMilli() - r.nextLong(7_200_000));
        } else {
            v.put("http_method", r.nextInt(30) == 0 ? null : pick(r, "GET", "GET", "POST", "PUT", "DELETE"));
            if (type.equals("REST")) {
                v.put("resource_path", r.nextInt(25) == 0 ? null : REST_PATHS[r.nextInt(REST_PATHS.length)]);
            } else {
                v.put("route_key", HTTP_ROUTES[r.nextInt(HTTP_ROUTES.length)]);
            }
        }
        Integer status = r.nextInt(60) == 0 ? null : STATUSES[r.nextInt(STATUSES.length)];
        v.put("status", status);
        v.put("status_class", status == null ? null : (status / 100) + "xx");
        v.put("response_length", r.nextInt(15) == 0 ? null : (long) r.nextInt(60_000));
        Long latency = r.nextInt(20) == 0 ? null : 3L + (long) Math.exp(r.nextDouble() * 8.5);
        v.put("response_latency_ms", latency);
        v.put("integration_latency_ms", latency == null || r.nextInt(8) == 0 ? null : Math.max(0, latency - r.nextInt(40)));
        v.put("waf_latency_ms", r.nextInt(3) == 0 ? (long) r.nextInt(30) : null);
        v.put("source_ip", "10.0." + r.nextInt(3) + "." + r.nextInt(15));
        v.put("client_country", r.nextInt(7) == 0 ? null : pick(r, "DE", "US", "US", "FR", "JP", "BR"));
        v.put("ua_family", r.nextInt(12) == 0 ? null : pick(r, "Chrome", "curl", "okhttp", "Python Requests"));
        v.put("ua_os", r.nextInt(8) == 0 ? null : pick(r, "Windows", "Linux", "iOS", "Android"));
        v.put("ua_device", pick(r, "Desktop", "Mobile", "Other"));
        String auth = AUTH[r.nextInt(AUTH.length)];
        v.put("auth_method", auth);
        switch (auth) {
            case "API_KEY" -> {
                int key = r.nextInt(8);
                v.put("api_key_id", "key" + key);
                v.put("api_key_name", r.nextInt(6) == 0 ? null : "key-name-" + key);
                boolean unknown = key == 7;
                v.put("enrichment_status", unknown ? "UNKNOWN_KEY" : "OK");
                if (!unknown) {
                    v.put("customer_id", key < 3 ? "cust-a" : key < 6 ? "cust-b" : null);
                    v.put("usage_plan_id", key % 2 == 0 ? "plan1" : "plan2");
                    v.put("usage_plan_name", r.nextInt(9) == 0 ? null : key % 2 == 0 ? "Gold" : "Free");
                    v.put("quota_limit", key % 2 == 0 ? 10_000L : 100L);
                    v.put("quota_period", key % 2 == 0 ? "MONTH" : "DAY");
                    v.put("quota_offset", 0L);
                }
            }
            case "IAM" -> {
                v.put("user_arn", r.nextInt(4) == 0 ? null : "arn:aws:iam::123456789012:user/u" + r.nextInt(4));
                v.put("user", r.nextInt(2) == 0 ? null : "AIDA" + r.nextInt(3));
                v.put("caller", "AROA" + r.nextInt(3));
                v.put("identity_account_id", "123456789012");
            }
            case "COGNITO_USER_POOL", "JWT" -> {
                v.put("claims_sub", r.nextInt(10) == 0 ? null : "sub-" + r.nextInt(9));
                v.put("claims_iss", "https://issuer.example.com/" + auth.toLowerCase(java.util.Locale.ROOT));
                v.put("claims_aud", "client-" + r.nextInt(2));
                v.put("authorizer_latency_ms", (long) r.nextInt(200));
            }
            case "LAMBDA_AUTHORIZER" -> {
                v.put("authorizer_principal_id", "principal-" + r.nextInt(5));
                v.put("authorizer_latency_ms", r.nextInt(5) == 0 ? null : (long) r.nextInt(500));
                v.put("cognito_identity_id", r.nextInt(5) == 0 ? "eu-west-1:id-" + r.nextInt(3) : null);
            }
            default -> {
            }
        }
        if (status != null && status >= 400) {
            String category = switch (status) {
                case 401 -> "AUTH";
                case 403 -> r.nextInt(3) == 0 ? "WAF" : "AUTH";
                case 404 -> "NOT_FOUND";
                case 429 -> r.nextInt(2) == 0 ? "QUOTA" : "THROTTLE";
                case 400 -> "VALIDATION";
                case 502, 504 -> "INTEGRATION";
                default -> "SERVER";
            };
            v.put("error_category", category);
            v.put("error_response_type", r.nextInt(4) == 0 ? null : category + "_TYPE");
            v.put("error_message", r.nextInt(5) == 0 ? null : category.toLowerCase(java.util.Locale.ROOT) + " happened " + r.nextInt(3));
            v.put("error_signature", "sig " + category + " " + r.nextInt(4));
            if (category.equals("AUTH") && r.nextInt(2) == 0) {
                v.put("authorizer_error", "Unauthorized " + r.nextInt(2));
            }
        }
        return v;
    }

    private static String pick(SplittableRandom r, String... values) {
        return values[r.nextInt(values.length)];
    }

    private static void append(DuckDBAppender appender, String type, Object v) throws SQLException {
        if (v == null) {
            appender.appendNull();
            return;
        }
        switch (type) {
            case "VARCHAR" -> appender.append((String) v);
            case "INTEGER" -> appender.append(((Number) v).intValue());
            case "BIGINT" -> appender.append(((Number) v).longValue());
            case "DOUBLE" -> appender.append(((Number) v).doubleValue());
            case "TIMESTAMP" -> appender.append(LocalDateTime.ofInstant((Instant) v, ZoneOffset.UTC));
            default -> throw new IllegalStateException("the fixture writes no " + type);
        }
    }
}
