package dev.apigwinsights.benchmarks;

import dev.apigwinsights.local.store.StoreSchema;
import dev.apigwinsights.schema.CanonicalField;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A large synthetic store in local mode's layout: Parquet files under
 * {@code DIR/year=YYYY/month=MM/day=DD/}, written by DuckDB from SQL (deterministic: every value is a
 * hash of the row number), and the {@code access_logs} view over it with every canonical column
 * and {@code year/month/day} as VARCHAR. Traffic spreads evenly over the days with a realistic mix:
 * three APIs (REST, HTTP, WebSocket), 14 routes, 5,000 client IPs, 200 API keys of 50 customers on
 * three plans, every auth method, ~7% 4xx and ~2% 5xx with their error columns, 10 countries.
 */
final class InsightDataset {

    /** Values the generator fills; every other canonical column is a typed NULL. */
    private static final Map<String, String> FILLED = new LinkedHashMap<>();

    static {
        FILLED.put("request_id", "'r' || i");
        FILLED.put("extended_request_id", "'x' || i");
        FILLED.put("request_time", "t");
        FILLED.put("request_time_epoch_ms", "epoch_ms(t)");
        FILLED.put("api_id", "CASE api WHEN 0 THEN 'a1b2c3d4e5' WHEN 1 THEN 'h7t7p9q1r2' ELSE 'w3bs0ck3t9' END");
        FILLED.put("api_type", "CASE api WHEN 0 THEN 'REST' WHEN 1 THEN 'HTTP' ELSE 'WEBSOCKET' END");
        FILLED.put("stage", "CASE WHEN api = 1 THEN '$default' WHEN h1 % 10 = 0 THEN 'beta' ELSE 'prod' END");
        FILLED.put("domain_name", "CASE api WHEN 0 THEN 'api.example.com' WHEN 1 THEN 'h7t7p9q1r2.execute-api.eu-west-1.amazonaws.com' "
                + "ELSE 'w3bs0ck3t9.execute-api.eu-west-1.amazonaws.com' END");
        FILLED.put("account_id", "'123456789012'");
        FILLED.put("region", "'eu-west-1'");
        FILLED.put("http_method", "CASE WHEN api = 2 THEN NULL ELSE ['GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE'][1 + route % 6] END");
        FILLED.put("path", "CASE WHEN api = 2 THEN NULL ELSE '/r' || route || '/' || (h2 % 1000) END");
        FILLED.put("resource_path", "CASE WHEN api = 0 THEN '/r' || route || '/{id}' END");
        FILLED.put("route_key", "CASE WHEN api = 1 THEN ['GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE'][1 + route % 6] || ' /r' || route "
                + "WHEN api = 2 THEN ['$connect', 'sendmessage', 'sendmessage', '$default', '$disconnect'][1 + route % 5] END");
        FILLED.put("protocol", "CASE WHEN api = 2 THEN NULL WHEN h1 % 3 = 0 THEN 'HTTP/2.0' ELSE 'HTTP/1.1' END");
        FILLED.put("status", "status");
        FILLED.put("status_class", "(status // 100) || 'xx'");
        FILLED.put("response_length", "CASE WHEN status = 304 THEN 0 ELSE 100 + h2 % 5000 END");
        FILLED.put("response_latency_ms", "latency");
        FILLED.put("integration_latency_ms", "CASE WHEN status IN (401, 403, 429) THEN NULL ELSE greatest(latency - 3 - h1 % 20, 0) END");
        FILLED.put("integration_status", "CASE WHEN status IN (401, 403, 429) THEN NULL ELSE status END");
        FILLED.put("integration_error", "CASE WHEN status = 502 THEN 'Lambda function arn:aws:lambda:eu-west-1:123456789012:function:f' "
                + "|| (h3 % 5) || ' failed: RequestId: ' || uuid() || ' Error: Task timed out after 29.0' || (h3 % 10) || ' seconds' END");
        FILLED.put("source_ip", "'198.' || (ip // 256 % 256) || '.' || (ip % 256) || '.' || (ip % 7)");
        FILLED.put("user_agent", "['Mozilla/5.0 Chrome/121', 'Mozilla/5.0 (iPhone) Safari/604.1', 'curl/8.4.0', 'python-requests/2.31', "
                + "'okhttp/4.12', 'aws-sdk-java/2.20'][1 + ua]");
        FILLED.put("ua_family", "['Chrome', 'Mobile Safari', 'curl', 'Python Requests', 'okhttp', 'AWS SDK for Java'][1 + ua]");
        FILLED.put("ua_os", "['Windows', 'iOS', 'Other', 'Other', 'Android', 'Linux'][1 + ua]");
        FILLED.put("ua_device", "['Other', 'iPhone', 'Other', 'Other', 'Other', 'Other'][1 + ua]");
        FILLED.put("user_arn", "CASE WHEN auth = 'IAM' THEN 'arn:aws:iam::123456789012:user/u' || (h3 % 40) END");
        FILLED.put("identity_account_id", "CASE WHEN auth = 'IAM' THEN '123456789012' END");
        FILLED.put("claims_sub", "CASE WHEN auth IN ('COGNITO_USER_POOL', 'JWT') THEN 'sub-' || (h3 % 2000) END");
        FILLED.put("claims_iss", "CASE auth WHEN 'COGNITO_USER_POOL' THEN 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_B3nch' "
                + "WHEN 'JWT' THEN 'https://auth.example.com/' END");
        FILLED.put("claims_aud", "CASE WHEN auth IN ('COGNITO_USER_POOL', 'JWT') THEN 'client-' || (h3 % 3) END");
        FILLED.put("authorizer_principal_id", "CASE WHEN auth = 'LAMBDA_AUTHORIZER' THEN 'tenant-' || (h3 % 30) END");
        FILLED.put("auth_method", "auth");
        FILLED.put("api_key_id", "CASE WHEN auth = 'API_KEY' THEN 'key' || k END");
        FILLED.put("api_key_name", "CASE WHEN auth = 'API_KEY' AND k < 195 THEN 'key-name-' || k END");
        FILLED.put("customer_id", "CASE WHEN auth = 'API_KEY' AND k < 195 THEN 'customer' || (k % 50) END");
        FILLED.put("usage_plan_id", "CASE WHEN auth = 'API_KEY' AND k < 195 THEN 'plan' || (k % 3) END");
        FILLED.put("usage_plan_name", "CASE WHEN auth = 'API_KEY' AND k < 195 THEN ['Gold', 'Silver', 'Bronze'][1 + k % 3] END");
        FILLED.put("quota_limit", "CASE WHEN auth = 'API_KEY' AND k < 195 THEN [1000000, 100000, 20000][1 + k % 3] END");
        FILLED.put("quota_period", "CASE WHEN auth = 'API_KEY' AND k < 195 THEN ['MONTH', 'WEEK', 'DAY'][1 + k % 3] END");
        FILLED.put("quota_offset", "CASE WHEN auth = 'API_KEY' AND k < 195 THEN [14, 1, 0][1 + k % 3] END");
        FILLED.put("throttle_rate_limit", "CASE WHEN auth = 'API_KEY' AND k < 195 THEN 100.0 END");
        FILLED.put("throttle_burst_limit", "CASE WHEN auth = 'API_KEY' AND k < 195 THEN 200 END");
        FILLED.put("enrichment_status", "CASE WHEN auth <> 'API_KEY' THEN 'NO_KEY' WHEN k < 195 THEN 'OK' ELSE 'UNKNOWN_KEY' END");
        FILLED.put("authorizer_latency_ms", "CASE WHEN auth IN ('COGNITO_USER_POOL', 'JWT', 'LAMBDA_AUTHORIZER') THEN 2 + h3 % 60 END");
        FILLED.put("authorizer_error", "CASE WHEN status = 500 AND auth = 'LAMBDA_AUTHORIZER' THEN 'AuthorizerConfigurationException' END");
        FILLED.put("error_message", "CASE status WHEN 400 THEN 'Invalid request body' WHEN 401 THEN 'Unauthorized' WHEN 403 THEN "
                + "'Missing Authentication Token' WHEN 404 THEN 'Not Found' WHEN 429 THEN "
                + "CASE WHEN h3 % 2 = 0 THEN 'Limit Exceeded' ELSE 'Too Many Requests' END WHEN 500 THEN 'Internal server error' "
                + "WHEN 502 THEN 'Internal server error' WHEN 504 THEN 'Endpoint request timed out' END");
        FILLED.put("error_response_type", "CASE status WHEN 400 THEN 'BAD_REQUEST_BODY' WHEN 401 THEN 'UNAUTHORIZED' WHEN 403 THEN "
                + "'MISSING_AUTHENTICATION_TOKEN' WHEN 429 THEN CASE WHEN h3 % 2 = 0 THEN 'QUOTA_EXCEEDED' ELSE 'THROTTLED' END "
                + "WHEN 500 THEN 'DEFAULT_5XX' WHEN 502 THEN 'DEFAULT_5XX' WHEN 504 THEN 'INTEGRATION_TIMEOUT' END");
        FILLED.put("error_category", "CASE status WHEN 400 THEN 'VALIDATION' WHEN 401 THEN 'AUTH' WHEN 403 THEN 'AUTH' WHEN 404 THEN "
                + "'NOT_FOUND' WHEN 429 THEN CASE WHEN h3 % 2 = 0 THEN 'QUOTA' ELSE 'THROTTLE' END WHEN 500 THEN 'SERVER' "
                + "WHEN 502 THEN 'INTEGRATION' WHEN 504 THEN 'INTEGRATION' END");
        FILLED.put("error_signature", "CASE status WHEN 400 THEN 'Invalid request body' WHEN 401 THEN 'Unauthorized' WHEN 403 THEN "
                + "'Missing Authentication Token' WHEN 404 THEN 'Not Found' WHEN 429 THEN "
                + "CASE WHEN h3 % 2 = 0 THEN 'Limit Exceeded' ELSE 'Too Many Requests' END WHEN 500 THEN 'Internal server error' "
                + "WHEN 502 THEN 'Lambda function <arn> failed: RequestId: <uuid> Error: Task timed out after <n> seconds' "
                + "WHEN 504 THEN 'Endpoint request timed out' END");
        FILLED.put("waf_status", "CASE WHEN api = 0 THEN 200 END");
        FILLED.put("waf_latency_ms", "CASE WHEN api = 0 THEN 1 + h2 % 5 END");
        FILLED.put("waf_response_code", "CASE WHEN api = 0 THEN 'WAF_ALLOW' END");
        FILLED.put("event_type", "CASE WHEN api = 2 THEN ['CONNECT', 'MESSAGE', 'MESSAGE', 'MESSAGE', 'DISCONNECT'][1 + route % 5] END");
        FILLED.put("connection_id", "CASE WHEN api = 2 THEN 'c' || (i // 5) END");
        FILLED.put("connected_at", "CASE WHEN api = 2 THEN epoch_ms(t) - (route % 5) * (1000 + h3 % 600000) END");
        FILLED.put("message_id", "CASE WHEN api = 2 AND route % 5 BETWEEN 1 AND 3 THEN 'm' || i END");
        FILLED.put("source_kind", "'DIRECT'");
        FILLED.put("client_country", "CASE WHEN ip % 50 = 0 THEN NULL ELSE ['US', 'US', 'US', 'DE', 'FR', 'GB', 'JP', 'BR', 'IN', 'IE'][1 + ip % 10] END");
    }

    private InsightDataset() {
    }

    /**
     * The SELECT producing rows {@code [first, last)} of {@code rows} spread over {@code days} days from
     * {@code start} (row {@code i} at {@code start + i * days / rows}); no partition columns: each day
     * is written to its own folder.
     */
    static String select(long first, long last, long rows, int days, Instant start) {
        long spanMs = days * 86_400_000L;
        String base = "SELECT i, TIMESTAMP '" + start.toString().replace("T", " ").replace("Z", "") + "' + to_milliseconds(CAST(i * "
                + spanMs + " // " + rows + " AS BIGINT)) AS t,\n"
                + "  hash(i) AS h1, hash(i + 1000000007) AS h2, hash(i + 2000000011) AS h3\n"
                + "FROM range(" + first + ", " + last + ") r(i)";
        String derived = "SELECT *, CAST(h1 % 100 AS INTEGER) AS pick, CAST(h1 % 14 AS INTEGER) AS route, CAST(h2 % 5000 AS INTEGER) AS ip,\n"
                + "  CAST(h3 % 6 AS INTEGER) AS ua, CAST(h2 % 200 AS INTEGER) AS k,\n"
                + "  CASE WHEN h1 % 100 < 65 THEN 0 WHEN h1 % 100 < 90 THEN 1 ELSE 2 END AS api,\n"
                + "  CASE WHEN h1 % 100 >= 90 THEN 'NONE' WHEN h3 % 100 < 50 AND h1 % 100 < 65 THEN 'API_KEY' WHEN h3 % 100 < 65 THEN 'IAM' "
                + "WHEN h3 % 100 < 80 THEN CASE WHEN h1 % 100 < 65 THEN 'COGNITO_USER_POOL' ELSE 'JWT' END WHEN h3 % 100 < 88 THEN 'LAMBDA_AUTHORIZER' "
                + "ELSE 'NONE' END AS auth,\n"
                + "  CASE WHEN h2 % 1000 < 20 THEN 400 WHEN h2 % 1000 < 35 THEN 401 WHEN h2 % 1000 < 45 THEN 403 WHEN h2 % 1000 < 65 THEN 404 "
                + "WHEN h2 % 1000 < 75 THEN 429 WHEN h2 % 1000 < 82 THEN 500 WHEN h2 % 1000 < 90 THEN 502 WHEN h2 % 1000 < 93 THEN 504 "
                + "WHEN h2 % 1000 < 120 THEN 304 WHEN h2 % 1000 < 300 THEN 201 ELSE 200 END AS status,\n"
                + "  CAST(CASE WHEN h3 % 1000 < 5 THEN 29000 + h2 % 1000 ELSE 5 + (h2 % 97) * (1 + h1 % 7) + (h3 % 50) * (h3 % 11) END AS BIGINT) "
                + "AS latency\n"
                + "FROM (" + base + ")";
        StringJoiner columns = new StringJoiner(",\n  ", "SELECT ", "\n");
        Map<String, String> types = columns();
        for (Map.Entry<String, String> c : types.entrySet()) {
            String expr = FILLED.getOrDefault(c.getKey(), "NULL");
            String name = c.getKey().equals("user") ? "\"user\"" : c.getKey();
            columns.add("CAST(" + expr + " AS " + c.getValue() + ") AS " + name);
        }
        return columns + "FROM (" + derived + ")";
    }

    /** The canonical columns and their DuckDB types. */
    static Map<String, String> columns() {
        Map<String, String> types = new LinkedHashMap<>();
        for (CanonicalField f : CanonicalField.values()) {
            types.put(f.column(), f.type().duckDbType());
        }
        return types;
    }

    /** Writes the store into {@code dir} unless a complete one (marker file) is already there. */
    static void ensure(Connection c, Path dir, long rows, int days, Instant start) throws SQLException, IOException {
        Path marker = dir.resolve("_COMPLETE");
        String signature = rows + " rows, " + days + " days from " + start + ", " + columns().size() + " columns, "
                + StoreSchema.ROW_FILE_OPTIONS;
        if (Files.exists(marker) && Files.readString(marker, StandardCharsets.UTF_8).equals(signature)) {
            return;
        }
        deleteTree(dir);
        Files.createDirectories(dir);
        try (Statement s = c.createStatement()) {
            // Bounded memory on a shared machine: a day at a time, spilling to disk if needed.
            s.execute("SET memory_limit = '2GB'");
            s.execute("SET preserve_insertion_order = false");
            for (int d = 0; d < days; d++) {
                // Row i is at start + i * days / rows: rows [ceil(rows*d/days), ceil(rows*(d+1)/days)) fall on day d.
                long first = (rows * d + days - 1) / days;
                long last = (rows * (d + 1) + days - 1) / days;
                java.time.LocalDate date = java.time.LocalDate.ofInstant(start, java.time.ZoneOffset.UTC).plusDays(d);
                Path day = dir.resolve(String.format("year=%04d/month=%02d/day=%02d", date.getYear(), date.getMonthValue(),
                        date.getDayOfMonth()));
                Files.createDirectories(day);
                s.execute("COPY (" + select(first, last, rows, days, start) + ") TO '"
                        + day.resolve("part-0.parquet").toString().replace("'", "''")
                        + "' (" + StoreSchema.ROW_FILE_OPTIONS + ")");
            }
        }
        Files.writeString(marker, signature, StandardCharsets.UTF_8);
    }

    /** The {@code access_logs} view over the store, partition columns as VARCHAR like the Glue table's. */
    static void createView(Connection c, Path dir) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE VIEW access_logs AS SELECT * FROM read_parquet('" + dir.toString().replace("'", "''")
                    + "/*/*/*/*.parquet', hive_partitioning = true, hive_types_autocast = false)");
            s.execute("SET memory_limit = '4GB'");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (var walk = Files.walk(dir)) {
            walk.forEach(paths::add);
        }
        for (int i = paths.size() - 1; i >= 0; i--) {
            Files.delete(paths.get(i));
        }
    }
}
