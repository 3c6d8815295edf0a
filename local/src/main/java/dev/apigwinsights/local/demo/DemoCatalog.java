package dev.apigwinsights.local.demo;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's world: one account's APIs, usage plans, customers and clients. Everything a
 * generated log line refers to is defined here, and {@link #writeUsagePlans} writes the plans
 * and keys in API Gateway's own wire format, as {@code --usage-plans} reads them.
 */
final class DemoCatalog {
    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-west-1";
    static final String CUSTOM_DOMAIN = "api.example.com";
    static final String PETS_API = "p3t5api0k1";
    static final String ADMIN_API = "adm1n2x9q4";
    static final String ORDERS_API = "0rd3rs7h2p";
    static final String LIVE_API = "l1v3ws8k2m";
    static final String WEBACL_ARN = "arn:aws:wafv2:" + REGION + ":" + ACCOUNT
            + ":regional/webacl/pets-api-acl/5d8c3a1e-7b2f-4c9d-a6e0-1f2b3c4d5e6f";
    static final String USER_POOL_ISSUER = "https://cognito-idp." + REGION + ".amazonaws.com/" + REGION + "_Dem0P00l1";
    static final String IDENTITY_POOL = REGION + ":7c1e4b2a-9d3f-4e8b-a5c6-0f1e2d3c4b5a";

    /** A usage plan: quota per period and throttle, on the pets API's prod stage. */
    record Plan(String id, String name, String description, long quotaLimit, String quotaPeriod, int burstLimit, double rateLimit) {
    }

    /**
     * A customer calling the pets API with its API key from its own servers.
     *
     * @param weight    share of the pets API's keyed traffic
     * @param inPlanFile false for a key the usage-plans file does not know (created after it was exported)
     */
    record Customer(String customerId, String keyId, String keyName, Plan plan, double weight, String userAgent,
                    ClientNetworks.Network network, int addresses, boolean inPlanFile) {
    }

    static final Plan ENTERPRISE = new Plan("ent4p1an0", "Enterprise", "Contracted volume, monthly quota", 10_000_000, "MONTH", 2000, 1000);
    static final Plan PRO = new Plan("pro4p1an0", "Pro", "Self-serve paid tier", 500_000, "MONTH", 400, 200);
    static final Plan STARTER = new Plan("str4p1an0", "Starter", "Entry paid tier, weekly quota", 2_000, "WEEK", 40, 20);
    static final Plan FREE = new Plan("fre4p1an0", "Free", "Trials and hobby projects", 1_000, "DAY", 10, 5);
    static final List<Plan> PLANS = List.of(ENTERPRISE, PRO, STARTER, FREE);

    /** Customers with very different sizes; umbrella outgrows its Starter quota, hooli bursts past its throttle. */
    static final List<Customer> CUSTOMERS;
    /** The customer whose nightly batch job is throttled. */
    static final Customer HOOLI;

    static {
        List<Customer> c = new ArrayList<>();
        c.add(new Customer("globex", "k7gl0bex01", "globex-production", ENTERPRISE, 30,
                "aws-sdk-java/2.25.31 Linux/5.10.218-208.862.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.11+9-LTS Java/17.0.11 vendor/Amazon.com_Inc. io/sync http/Apache",
                ClientNetworks.AWS_US_EAST_1, 6, true));
        c.add(new Customer("acme", "k7acme0002", "acme-backend", PRO, 18, "python-requests/2.31.0", ClientNetworks.HETZNER, 3, true));
        c.add(new Customer("initech", "k7init0003", "initech-web", PRO, 12, "axios/1.6.8", ClientNetworks.OVH, 2, true));
        c.add(new Customer("stark", "k7strk0004", "stark-industries", PRO, 6, "Go-http-client/2.0", ClientNetworks.AWS_US_EAST_1, 4, true));
        c.add(new Customer("umbrella", "k7umbr0005", "umbrella-health", STARTER, 16, "okhttp/4.12.0",
                ClientNetworks.CONSUMER.get(6), 3, true));
        c.add(new Customer("soylent", "k7soyl0006", "soylent-foods", STARTER, 1.2, "PostmanRuntime/7.37.3", ClientNetworks.CONSUMER.get(7), 2, true));
        c.add(new Customer("wonka", "k7wonk0007", "wonka-sweets", STARTER, 0.8, "curl/8.5.0", ClientNetworks.CONSUMER.get(3), 1, true));
        Customer hooli = new Customer("hooli", "k7hool0008", "hooli-nightly-sync", FREE, 1.5, "python-httpx/0.27.0",
                ClientNetworks.AWS_US_EAST_1, 1, true);
        c.add(hooli);
        c.add(new Customer("vandelay", "k7vand0009", "vandelay-partner-legacy", PRO, 1.0, "Java/1.8.0_402",
                ClientNetworks.CONSUMER.get(12), 2, false));
        String[] trialAgents = {"curl/8.4.0", "PostmanRuntime/7.36.1", "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)",
            "python-requests/2.32.3", "insomnia/8.6.1", "Dart/3.3 (dart:io)"};
        for (int i = 1; i <= 25; i++) {
            c.add(new Customer(String.format("trial-%02d", i), String.format("k7tr%06d", i), String.format("trial-%02d", i), FREE,
                    0.12, trialAgents[i % trialAgents.length], ClientNetworks.CONSUMER.get(i % ClientNetworks.CONSUMER.size()), 1, true));
        }
        CUSTOMERS = List.copyOf(c);
        HOOLI = hooli;
    }

    /** Browsers (desktop and mobile), for people on the web app. */
    static final String[] BROWSERS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.80",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36"};
    /** The company's own mobile app (iOS and Android builds). */
    static final String[] MOBILE_APPS = {
        "PetPal/3.4.1 (com.example.petpal; build:3410; iOS 17.4.1) Alamofire/5.9.1",
        "PetPal/3.4.1 (iPhone; iOS 17.5; Scale/3.00)",
        "okhttp/4.12.0",
        "Dalvik/2.1.0 (Linux; U; Android 14; SM-S911B Build/UP1A.231005.007)",
        "PetPal/3.3.9 (com.example.petpal; build:3390; iOS 16.7.7) Alamofire/5.8.1"};
    /** Server-side SDKs and tools of the company's own services (orders API, admin API). */
    static final String[] SDKS = {
        "aws-sdk-js/3.577.0 ua/2.0 os/linux#5.10.216-204.855.amzn2.x86_64 lang/js md/nodejs#20.13.1 api/api-gateway#3.577.0",
        "Boto3/1.34.113 md/Botocore#1.34.113 ua/2.0 os/linux#5.10.216 md/arch#x86_64 lang/python#3.12.3 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.113",
        "aws-cli/2.15.58 md/awscrt#0.19.19 ua/2.0 os/macos#23.4.0 md/arch#arm64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/prompt#off md/command#apigateway.get-rest-apis",
        "Go-http-client/1.1",
        "Apache-HttpClient/5.3.1 (Java/21.0.3)"};
    /** Crawlers and scanners. The last one writes a quote in its user agent, which API Gateway does not escape. */
    static final String[] BOTS = {
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 zgrab/0.x",
        "Mozilla/5.0 (compatible; Nuclei - Open-source project (github.com/projectdiscovery/nuclei))",
        "Mozilla/5.0 (compatible; \"SiteAuditBot\"/1.2; +https://example.org/bot)"};

    private DemoCatalog() {
    }

    static String executeApiDomain(String apiId) {
        return apiId + ".execute-api." + REGION + ".amazonaws.com";
    }

    /**
     * Writes the usage plans, their keys and the API keys as {@code GetUsagePlans},
     * {@code GetUsagePlanKeys} and {@code GetApiKeys} return them (the vandelay key is left out:
     * it was created after this file was exported, so its requests enrich as UNKNOWN_KEY).
     */
    static void writeUsagePlans(OutputStream out, long createdEpochSeconds) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeObjectFieldStart("usagePlans");
            g.writeArrayFieldStart("items");
            for (Plan p : PLANS) {
                g.writeStartObject();
                g.writeStringField("id", p.id());
                g.writeStringField("name", p.name());
                g.writeStringField("description", p.description());
                g.writeArrayFieldStart("apiStages");
                g.writeStartObject();
                g.writeStringField("apiId", PETS_API);
                g.writeStringField("stage", "prod");
                g.writeEndObject();
                g.writeEndArray();
                g.writeObjectFieldStart("quota");
                g.writeNumberField("limit", p.quotaLimit());
                g.writeNumberField("offset", 0);
                g.writeStringField("period", p.quotaPeriod());
                g.writeEndObject();
                g.writeObjectFieldStart("throttle");
                g.writeNumberField("burstLimit", p.burstLimit());
                g.writeNumberField("rateLimit", p.rateLimit());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeObjectFieldStart("usagePlanKeys");
            for (Plan p : PLANS) {
                g.writeObjectFieldStart(p.id());
                g.writeArrayFieldStart("items");
                for (Customer c : CUSTOMERS) {
                    if (c.plan() == p && c.inPlanFile()) {
                        g.writeStartObject();
                        g.writeStringField("id", c.keyId());
                        g.writeStringField("type", "API_KEY");
                        g.writeStringField("name", c.keyName());
                        g.writeEndObject();
                    }
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeObjectFieldStart("apiKeys");
            g.writeArrayFieldStart("items");
            for (Customer c : CUSTOMERS) {
                if (!c.inPlanFile()) {
                    continue;
                }
                g.writeStartObject();
                g.writeStringField("id", c.keyId());
                g.writeStringField("name", c.keyName());
                g.writeStringField("customerId", c.customerId());
                g.writeStringField("description", "API key of " + c.customerId());
                g.writeBooleanField("enabled", true);
                g.writeNumberField("createdDate", createdEpochSeconds);
                g.writeNumberField("lastUpdatedDate", createdEpochSeconds);
                g.writeArrayFieldStart("stageKeys");
                g.writeString(PETS_API + "/prod");
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        }
    }
}
