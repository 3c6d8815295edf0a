package dev.apigwinsights.local.demo;

import dev.apigwinsights.parse.template.ConsolePresets;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Generates a month (or {@code days}) of API Gateway access logs for one account, as API Gateway
 * writes them, reproducibly from a seed. The shape is real traffic's, not uniform noise:
 *
 * <ul>
 *   <li>diurnal (trough at 03:00, peak at 15:00 UTC) and weekly cycles, slow growth, noise;</li>
 *   <li>a REST API ({@code prod} behind the custom domain {@value DemoCatalog#CUSTOM_DOMAIN} and
 *       on execute-api, and {@code beta}), an IAM-authorised admin REST API, an HTTP API with a JWT
 *       authorizer ({@code $default}, {@code staging}) and a WebSocket API with a Lambda authorizer;</li>
 *   <li>usage plans with customers of very different sizes: one hits its weekly quota (429
 *       QUOTA_EXCEEDED), one's nightly batch is throttled (429 THROTTLED), one key is missing from
 *       the usage-plans file (UNKNOWN_KEY);</li>
 *   <li>a Lambda-timeout incident (latency climbing, then 504s on REST and 500s with "Task timed
 *       out" on HTTP), an authorizer outage on WebSocket {@code $connect}, WAF blocks of scanners;</li>
 *   <li>Cognito user-pool, Cognito identity-pool, IAM, API-key and JWT callers; browsers, the
 *       company's mobile app, SDKs and bots; IPv4 and IPv6 clients from real national networks.</li>
 * </ul>
 *
 * Formats: the stack's recommended JSON formats, the console's CLF, CSV and JSON presets. Outputs:
 * a CloudWatch Logs export, plain log files, {@code aws logs} JSON output and Firehose events of
 * CloudWatch subscription records (see {@link DemoOutputs}).
 */
public final class DemoTraffic {
    /** Requests on an average day (before the weekly cycle and growth). */
    public static final int REQUESTS_PER_DAY = 10_000;
    private static final DateTimeFormatter CLF_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);
    private static final double HOURLY_BASE = REQUESTS_PER_DAY / 24.0 / 0.54;

    /** What was written. */
    public record Result(long requests, long failedLines, Path inputDir, Path usagePlans, Instant from, Instant to) {
    }

    private final long seed;
    private final int days;
    private final Instant end;
    private final SplittableRandom random;

    // the timeline
    private final Instant start;
    private final long incidentStart;
    private final long incidentEnd;
    private final long outageStart;
    private final long outageEnd;

    // templates
    private final LogTemplate restRecommended = LogTemplate.recommended("rest");
    private final LogTemplate httpRecommended = LogTemplate.recommended("http");
    private final LogTemplate wsRecommended = LogTemplate.recommended("websocket");
    private final LogTemplate restClf = new LogTemplate(ConsolePresets.REST_CLF);
    private final LogTemplate restCsv = new LogTemplate(ConsolePresets.REST_CSV);
    private final LogTemplate httpJson = new LogTemplate(ConsolePresets.HTTP_JSON);

    // people and machines
    private final String[] webUsers;
    private final String[] webUserIps;
    private final String[] mobileIdentities;
    private final String[] mobileIps;
    private final Map<String, String[]> customerIps = new HashMap<>();
    private final Map<String, Long> quotaUsed = new HashMap<>();
    private final Map<String, Long> quotaPeriod = new HashMap<>();
    private final String[] restStreams;
    private final String[] httpStreams;
    private final String[] wsStreams;

    private long requests;
    private long failedLines;

    /**
     * @param end the end of the window (exclusive), e.g. the current hour; the window is the
     *            {@code days} days before it
     */
    public DemoTraffic(long seed, int days, Instant end) {
        if (days < 1) {
            throw new IllegalArgumentException("--days must be at least 1");
        }
        this.seed = seed;
        this.days = days;
        this.end = end.truncatedTo(ChronoUnit.HOURS);
        this.start = this.end.minus(days, ChronoUnit.DAYS);
        this.random = new SplittableRandom(seed);
        long startDay = start.truncatedTo(ChronoUnit.DAYS).toEpochMilli();
        long incidentDay = startDay + Math.max(0, (long) (days * 0.62)) * 86_400_000L;
        this.incidentStart = incidentDay + (13 * 60 + 12) * 60_000L;
        this.incidentEnd = incidentStart + 53 * 60_000L;
        long outageDay = startDay + Math.max(0, (long) (days * 0.3)) * 86_400_000L;
        this.outageStart = outageDay + 8 * 3_600_000L + 17 * 60_000L;
        this.outageEnd = outageStart + 104 * 60_000L;
        SplittableRandom people = new SplittableRandom(seed ^ 0x5eed);
        webUsers = new String[3000];
        webUserIps = new String[webUsers.length];
        for (int i = 0; i < webUsers.length; i++) {
            webUsers[i] = uuid(people);
            webUserIps[i] = ClientNetworks.address(ClientNetworks.consumer(people), people);
        }
        mobileIdentities = new String[2000];
        mobileIps = new String[mobileIdentities.length];
        for (int i = 0; i < mobileIdentities.length; i++) {
            mobileIdentities[i] = DemoCatalog.REGION + ":" + uuid(people);
            mobileIps[i] = ClientNetworks.address(ClientNetworks.consumer(people), people);
        }
        for (DemoCatalog.Customer c : DemoCatalog.CUSTOMERS) {
            String[] ips = new String[c.addresses()];
            for (int i = 0; i < ips.length; i++) {
                ips[i] = ClientNetworks.address(c.network(), people);
            }
            customerIps.put(c.customerId(), ips);
        }
        restStreams = streams(people, 4);
        httpStreams = streams(people, 3);
        wsStreams = streams(people, 2);
    }

    /** The requests the window will hold, roughly: for sizing messages. */
    public static long expectedRequests(int days) {
        return (long) REQUESTS_PER_DAY * days;
    }

    /** Writes the logs under {@code dir/input} and the usage plans to {@code dir/usage-plans.json}. */
    public Result writeTo(Path dir) throws IOException {
        Path input = dir.resolve("input");
        Path plans = dir.resolve("usage-plans.json");
        Files.createDirectories(input);
        try (OutputStream out = Files.newOutputStream(plans)) {
            DemoCatalog.writeUsagePlans(out, start.getEpochSecond() - 90 * 86_400L);
        }
        String task = uuid(new SplittableRandom(seed ^ 0x7a5c));
        try (DemoOutputs.Output restProd = new DemoOutputs.CloudWatchExport(input.resolve("cloudwatch-export"), task);
             DemoOutputs.Output restBeta = new DemoOutputs.LogFile(input.resolve("raw/pets-beta-access.log.gz"), true);
             DemoOutputs.Output admin = new DemoOutputs.LogFile(input.resolve("raw/admin-v1-access.csv"), false);
             DemoOutputs.Output orders = new DemoOutputs.LogEventsJson(input.resolve("filter-log-events"), "orders-api", false);
             DemoOutputs.Output staging = new DemoOutputs.LogEventsJson(input.resolve("get-log-events"), "orders-staging", true);
             DemoOutputs.Output live = new DemoOutputs.FirehoseEvents(input.resolve("firehose-events"),
                     "/aws/apigateway/" + DemoCatalog.LIVE_API + "/production")) {
            PriorityQueue<Line> websocket = new PriorityQueue<>(Comparator.comparingLong(Line::eventMs));
            for (long hour = start.toEpochMilli(); hour < end.toEpochMilli(); hour += 3_600_000L) {
                List<Line> rest = new ArrayList<>();
                List<Line> beta = new ArrayList<>();
                List<Line> adm = new ArrayList<>();
                List<Line> ord = new ArrayList<>();
                List<Line> stg = new ArrayList<>();
                double volume = volume(hour);
                int n = poisson(volume * 0.55);
                for (int i = 0; i < n; i++) {
                    rest.add(petsProd(hour + random.nextLong(3_600_000L)));
                }
                if (hourOfDay(hour) == 2) {
                    rest.addAll(nightlyBatch(hour + 7 * 60_000L));
                }
                if (hour <= incidentStart && incidentStart < hour + 3_600_000L) {
                    for (int i = 0; i < 12; i++) {
                        failedLines++;
                        long t = incidentStart + 60_000L + i * 4_000L;
                        rest.add(new Line(t, restStreams[i % restStreams.length],
                                "(" + uuid(random) + ") Execution failed due to a timeout error"));
                    }
                }
                for (int i = 0, m = poisson(volume * 0.04); i < m; i++) {
                    beta.add(petsBeta(hour + random.nextLong(3_600_000L)));
                }
                for (int i = 0, m = poisson(volume * 0.04); i < m; i++) {
                    adm.add(admin(hour + random.nextLong(3_600_000L)));
                }
                for (int i = 0, m = poisson(volume * 0.22); i < m; i++) {
                    ord.add(orders(hour + random.nextLong(3_600_000L)));
                }
                for (int i = 0, m = poisson(volume * 0.03); i < m; i++) {
                    stg.add(ordersStaging(hour + random.nextLong(3_600_000L)));
                }
                int sessions = poisson(volume * 0.12 / 7);
                for (int i = 0; i < sessions; i++) {
                    websocket.addAll(liveSession(hour + random.nextLong(3_600_000L)));
                }
                if (hour <= outageStart && outageStart < hour + 3_600_000L) {
                    websocket.addAll(outageRetries());
                }
                write(rest, restProd);
                write(beta, restBeta);
                write(adm, admin);
                write(ord, orders);
                write(stg, staging);
                long hourEnd = hour + 3_600_000L;
                while (!websocket.isEmpty() && websocket.peek().eventMs() < hourEnd) {
                    Line l = websocket.poll();
                    live.write(l.eventMs(), l.logStream(), l.text());
                    requests++;
                }
            }
            while (!websocket.isEmpty()) {
                Line l = websocket.poll();
                if (l.eventMs() < end.toEpochMilli()) {
                    live.write(l.eventMs(), l.logStream(), l.text());
                    requests++;
                }
            }
        }
        return new Result(requests - failedLines, failedLines, input, plans, start, end);
    }

    /** A rendered log line and when CloudWatch got it. */
    private record Line(long eventMs, String logStream, String text) {
    }

    private void write(List<Line> lines, DemoOutputs.Output out) throws IOException {
        lines.sort(Comparator.comparingLong(Line::eventMs));
        for (Line l : lines) {
            if (l.eventMs() < end.toEpochMilli()) {
                out.write(l.eventMs(), l.logStream(), l.text());
                requests++;
            }
        }
    }

    /** Expected requests in the hour starting at {@code hour}, all APIs together. */
    private double volume(long hour) {
        ZonedDateTime t = Instant.ofEpochMilli(hour).atZone(ZoneOffset.UTC);
        double diurnal = 0.25 + 0.75 * (0.5 - 0.5 * Math.cos(2 * Math.PI * (t.getHour() - 3) / 24.0));
        double weekly = switch (t.getDayOfWeek()) {
            case MONDAY, THURSDAY -> 1.0;
            case TUESDAY, WEDNESDAY -> 1.05;
            case FRIDAY -> 0.9;
            case SATURDAY -> 0.55;
            case SUNDAY -> 0.5;
        };
        double progress = (hour - start.toEpochMilli()) / (double) (end.toEpochMilli() - start.toEpochMilli());
        double trend = 0.85 + 0.3 * progress;
        double noise = Math.exp(random.nextGaussian() * 0.08);
        return HOURLY_BASE * diurnal * weekly * trend * noise;
    }

    private Map<String, String> common(long at, String apiId, String stage) {
        Map<String, String> v = new HashMap<>();
        v.put("requestId", uuid(random));
        v.put("requestTimeEpoch", Long.toString(at));
        v.put("requestTime", CLF_TIME.format(Instant.ofEpochMilli(at).atZone(ZoneOffset.UTC)));
        v.put("apiId", apiId);
        v.put("stage", stage);
        v.put("accountId", DemoCatalog.ACCOUNT);
        v.put("domainName", DemoCatalog.executeApiDomain(apiId));
        return v;
    }

    private static final String[][] PET_ROUTES = {
        {"GET", "/pets", "25"}, {"GET", "/pets/{petId}", "30"}, {"POST", "/pets", "7"}, {"PUT", "/pets/{petId}", "4"},
        {"DELETE", "/pets/{petId}", "2"}, {"GET", "/orders", "10"}, {"GET", "/orders/{orderId}", "12"},
        {"POST", "/orders", "7"}, {"GET", "/health", "3"}};

    /** The pets API's prod stage: customers with keys, the web app, the mobile app, bots and scanners. */
    private Line petsProd(long at) {
        Map<String, String> v = common(at, DemoCatalog.PETS_API, "prod");
        v.put("extendedRequestId", extendedId());
        boolean customDomain = random.nextInt(100) < 85;
        if (customDomain) {
            v.put("domainName", DemoCatalog.CUSTOM_DOMAIN);
        }
        v.put("protocol", "HTTP/1.1");
        v.put("waf.status", "200");
        v.put("waf.latency", Integer.toString(1 + random.nextInt(3)));
        v.put("wafResponseCode", "WAF_ALLOW");
        int roll = random.nextInt(100);
        String[] route;
        if (roll < 70) {
            DemoCatalog.Customer c = customer();
            route = pick(PET_ROUTES);
            v.put("identity.apiKeyId", c.keyId());
            v.put("identity.userAgent", c.userAgent());
            v.put("identity.sourceIp", pickOf(customerIps.get(c.customerId())));
            if (!quota(c, at)) {
                return finish(v, at, route, customDomain, 429, "Limit Exceeded", "QUOTA_EXCEEDED", 0);
            }
        } else if (roll < 82) {
            int user = zipf(webUsers.length);
            route = random.nextInt(3) == 0 ? new String[] {"PUT", "/me/profile"} : new String[] {"GET", "/me/profile"};
            v.put("authorizer.claims.sub", webUsers[user]);
            v.put("authorizer.principalId", webUsers[user]);
            v.put("authorizer.latency", Integer.toString(4 + random.nextInt(20)));
            v.put("authorizer.status", "200");
            v.put("identity.userAgent", pickOf(DemoCatalog.BROWSERS));
            v.put("identity.sourceIp", webUserIps[user]);
        } else if (roll < 92) {
            int user = zipf(mobileIdentities.length);
            route = random.nextInt(2) == 0 ? new String[] {"GET", "/pets/nearby"} : new String[] {"GET", "/pets/{petId}"};
            v.put("identity.cognitoIdentityId", mobileIdentities[user]);
            v.put("identity.cognitoAuthenticationType", "authenticated");
            v.put("identity.userAgent", pickOf(DemoCatalog.MOBILE_APPS));
            v.put("identity.sourceIp", mobileIps[user]);
        } else if (roll < 97) {
            boolean google = random.nextBoolean();
            route = random.nextBoolean() ? new String[] {"GET", "/pets"} : new String[] {"GET", "/pets/{petId}"};
            v.put("identity.userAgent", DemoCatalog.BOTS[google ? 0 : 1]);
            v.put("identity.sourceIp", ClientNetworks.address(google ? ClientNetworks.GOOGLEBOT : ClientNetworks.BINGBOT, random));
            return finish(v, at, route, customDomain, 403, "Forbidden", "INVALID_API_KEY", 0);
        } else {
            String[] probes = {"/.env", "/wp-login.php", "/.git/config", "/admin/config.php", "/phpmyadmin/index.php",
                "/pets/1%27%20OR%201=1--", "/actuator/env"};
            route = new String[] {random.nextInt(4) == 0 ? "POST" : "GET", probes[random.nextInt(probes.length)]};
            v.put("identity.userAgent", DemoCatalog.BOTS[2 + random.nextInt(3)]);
            v.put("identity.sourceIp", ClientNetworks.address(random.nextBoolean() ? ClientNetworks.HETZNER : ClientNetworks.OVH, random));
            v.put("waf.status", "403");
            v.put("wafResponseCode", "WAF_BLOCK");
            v.put("webaclArn", DemoCatalog.WEBACL_ARN);
            return finish(v, at, new String[] {route[0], route[1], "blocked"}, customDomain, 403, "Forbidden", "WAF_FILTERED", 0);
        }
        return backend(v, at, route, customDomain);
    }

    /** The integration's answer for a routed request: latency, status, errors, the incident. */
    private Line backend(Map<String, String> v, long at, String[] route, boolean customDomain) {
        String resource = route[1];
        boolean orders = resource.startsWith("/orders");
        double median = switch (resource) {
            case "/pets" -> 38;
            case "/health" -> 3;
            case "/orders", "/orders/{orderId}" -> 64;
            default -> route[0].equals("GET") ? 24 : 85;
        };
        double latency = median * Math.exp(random.nextGaussian() * 0.55);
        if (random.nextInt(100) == 0) {
            latency += 350 + random.nextInt(700); // a cold start
        }
        if (orders && at >= incidentStart - 25 * 60_000L && at < incidentStart) {
            latency *= 2 + 8 * (at - (incidentStart - 25 * 60_000L)) / (25 * 60_000.0); // degrading
        }
        v.put("integration.requestId", uuid(random));
        if (orders && at >= incidentStart && at < incidentEnd && random.nextInt(100) < 85) {
            v.put("integrationLatency", Integer.toString(29_000 + random.nextInt(12)));
            v.put("integration.status", "-");
            return finish(v, at, route, customDomain, 504, "Endpoint request timed out", "INTEGRATION_TIMEOUT", 29_000);
        }
        int lat = (int) Math.round(latency);
        v.put("integrationLatency", Integer.toString(lat));
        int roll = random.nextInt(1000);
        int status = route[0].equals("POST") ? 201 : 200;
        if (resource.contains("{") && route[0].equals("GET") && roll < 35) {
            status = 404;
        } else if (!route[0].equals("GET") && !route[0].equals("DELETE") && roll < 30) {
            v.put("integration.status", "400");
            return finish(v, at, route, customDomain, 400, "Invalid request body", "BAD_REQUEST_BODY", lat);
        } else if (roll >= 996) {
            v.put("integration.status", "200");
            v.put("integration.error", "Malformed Lambda proxy response");
            return finish(v, at, route, customDomain, 502, "Internal server error", "DEFAULT_5XX", lat);
        }
        v.put("integration.status", Integer.toString(status));
        return finish(v, at, route, customDomain, status, null, null, lat);
    }

    private Line finish(Map<String, String> v, long at, String[] route, boolean customDomain, int status, String message,
                        String responseType, int integrationMs) {
        String resource = route[1];
        String path = resource.replace("{petId}", Integer.toString(1 + random.nextInt(20_000)))
                .replace("{orderId}", "ord-" + Integer.toHexString(0x100000 + random.nextInt(0xEFFFFF)));
        v.put("httpMethod", route[0]);
        v.put("path", customDomain ? path : "/" + v.get("stage") + path);
        v.put("resourcePath", route.length > 2 ? "-" : resource);
        v.put("status", Integer.toString(status));
        if (message != null) {
            v.put("error.message", message);
            v.put("error.responseType", responseType);
        }
        int length = status >= 400 ? 30 + random.nextInt(30)
                : resource.equals("/pets") || resource.equals("/orders") ? 2_000 + random.nextInt(14_000) : 150 + random.nextInt(900);
        v.put("responseLength", Integer.toString(length));
        int overhead = 3 + random.nextInt(10);
        v.put("responseLatency", Integer.toString(integrationMs + overhead));
        String stream = restStreams[random.nextInt(restStreams.length)];
        String line = v.get("stage").equals("beta") ? restClf.render(v) : restRecommended.render(v);
        return new Line(at + integrationMs + overhead, stream, line);
    }

    /** Hooli's nightly sync: 600 calls in a minute against a 5 requests/s, burst 10 plan: most are throttled. */
    private List<Line> nightlyBatch(long from) {
        List<Line> out = new ArrayList<>();
        DemoCatalog.Customer c = DemoCatalog.HOOLI;
        double tokens = c.plan().burstLimit();
        long last = from;
        for (int i = 0; i < 600; i++) {
            long at = from + i * 100L + random.nextInt(100);
            tokens = Math.min(c.plan().burstLimit(), tokens + (at - last) / 1000.0 * c.plan().rateLimit());
            last = at;
            Map<String, String> v = common(at, DemoCatalog.PETS_API, "prod");
            v.put("extendedRequestId", extendedId());
            v.put("domainName", DemoCatalog.CUSTOM_DOMAIN);
            v.put("protocol", "HTTP/1.1");
            v.put("identity.apiKeyId", c.keyId());
            v.put("identity.userAgent", c.userAgent());
            v.put("identity.sourceIp", customerIps.get(c.customerId())[0]);
            v.put("waf.status", "200");
            v.put("waf.latency", "1");
            v.put("wafResponseCode", "WAF_ALLOW");
            String[] route = {"GET", "/pets/{petId}"};
            if (tokens < 1) {
                out.add(finish(v, at, route, true, 429, "Too Many Requests", "THROTTLED", 0));
            } else if (!quota(c, at)) {
                out.add(finish(v, at, route, true, 429, "Limit Exceeded", "QUOTA_EXCEEDED", 0));
            } else {
                tokens -= 1;
                out.add(backend(v, at, route, true));
            }
        }
        return out;
    }

    /** False once the customer's plan quota for the current period is used up. */
    private boolean quota(DemoCatalog.Customer c, long at) {
        ZonedDateTime t = Instant.ofEpochMilli(at).atZone(ZoneOffset.UTC);
        ZonedDateTime periodStart = switch (c.plan().quotaPeriod()) {
            case "DAY" -> t.truncatedTo(ChronoUnit.DAYS);
            case "WEEK" -> t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            default -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
        };
        long period = periodStart.toInstant().toEpochMilli();
        if (quotaPeriod.getOrDefault(c.customerId(), -1L) != period) {
            quotaPeriod.put(c.customerId(), period);
            quotaUsed.put(c.customerId(), 0L);
        }
        long used = quotaUsed.merge(c.customerId(), 1L, Long::sum);
        return used <= c.plan().quotaLimit();
    }

    /** The beta stage: the console's CLF preset; the team and a few trial customers. */
    private Line petsBeta(long at) {
        Map<String, String> v = common(at, DemoCatalog.PETS_API, "beta");
        v.put("extendedRequestId", extendedId());
        v.put("protocol", "HTTP/1.1");
        v.put("identity.sourceIp", ClientNetworks.address(random.nextBoolean() ? ClientNetworks.HETZNER : ClientNetworks.consumer(random), random));
        v.put("identity.userAgent", pickOf(DemoCatalog.SDKS));
        return backend(v, at, pick(PET_ROUTES), false);
    }

    private static final String[][] ADMIN_ROUTES = {
        {"GET", "/apis", "30"}, {"GET", "/apis/{apiId}/stages", "25"}, {"POST", "/deployments", "10"},
        {"GET", "/metrics", "30"}, {"DELETE", "/cache", "5"}};
    private static final String[][] IAM_CALLERS = {
        {"AROA3XFRBF535PLBIFPI4:deploy-pipeline", "arn:aws:sts::" + DemoCatalog.ACCOUNT + ":assumed-role/deploy-pipeline/deploy-pipeline"},
        {"AROA3XFRBF535PLBIFPI4:grafana-exporter", "arn:aws:sts::" + DemoCatalog.ACCOUNT + ":assumed-role/metrics-reader/grafana-exporter"},
        {"AIDA3XFRBF535J7K2LQ8S", "arn:aws:iam::" + DemoCatalog.ACCOUNT + ":user/alice"},
        {"AIDA3XFRBF535M4N6PW2T", "arn:aws:iam::" + DemoCatalog.ACCOUNT + ":user/bob"}};

    /** The admin API: IAM callers, logged with the console's CSV preset. */
    private Line admin(long at) {
        Map<String, String> v = common(at, DemoCatalog.ADMIN_API, "v1");
        v.put("extendedRequestId", extendedId());
        String[] caller = IAM_CALLERS[zipf(IAM_CALLERS.length)];
        v.put("identity.caller", caller[0]);
        v.put("identity.user", caller[0]);
        v.put("identity.userArn", caller[1]);
        v.put("identity.sourceIp", ClientNetworks.address(caller[0].startsWith("AIDA") ? ClientNetworks.CONSUMER.get(3)
                : ClientNetworks.AWS_US_EAST_1, random));
        String[] route = pick(ADMIN_ROUTES);
        boolean denied = random.nextInt(100) < 4;
        v.put("httpMethod", route[0]);
        v.put("resourcePath", route[1]);
        v.put("protocol", "HTTP/1.1");
        v.put("status", denied ? "403" : route[0].equals("POST") ? "201" : "200");
        v.put("responseLength", Integer.toString(denied ? 183 : 200 + random.nextInt(4000)));
        long written = at + 20 + random.nextInt(200);
        return new Line(written, "admin", restCsv.render(v));
    }

    private static final String[][] ORDER_ROUTES = {
        {"GET", "/orders", "30"}, {"GET", "/orders/{orderId}", "35"}, {"POST", "/orders", "15"},
        {"GET", "/orders/{orderId}/status", "18"}, {"GET", "/unknown", "2"}};

    /** The orders HTTP API's $default stage: JWT callers (the web app, the mobile app, services). */
    private Line orders(long at) {
        Map<String, String> v = common(at, DemoCatalog.ORDERS_API, "$default");
        String[] route = pick(ORDER_ROUTES);
        boolean noRoute = route[1].equals("/unknown");
        v.put("routeKey", noRoute ? "-" : route[0] + " " + route[1]);
        v.put("httpMethod", route[0]);
        v.put("protocol", "HTTP/1.1");
        v.put("path", route[1].replace("{orderId}", "ord-" + Integer.toHexString(0x100000 + random.nextInt(0xEFFFFF))));
        int who = random.nextInt(10);
        int user = zipf(webUsers.length);
        if (who < 6) {
            v.put("identity.userAgent", pickOf(DemoCatalog.BROWSERS));
            v.put("identity.sourceIp", webUserIps[user]);
        } else if (who < 9) {
            v.put("identity.userAgent", pickOf(DemoCatalog.MOBILE_APPS));
            v.put("identity.sourceIp", mobileIps[user % mobileIps.length]);
        } else {
            v.put("identity.userAgent", pickOf(DemoCatalog.SDKS));
            v.put("identity.sourceIp", ClientNetworks.address(ClientNetworks.AWS_US_EAST_1, random));
        }
        int status;
        int integration = 0;
        if (noRoute) {
            status = 404;
            v.put("error.message", "Not Found");
        } else if (random.nextInt(100) < 2) {
            status = 401;
            v.put("error.message", "Unauthorized");
        } else {
            v.put("authorizer.claims.sub", webUsers[user]);
            v.put("integration.requestId", uuid(random));
            if (at >= incidentStart && at < incidentEnd && random.nextInt(100) < 80) {
                integration = 6_000 + random.nextInt(30);
                status = 500;
                v.put("integration.status", "200");
                v.put("error.message", "Internal Server Error");
                v.put("integrationErrorMessage", "The Lambda function returned the following error: RequestId: "
                        + v.get("integration.requestId") + " Error: Task timed out after 6.01 seconds");
            } else {
                integration = (int) Math.round(45 * Math.exp(random.nextGaussian() * 0.5));
                if (at >= incidentStart - 25 * 60_000L && at < incidentStart) {
                    integration *= 6;
                }
                status = route[0].equals("POST") ? 201 : 200;
                v.put("integration.status", Integer.toString(status));
            }
            v.put("integrationLatency", Integer.toString(integration));
        }
        int overhead = 1 + random.nextInt(6);
        v.put("status", Integer.toString(status));
        v.put("responseLatency", Integer.toString(integration + overhead));
        v.put("responseLength", Integer.toString(status >= 400 ? 26 + random.nextInt(10) : 120 + random.nextInt(3_000)));
        return new Line(at + integration + overhead, pickOf(httpStreams), httpRecommended.render(v));
    }

    /** The orders API's staging stage: integration tests, with the console's JSON preset. */
    private Line ordersStaging(long at) {
        Map<String, String> v = common(at, DemoCatalog.ORDERS_API, "staging");
        String[] route = pick(ORDER_ROUTES);
        v.put("routeKey", route[0] + " " + route[1]);
        v.put("httpMethod", route[0]);
        v.put("protocol", "HTTP/1.1");
        v.put("identity.sourceIp", ClientNetworks.address(ClientNetworks.AWS_US_EAST_1, random));
        v.put("status", random.nextInt(100) < 5 ? "500" : route[0].equals("POST") ? "201" : "200");
        v.put("responseLength", Integer.toString(100 + random.nextInt(2_000)));
        return new Line(at + 30 + random.nextInt(100), "staging", httpJson.render(v));
    }

    private static final String[] WS_ROUTES = {"subscribe", "subscribe", "sendMessage", "sendMessage", "sendMessage", "$default"};

    /** One WebSocket session: $connect through the Lambda authorizer, messages, $disconnect. */
    private List<Line> liveSession(long at) {
        List<Line> out = new ArrayList<>();
        int user = zipf(webUsers.length);
        String connection = connectionId();
        String stream = pickOf(wsStreams);
        boolean mobile = random.nextInt(3) == 0;
        String agent = mobile ? pickOf(DemoCatalog.MOBILE_APPS) : pickOf(DemoCatalog.BROWSERS);
        String ip = mobile ? mobileIps[user % mobileIps.length] : webUserIps[user];
        Map<String, String> connect = wsEvent(at, connection, at, "CONNECT", "$connect", agent, ip);
        if (at >= outageStart && at < outageEnd) {
            connect.put("authorizer.latency", Integer.toString(2_900 + random.nextInt(200)));
            connect.put("authorizer.status", "500");
            connect.put("authorizer.error", "Authorizer error");
            connect.put("status", "500");
            connect.put("error.message", "Internal server error");
            connect.put("error.responseType", "AUTHORIZER_CONFIGURATION_ERROR");
            out.add(new Line(at + 3_000, stream, wsRecommended.render(connect)));
            return out;
        }
        connect.put("authorizer.principalId", "user-" + webUsers[user].substring(0, 8));
        connect.put("authorizer.latency", Integer.toString(15 + random.nextInt(40)));
        connect.put("authorizer.status", "200");
        connect.put("integrationLatency", Integer.toString(20 + random.nextInt(40)));
        connect.put("integration.status", "200");
        out.add(new Line(at + 60, stream, wsRecommended.render(connect)));
        long t = at + 200;
        int messages = 1 + random.nextInt(10);
        for (int i = 0; i < messages; i++) {
            t += 500 + random.nextLong(40_000);
            Map<String, String> m = wsEvent(t, connection, at, "MESSAGE", pickOf(WS_ROUTES), agent, ip);
            m.put("messageId", extendedId().substring(0, 12) + "=");
            int latency = (int) Math.round(18 * Math.exp(random.nextGaussian() * 0.5));
            m.put("integrationLatency", Integer.toString(latency));
            m.put("integration.status", "200");
            out.add(new Line(t + latency + 2, stream, wsRecommended.render(m)));
        }
        t += 1_000 + random.nextLong(120_000);
        Map<String, String> d = wsEvent(t, connection, at, "DISCONNECT", "$disconnect", agent, ip);
        d.put("integrationLatency", Integer.toString(5 + random.nextInt(20)));
        d.put("integration.status", "200");
        out.add(new Line(t + 30, stream, wsRecommended.render(d)));
        return out;
    }

    /** Clients retrying $connect every few seconds while the authorizer is down. */
    private List<Line> outageRetries() {
        List<Line> out = new ArrayList<>();
        for (long t = outageStart; t < outageEnd; t += 2_000 + random.nextInt(4_000)) {
            out.addAll(liveSession(t));
        }
        return out;
    }

    private Map<String, String> wsEvent(long at, String connection, long connectedAt, String type, String route,
                                        String agent, String ip) {
        Map<String, String> v = common(at, DemoCatalog.LIVE_API, "production");
        v.put("extendedRequestId", extendedId());
        v.put("eventType", type);
        v.put("routeKey", route);
        v.put("connectionId", connection);
        v.put("connectedAt", Long.toString(connectedAt));
        v.put("identity.userAgent", agent);
        v.put("identity.sourceIp", ip);
        v.put("status", "200");
        return v;
    }

    private DemoCatalog.Customer customer() {
        double total = 0;
        for (DemoCatalog.Customer c : DemoCatalog.CUSTOMERS) {
            total += c.weight();
        }
        double roll = random.nextDouble() * total;
        for (DemoCatalog.Customer c : DemoCatalog.CUSTOMERS) {
            roll -= c.weight();
            if (roll < 0) {
                return c;
            }
        }
        return DemoCatalog.CUSTOMERS.get(0);
    }

    private String[] pick(String[][] weighted) {
        int total = 0;
        for (String[] w : weighted) {
            total += Integer.parseInt(w[2]);
        }
        int roll = random.nextInt(total);
        for (String[] w : weighted) {
            roll -= Integer.parseInt(w[2]);
            if (roll < 0) {
                return new String[] {w[0], w[1]};
            }
        }
        return new String[] {weighted[0][0], weighted[0][1]};
    }

    private String pickOf(String[] items) {
        return items[random.nextInt(items.length)];
    }

    /** An index in [0, n) where low indexes are far more likely (a few heavy users, a long tail). */
    private int zipf(int n) {
        return (int) Math.min(n - 1, Math.floor(Math.pow(n + 1, random.nextDouble()) - 1));
    }

    private int poisson(double mean) {
        if (mean > 50) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private static int hourOfDay(long ms) {
        return (int) ((ms / 3_600_000L) % 24);
    }

    private String extendedId() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder s = new StringBuilder(16);
        for (int i = 0; i < 15; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.append('=').toString();
    }

    private String connectionId() {
        return extendedId().substring(0, 13) + "CE=";
    }

    private static String[] streams(SplittableRandom r, int n) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = String.format("%016x%016x", r.nextLong(), r.nextLong());
        }
        return out;
    }

    static String uuid(SplittableRandom r) {
        return String.format("%08x-%04x-4%03x-%04x-%012x", r.nextInt() & 0xffffffffL, r.nextInt(0x10000), r.nextInt(0x1000),
                0x8000 | r.nextInt(0x4000), r.nextLong() & 0xffffffffffffL);
    }
}
