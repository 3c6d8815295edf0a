package dev.apigwinsights.insights;

import dev.apigwinsights.derive.ErrorSignatures;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic month of canonical rows (about 3,500) covering every group the catalog answers:
 * a REST API (two stages, WAF, usage plans with DAY/WEEK/MONTH quotas, keys that hit
 * QUOTA_EXCEEDED and THROTTLED, an unknown key), an HTTP API with JWT callers, a WebSocket API with
 * sessions; IAM, Cognito, Lambda-authorizer and anonymous callers; every error category; four weeks
 * with a weekly rhythm and one anomalous hour. Rows are built like the transformer writes them
 * (derived and enriched columns filled consistently), not by the transformer, so the data set is
 * stable whatever the parsers do.
 */
final class FixtureData {

    /** A Monday: four whole weeks follow. */
    static final Instant START = Instant.parse("2024-02-26T00:00:00Z");
    static final int DAYS = 28;
    static final Instant END = START.plus(Duration.ofDays(DAYS));
    /** An hour with a burst of 150 extra requests from one client: the anomaly. */
    static final Instant SPIKE_HOUR = Instant.parse("2024-03-21T14:00:00Z");

    static final String REST_API = "a1b2c3d4e5";
    static final String HTTP_API = "h7t7p9q1r2";
    static final String WS_API = "w3bs0ck3t9";

    /** Usage plans: id, name, quota limit, period, offset. */
    record Plan(String id, String name, long limit, String period, int offset, double throttleRate, long burst) {
    }

    record Key(String id, String name, String customer, Plan plan) {
    }

    /** Gold's months start on the 15th, Silver's weeks on Monday: quota periods must honour the offset. */
    static final Plan GOLD = new Plan("pl-gold1", "Gold", 2000, "MONTH", 14, 100, 200);
    static final Plan SILVER = new Plan("pl-silver2", "Silver", 250, "WEEK", 1, 20, 40);
    static final Plan BRONZE = new Plan("pl-bronze3", "Bronze", 10, "DAY", 0, 5, 10);

    static final List<Key> KEYS = List.of(
            new Key("k-acme01", "acme-prod", "acme", GOLD),
            new Key("k-globex2", "globex", "globex", SILVER),
            new Key("k-initech3", "initech", "initech", BRONZE),
            new Key("k-hooli4", "hooli", "hooli", BRONZE),
            new Key("k-unknown9", null, null, null));
    private static final int[] KEY_WEIGHTS = {35, 20, 30, 10, 5};

    private static final String[][] USER_AGENTS = {
        {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36", "Chrome", "Windows", "Other"},
        {"Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 "
                + "Mobile/15E148 Safari/604.1", "Mobile Safari", "iOS", "iPhone"},
        {"curl/8.4.0", "curl", "Other", "Other"},
        {"python-requests/2.31.0", "Python Requests", "Other", "Other"},
        {"okhttp/4.12.0", "okhttp", "Android", "Other"},
        {"aws-sdk-java/2.20.0 Linux/5.10 OpenJDK_64-Bit_Server_VM/17", "AWS SDK for Java", "Linux", "Other"},
    };

    /** Client IPs and the country GeoIP would give them (null: a private address). */
    private static final String[][] CLIENTS = {
        {"3.80.12.7", "US"}, {"3.80.12.8", "US"}, {"18.204.3.9", "US"}, {"52.18.44.1", "IE"}, {"52.18.44.2", "IE"},
        {"80.120.5.17", "DE"}, {"80.120.5.18", "DE"}, {"90.66.1.2", "FR"}, {"133.242.7.70", "JP"}, {"177.71.9.3", "BR"},
        {"10.0.3.4", null}, {"2001:db8::17", "DE"},
    };

    private static final String[] COGNITO_SUBS = {
        "7d9a1f0e-1111-4a55-9c1e-0123456789ab", "7d9a1f0e-2222-4a55-9c1e-0123456789ab", "7d9a1f0e-3333-4a55-9c1e-0123456789ab"};
    private static final String COGNITO_ISS = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Fix7ure";
    private static final String[] JWT_SUBS = {"auth0|alice", "auth0|bob", "auth0|carol", "auth0|dave"};
    private static final String[] IAM_USERS = {"alice", "bob", "deploy-bot"};

    /** REST routes: method, resource path, concrete path prefix, weight, median latency ms. */
    private static final Object[][] REST_ROUTES = {
        {"GET", "/pets", "/pets", 30, 40},
        {"GET", "/pets/{id}", "/pets/", 25, 25},
        {"POST", "/pets", "/pets", 10, 120},
        {"GET", "/orders", "/orders", 15, 90},
        {"POST", "/orders", "/orders", 10, 300},
        {"DELETE", "/orders/{id}", "/orders/", 5, 60},
        {"POST", "/login", "/login", 5, 180},
    };
    private static final Object[][] HTTP_ROUTES = {
        {"GET /items", "/items", 50, 30},
        {"GET /items/{id}", "/items/", 30, 20},
        {"POST /items", "/items", 20, 150},
    };

    private static final List<FixtureRow> ROWS = Collections.unmodifiableList(generate(20240226L));

    private final Random random;
    private final List<FixtureRow> rows = new ArrayList<>();
    /** Served requests per (key, quota period start): the simulated quota counter. */
    private final Map<String, Integer> quotaCounters = new HashMap<>();
    private int requestCounter;
    private int connectionCounter;

    private FixtureData(long seed) {
        this.random = new Random(seed);
    }

    /** The fixture (generated once; callers must not modify rows). */
    static List<FixtureRow> rows() {
        return ROWS;
    }

    private static List<FixtureRow> generate(long seed) {
        FixtureData g = new FixtureData(seed);
        for (int d = 0; d < DAYS; d++) {
            Instant day = START.plus(Duration.ofDays(d));
            boolean weekend = day.atZone(ZoneOffset.UTC).getDayOfWeek().getValue() >= 6;
            for (int h = 0; h < 24; h++) {
                Instant hour = day.plus(Duration.ofHours(h));
                int base = h >= 8 && h <= 18 ? 9 : 2;
                int n = weekend ? (base + 1) / 2 : base;
                n += g.random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    Instant t = hour.plusMillis(g.random.nextInt(3_600_000));
                    if (g.random.nextInt(100) < 70) {
                        g.restRequest(t, null);
                    } else {
                        g.httpRequest(t);
                    }
                }
                if (hour.equals(SPIKE_HOUR)) {
                    for (int i = 0; i < 150; i++) {
                        g.restRequest(hour.plusMillis(g.random.nextInt(3_600_000)), "177.71.9.3");
                    }
                }
            }
            int sessions = weekend ? 1 : 3;
            for (int s = 0; s < sessions; s++) {
                g.webSocketSession(day.plus(Duration.ofHours(6 + g.random.nextInt(12))).plusMillis(g.random.nextInt(3_600_000)));
            }
        }
        g.rows.sort((a, b) -> a.time().compareTo(b.time()));
        // A stage format without $context.requestId logs no id: the slowest request and the newest
        // one have none, so raw-row insights must still show rows that have no request id.
        g.rows.stream().filter(r -> r.lng("response_latency_ms") != null)
                .max(java.util.Comparator.comparing((FixtureRow r) -> r.lng("response_latency_ms")))
                .ifPresent(r -> r.set("request_id", null));
        g.rows.get(g.rows.size() - 1).set("request_id", null);
        return g.rows;
    }

    private FixtureRow base(Instant t, String apiId, String apiType, String stage, String domain) {
        FixtureRow r = new FixtureRow();
        r.set("request_id", String.format("req-%06d", ++requestCounter));
        r.set("request_time", t);
        r.set("request_time_epoch_ms", t.toEpochMilli());
        r.set("api_id", apiId).set("api_type", apiType).set("stage", stage).set("domain_name", domain);
        r.set("domain_prefix", domain.substring(0, domain.indexOf('.')));
        r.set("account_id", "123456789012").set("region", "eu-west-1");
        ZonedDateTime z = t.atZone(ZoneOffset.UTC);
        r.set("year", String.format("%04d", z.getYear()))
                .set("month", String.format("%02d", z.getMonthValue()))
                .set("day", String.format("%02d", z.getDayOfMonth()));
        r.set("source_kind", "DIRECT");
        rows.add(r);
        return r;
    }

    private void client(FixtureRow r, String forcedIp) {
        String[] client = CLIENTS[random.nextInt(CLIENTS.length)];
        if (forcedIp != null) {
            for (String[] c : CLIENTS) {
                if (c[0].equals(forcedIp)) {
                    client = c;
                }
            }
        }
        r.set("source_ip", client[0]).set("client_country", client[1]);
        if (random.nextInt(20) > 0) {
            String[] ua = USER_AGENTS[random.nextInt(USER_AGENTS.length)];
            r.set("user_agent", ua[0]).set("ua_family", ua[1]).set("ua_os", ua[2]).set("ua_device", ua[3]);
        }
    }

    private void status(FixtureRow r, int status) {
        r.set("status", (long) status).set("status_class", (status / 100) + "xx");
    }

    private void error(FixtureRow r, int status, String category, String responseType, String message) {
        status(r, status);
        r.set("error_category", category).set("error_response_type", responseType).set("error_message", message);
        String source = r.str("integration_error") != null ? r.str("integration_error")
                : message != null ? message : r.str("authorizer_error");
        r.set("error_signature", source == null ? null : ErrorSignatures.of(source));
    }

    private static Object[] pick(Object[][] table, int weightColumn, Random random) {
        int total = 0;
        for (Object[] row : table) {
            total += (Integer) row[weightColumn];
        }
        int x = random.nextInt(total);
        for (Object[] row : table) {
            x -= (Integer) row[weightColumn];
            if (x < 0) {
                return row;
            }
        }
        throw new AssertionError();
    }

    private long latency(int median) {
        double factor = Math.exp(random.nextGaussian() * 0.6);
        return Math.max(1, Math.round(median * factor));
    }

    private void restRequest(Instant t, String forcedIp) {
        boolean prod = forcedIp != null || random.nextInt(100) < 85;
        FixtureRow r = base(t, REST_API, "REST", prod ? "prod" : "beta", "api.example.com");
        client(r, forcedIp);
        Object[] route = forcedIp != null ? REST_ROUTES[3] : pick(REST_ROUTES, 3, random);
        String method = (String) route[0];
        String resource = (String) route[1];
        String path = ((String) route[2]) + (resource.endsWith("{id}") ? Integer.toString(100 + random.nextInt(900)) : "");
        r.set("http_method", method).set("resource_path", resource).set("path", path).set("protocol", "HTTP/1.1");
        r.set("extended_request_id", "ext" + requestCounter);
        if (prod) {
            r.set("waf_status", 200L).set("waf_latency_ms", (long) (1 + random.nextInt(5))).set("waf_response_code", "WAF_ALLOW")
                    .set("webacl_arn", "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api-acl/0a1b2c3d");
        }
        int auth = random.nextInt(100);
        String authMethod;
        if (auth < 55) {
            authMethod = "API_KEY";
            apiKey(r);
        } else if (auth < 70) {
            authMethod = "IAM";
            String user = IAM_USERS[random.nextInt(IAM_USERS.length)];
            r.set("user_arn", "arn:aws:iam::123456789012:user/" + user).set("caller", "AIDAFIXTURE" + user.length())
                    .set("user", "AIDAFIXTURE" + user.length() + ":" + user).set("identity_account_id", "123456789012");
        } else if (auth < 85) {
            authMethod = "COGNITO_USER_POOL";
            r.set("claims_sub", COGNITO_SUBS[random.nextInt(COGNITO_SUBS.length)]).set("claims_iss", COGNITO_ISS)
                    .set("claims_aud", "3fixtureclientid");
            r.set("authorizer_latency_ms", (long) (5 + random.nextInt(40)));
        } else if (auth < 90) {
            authMethod = "LAMBDA_AUTHORIZER";
            r.set("authorizer_principal_id", "tenant-" + (1 + random.nextInt(3)));
            r.set("authorizer_latency_ms", latency(60)).set("authorizer_status", 200L);
        } else {
            authMethod = "NONE";
        }
        r.set("auth_method", authMethod);
        if (r.lng("status") != null) {
            return; // rejected by quota or throttling in apiKey()
        }
        int outcome = random.nextInt(1000);
        long overhead = 3 + random.nextInt(20);
        if (authMethod.equals("NONE") && outcome < 150) {
            error(r, 403, "AUTH", "MISSING_AUTHENTICATION_TOKEN", "Missing Authentication Token");
            r.set("response_latency_ms", 1L + random.nextInt(5)).set("response_length", 42L);
            return;
        }
        if (authMethod.equals("LAMBDA_AUTHORIZER") && outcome < 60) {
            r.set("authorizer_error", "AuthorizerConfigurationException").set("authorizer_status", 500L);
            error(r, 500, "SERVER", "AUTHORIZER_FAILURE", "Internal server error");
            r.set("response_latency_ms", r.lng("authorizer_latency_ms") + overhead).set("response_length", 36L);
            return;
        }
        if (authMethod.equals("COGNITO_USER_POOL") && outcome < 40) {
            error(r, 401, "AUTH", "UNAUTHORIZED", "Unauthorized");
            r.set("response_latency_ms", r.lng("authorizer_latency_ms") + 2).set("response_length", 26L);
            return;
        }
        if (prod && outcome >= 990) {
            r.set("waf_response_code", "WAF_BLOCK").set("waf_status", 403L);
            error(r, 403, "WAF", "WAF_FILTERED", "Forbidden");
            r.set("response_latency_ms", r.lng("waf_latency_ms") + 1).set("response_length", 23L);
            return;
        }
        if (outcome >= 950 && method.equals("POST")) {
            error(r, 400, "VALIDATION", "BAD_REQUEST_BODY", "Invalid request body");
            r.set("response_latency_ms", 2L + random.nextInt(6)).set("response_length", 35L);
            return;
        }
        long responseLatency = latency((Integer) route[4]);
        if (outcome >= 930 && outcome < 950) {
            r.set("integration_error", "Lambda function arn:aws:lambda:eu-west-1:123456789012:function:orders-" + random.nextInt(3)
                    + " failed: RequestId: " + uuid() + " Error: Task timed out after 29.0" + random.nextInt(9) + " seconds");
            r.set("integration_status", 200L);
            error(r, 502, "INTEGRATION", "DEFAULT_5XX", "Internal server error");
            responseLatency = 29_000 + random.nextInt(1000);
        } else if (outcome >= 920 && outcome < 930) {
            error(r, 504, "INTEGRATION", "INTEGRATION_TIMEOUT", "Endpoint request timed out");
            responseLatency = 29_000 + random.nextInt(100);
        } else if (outcome >= 910 && outcome < 920) {
            status(r, 500);
            r.set("integration_status", 500L);
            error(r, 500, "SERVER", "DEFAULT_5XX", "Internal server error");
        } else if (outcome >= 880 && outcome < 910 && resource.endsWith("{id}")) {
            r.set("integration_status", 404L);
            error(r, 404, "NOT_FOUND", null, "Pet " + path.substring(path.lastIndexOf('/') + 1) + " not found");
        } else if (outcome >= 850 && outcome < 880 && method.equals("GET")) {
            status(r, 304);
            r.set("integration_status", 304L);
        } else {
            status(r, method.equals("POST") ? 201 : 200);
            r.set("integration_status", r.lng("status"));
        }
        r.set("response_latency_ms", responseLatency);
        r.set("integration_latency_ms", Math.max(0, responseLatency - overhead));
        r.set("integration_request_id", uuid());
        r.set("response_length", r.lng("status") == 304 ? 0L : 200L + random.nextInt(4000));
    }

    private void apiKey(FixtureRow r) {
        int x = random.nextInt(100);
        Key key = KEYS.get(KEYS.size() - 1);
        for (int i = 0; i < KEY_WEIGHTS.length; i++) {
            x -= KEY_WEIGHTS[i];
            if (x < 0) {
                key = KEYS.get(i);
                break;
            }
        }
        r.set("api_key_id", key.id());
        if (key.plan() == null) {
            r.set("enrichment_status", "UNKNOWN_KEY");
            return;
        }
        Plan p = key.plan();
        r.set("api_key_name", key.name()).set("customer_id", key.customer()).set("enrichment_status", "OK")
                .set("usage_plan_id", p.id()).set("usage_plan_name", p.name()).set("quota_limit", p.limit())
                .set("quota_period", p.period()).set("quota_offset", (long) p.offset())
                .set("throttle_rate_limit", p.throttleRate()).set("throttle_burst_limit", p.burst());
        if (key.customer().equals("hooli") && random.nextInt(100) < 20) {
            error(r, 429, "THROTTLE", "THROTTLED", "Too Many Requests");
            r.set("response_latency_ms", 1L).set("response_length", 31L);
            return;
        }
        String counter = key.id() + "@" + periodStart(r.time(), p.period(), p.offset());
        int served = quotaCounters.merge(counter, 1, Integer::sum);
        if (served > p.limit()) {
            quotaCounters.merge(counter, -1, Integer::sum);
            error(r, 429, "QUOTA", "QUOTA_EXCEEDED", "Limit Exceeded");
            r.set("response_latency_ms", 1L).set("response_length", 28L);
        }
    }

    /** API Gateway's quota period (see the catalog's quota insight): written again here for the simulation. */
    static LocalDate periodStart(Instant t, String period, int offset) {
        LocalDate d = LocalDate.ofInstant(t, ZoneOffset.UTC);
        switch (period) {
            case "DAY":
                return d;
            case "WEEK":
                LocalDate s = d;
                while (s.getDayOfWeek() != DayOfWeek.SUNDAY.plus(offset)) {
                    s = s.minusDays(1);
                }
                return s;
            default:
                LocalDate start = d.withDayOfMonth(1).plusDays(offset);
                return d.isBefore(start) ? d.withDayOfMonth(1).minusMonths(1).plusDays(offset) : start;
        }
    }

    private void httpRequest(Instant t) {
        FixtureRow r = base(t, HTTP_API, "HTTP", "$default", HTTP_API + ".execute-api.eu-west-1.amazonaws.com");
        client(r, null);
        Object[] route = pick(HTTP_ROUTES, 2, random);
        String routeKey = (String) route[0];
        String path = ((String) route[1]) + (routeKey.endsWith("{id}") ? Integer.toString(random.nextInt(500)) : "");
        r.set("http_method", routeKey.substring(0, routeKey.indexOf(' '))).set("route_key", routeKey).set("path", path)
                .set("protocol", random.nextBoolean() ? "HTTP/1.1" : "HTTP/2.0").set("enrichment_status", "NO_KEY");
        if (random.nextInt(100) < 60) {
            r.set("auth_method", "JWT").set("claims_sub", JWT_SUBS[random.nextInt(JWT_SUBS.length)])
                    .set("claims_iss", "https://auth.example.com/").set("claims_aud", "items-api")
                    .set("authorizer_latency_ms", (long) (1 + random.nextInt(10)));
        } else {
            r.set("auth_method", "NONE");
        }
        int outcome = random.nextInt(100);
        long latency = latency((Integer) route[3]);
        if (r.is("auth_method", "JWT") && outcome < 3) {
            error(r, 401, "AUTH", null, "Unauthorized");
            r.set("response_latency_ms", 2L).set("response_length", 26L);
            return;
        }
        if (outcome >= 96) {
            r.set("integration_error", "The Lambda function returned the following error: Cannot read properties of undefined (reading 'id')");
            r.set("integration_status", 500L);
            error(r, 500, "INTEGRATION", null, "Internal Server Error");
        } else if (outcome >= 92 && routeKey.endsWith("{id}")) {
            error(r, 404, "NOT_FOUND", null, "Not Found");
            r.set("integration_status", 404L);
        } else {
            status(r, routeKey.startsWith("POST") ? 201 : 200);
            r.set("integration_status", r.lng("status"));
        }
        r.set("response_latency_ms", latency).set("integration_latency_ms", Math.max(0, latency - 2 - random.nextInt(8)));
        r.set("response_length", 100L + random.nextInt(2000));
    }

    private void webSocketSession(Instant connectAt) {
        String connectionId = String.format("conn%04d=", ++connectionCounter);
        long connectedAt = connectAt.toEpochMilli();
        String ip = CLIENTS[random.nextInt(CLIENTS.length)][0];
        Instant t = connectAt;
        int messages = 2 + random.nextInt(6);
        for (int i = 0; i < messages + 2; i++) {
            FixtureRow r = base(t, WS_API, "WEBSOCKET", "production", WS_API + ".execute-api.eu-west-1.amazonaws.com");
            client(r, ip);
            r.set("connection_id", connectionId).set("connected_at", connectedAt).set("auth_method", "NONE")
                    .set("enrichment_status", "NO_KEY");
            if (i == 0) {
                r.set("event_type", "CONNECT").set("route_key", "$connect");
            } else if (i == messages + 1) {
                r.set("event_type", "DISCONNECT").set("route_key", "$disconnect");
            } else {
                r.set("event_type", "MESSAGE").set("route_key", random.nextBoolean() ? "sendmessage" : "$default")
                        .set("message_id", "msg" + requestCounter);
            }
            if (r.is("event_type", "MESSAGE") && random.nextInt(10) == 0) {
                r.set("integration_error", "Execution failed due to configuration error: Invalid endpoint address");
                error(r, 500, "INTEGRATION", null, "Internal server error");
            } else {
                status(r, 200);
            }
            long latency = latency(15);
            r.set("response_latency_ms", latency).set("integration_latency_ms", Math.max(0, latency - 3));
            t = t.plusMillis(5_000 + random.nextInt(600_000));
        }
    }

    private String uuid() {
        return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
    }
}
