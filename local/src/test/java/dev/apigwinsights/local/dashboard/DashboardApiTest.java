package dev.apigwinsights.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigwinsights.insights.Insight;
import dev.apigwinsights.insights.Insights;
import dev.apigwinsights.insights.Sheet;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's JSON API over a real store (the demo's traffic through the real ingest), through
 * real HTTP: Jetty on a loopback port, the JDK's HTTP client. It stands for what the page and any
 * script see.
 */
class DashboardApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RANGE = "from=2024-03-07T12:00:00Z&to=2024-03-10T12:00:00Z";
    private static DashboardFixture.Running running;
    private static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        running = DashboardFixture.serve();
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() throws Exception {
        running.close();
    }

    @Test
    void everyInsightOfTheCatalogAnswersWithItsDeclaredColumns() throws Exception {
        JsonNode catalog = getJson("/api/catalog", 200);
        List<String> storeColumns = new ArrayList<>();
        getJson("/api/store", 200).get("columns").forEach(c -> storeColumns.add(c.asText()));
        int withRows = 0;
        List<String> ids = new ArrayList<>();
        for (JsonNode insight : catalog.get("insights")) {
            String id = insight.get("id").asText();
            ids.add(id);
            HttpResponse<String> r = get("/api/insights/" + id + "?" + RANGE);
            assertThat(r.statusCode()).as(id + ": " + r.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(r.body());
            if (body.has("unavailable")) {
                // Only a column this store does not have excuses an insight (client_country before GeoIP).
                assertThat(body.get("unavailable").get("reason").asText()).as(id).isEqualTo("missing_column");
                String column = body.get("unavailable").get("message").asText().replaceAll("^this store has no (\\w+) column.*$", "$1");
                assertThat(storeColumns).as(id).doesNotContain(column);
                continue;
            }
            List<String> declared = new ArrayList<>();
            insight.get("columns").forEach(c -> declared.add(c.get("name").asText()));
            List<String> answered = new ArrayList<>();
            body.get("columns").forEach(c -> answered.add(c.asText()));
            assertThat(answered).as(id).isEqualTo(declared);
            for (JsonNode row : body.get("rows")) {
                assertThat(row.size()).as(id).isEqualTo(declared.size());
            }
            if (body.get("rows").size() > 0) {
                withRows++;
            }
        }
        assertThat(ids).isEqualTo(Insights.standard(DashboardFixture.CLOCK).list().stream().map(Insight::id).toList());
        assertThat(withRows).as("insights with data over three days of demo traffic").isGreaterThan(ids.size() * 3 / 4);
    }

    @Test
    void filtersChangeTheNumbers() throws Exception {
        JsonNode all = row("overview_kpis", "");
        long requests = all.get(0).asLong();
        long requests5xx = all.get(3).asLong();
        assertThat(requests5xx).isPositive().isLessThan(requests);
        assertThat(row("overview_kpis", "&status_class=5xx").get(0).asLong()).isEqualTo(requests5xx);

        JsonNode topRoute = getJson("/api/insights/top_routes?" + RANGE, 200).get("rows").get(0);
        String route = topRoute.get(0).asText();
        long routeRequests = row("overview_kpis", "&route=" + enc(route)).get(0).asLong();
        assertThat(routeRequests).isEqualTo(topRoute.get(1).asLong()).isLessThan(requests);

        JsonNode customers = getJson("/api/insights/requests_by_customer?" + RANGE, 200).get("rows");
        String customer = customers.get(0).get(0).asText();
        assertThat(row("overview_kpis", "&customer=" + enc(customer)).get(0).asLong()).isEqualTo(customers.get(0).get(1).asLong());
    }

    @Test
    void valuesOfOneFilterAreOredAndFiltersAreAnded() throws Exception {
        JsonNode all = row("overview_kpis", "");
        assertThat(row("overview_kpis", "&status_class=4xx&status_class=5xx").get(0).asLong())
                .isEqualTo(all.get(2).asLong() + all.get(3).asLong());
        JsonNode stages = getJson("/api/insights/requests_by_stage?" + RANGE, 200).get("rows");
        String stage = stages.get(0).get(0).asText();
        long stage5xx = row("overview_kpis", "&stage=" + enc(stage) + "&status_class=5xx").get(0).asLong();
        assertThat(stage5xx).isLessThanOrEqualTo(all.get(3).asLong()).isLessThan(stages.get(0).get(1).asLong());
    }

    @Test
    void theTimeRangeNarrowsTheAnswer() throws Exception {
        long threeDays = row("overview_kpis", "").get(0).asLong();
        JsonNode oneDay = getJson("/api/insights/overview_kpis?from=2024-03-09T12:00&to=2024-03-10T12:00", 200).get("rows").get(0);
        assertThat(oneDay.get(0).asLong()).isPositive().isLessThan(threeDays);
    }

    @Test
    void badParametersGetA400WithTheCatalogsOneLineMessage() throws Exception {
        String[][] cases = {
            {"/api/insights/overview_kpis?from=yesterday&to=2024-03-10", "not an ISO date"},
            {"/api/insights/overview_kpis?from=2024-03-10", "give both from and to"},
            {"/api/insights/overview_kpis?" + RANGE + "&colour=blue", "unknown parameter 'colour'"},
            {"/api/insights/overview_kpis?" + RANGE + "&status=abc", "is not a whole number"},
            {"/api/insights/overview_kpis?" + RANGE + "&status_class=6xx", "is not one of"},
            {"/api/insights/overview_kpis?" + RANGE + "&limit=0", "limit must be between"},
            {"/api/insights/requests_over_time?" + RANGE + "&grain=fortnight", "grain"},
            {"/api/insights/overview_kpis?from=2024-03-10&to=2024-03-01", "must be before"},
            {"/api/insights/overview_kpis?" + RANGE + "&route=", "empty value"},
            {"/api/values/route?from=nope&to=2024-03-10", "not an ISO date"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = get(c[0]);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(JSON.readTree(r.body()).get("error").asText()).as(c[0]).contains(c[1]);
            assertNoInternals(r.body());
        }
    }

    @Test
    void sqlInFilterValuesIsJustAValueThatMatchesNothing() throws Exception {
        long before = row("overview_kpis", "").get(0).asLong();
        String[] attacks = {"x' OR '1'='1", "'; DROP VIEW access_logs; --", "%' OR 1=1 --", "\") OR 1=1 --", "1) UNION SELECT 1 --"};
        for (String attack : attacks) {
            for (String filter : new String[] {"route", "customer", "api", "client_ip", "user"}) {
                HttpResponse<String> r = get("/api/insights/overview_kpis?" + RANGE + "&" + filter + "=" + enc(attack));
                assertThat(r.statusCode()).as(filter + "=" + attack).isEqualTo(200);
                assertThat(JSON.readTree(r.body()).get("rows").get(0).get(0).asLong()).as(filter + "=" + attack).isZero();
            }
            HttpResponse<String> status = get("/api/insights/overview_kpis?" + RANGE + "&status=" + enc(attack));
            assertThat(status.statusCode()).isEqualTo(400);
            String message = JSON.readTree(status.body()).get("error").asText();
            assertThat(message).startsWith("filter status: '");
            assertNoInternals(message.replace(attack, ""));
        }
        assertThat(row("overview_kpis", "").get(0).asLong()).as("the store is untouched").isEqualTo(before);
    }

    @Test
    void insightIdsComeOnlyFromTheCatalog() throws Exception {
        HttpResponse<String> close = get("/api/insights/top_route?" + RANGE);
        assertThat(close.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(close.body()).get("error").asText()).contains("did you mean").contains("top_routes");
        // A path parameter is not part of the id: Jetty strips it, and the id still names a catalog insight.
        assertThat(getJson("/api/insights/overview_kpis;DROP%20VIEW%20x?" + RANGE, 200).get("id").asText()).isEqualTo("overview_kpis");
        for (String path : new String[] {"/api/insights/information_schema", "/api/insights/DROP%20VIEW%20access_logs",
            "/api/insights/" + enc("overview_kpis' --"), "/api/values/password", "/api/nothing", "/etc/passwd"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isIn(400, 404);
            assertNoInternals(r.body());
        }
    }

    @Test
    void onlyGetAndHeadAreAnswered() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url("/api/catalog")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("allow")).hasValue("GET, HEAD");
    }

    @Test
    void aRequestForAnotherHostNameIsRefused() throws Exception {
        // A page on another site that rebinds its DNS name to 127.0.0.1 sends its own Host header.
        assertThat(rawStatus("evil.example")).isEqualTo(403);
        assertThat(rawStatus("localhost")).isEqualTo(200);
    }

    @Test
    void onlyTheListedAssetsAreServed() throws Exception {
        HttpResponse<String> js = get("/assets/dashboard.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
        assertThat(get("/assets/echarts.min.js").body()).contains("Apache Software Foundation");
        assertThat(JSON.readTree(get("/assets/countries-110m.json").body()).get("type").asText()).isEqualTo("Topology");
        for (String path : new String[] {"/assets/dashboard.html", "/assets/simplelogger.properties", "/assets/..%2Fdashboard.html",
            "/assets/../../pom.xml", "/assets/empty-states.json", "/assets/"}) {
            assertThat(get(path).statusCode()).as(path).isIn(400, 404);
        }
    }

    @Test
    void thePageIsTheTemplateWithItsAssetsLinkedAndAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-security-policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"));
        assertThat(page.body()).contains("<script src=\"assets/echarts.min.js\"></script>", "id=\"apigw-boot\"", "\"mode\":\"live\"")
                .doesNotContain("{{").doesNotContainPattern("(src|href)=\"(https?:)?//");
    }

    @Test
    void theCatalogEndpointListsSheetsChartKindsUnitsAndFilters() throws Exception {
        JsonNode catalog = getJson("/api/catalog", 200);
        List<String> sheets = new ArrayList<>();
        catalog.get("sheets").forEach(s -> sheets.add(s.get("id").asText()));
        assertThat(sheets).containsExactly(java.util.Arrays.stream(Sheet.values()).map(Sheet::id).toArray(String[]::new));
        assertThat(catalog.get("chartKinds").toString()).contains("kpi", "stacked_bar", "heatmap", "map");
        assertThat(catalog.get("units").get("milliseconds").asText()).isEqualTo("ms");
        JsonNode statusClass = null;
        for (JsonNode f : catalog.get("filters")) {
            if (f.get("key").asText().equals("status_class")) {
                statusClass = f;
            }
        }
        assertThat(statusClass).isNotNull();
        assertThat(statusClass.get("allowedValues").toString()).isEqualTo("[\"1xx\",\"2xx\",\"3xx\",\"4xx\",\"5xx\"]");
    }

    @Test
    void filterSuggestionsAreTheCatalogsRankingWithoutTheFilterItself() throws Exception {
        JsonNode values = getJson("/api/values/route?" + RANGE + "&route=" + enc("/nothing"), 200);
        assertThat(values.get("source").asText()).isEqualTo("top_routes");
        JsonNode top = getJson("/api/insights/top_routes?" + RANGE, 200).get("rows").get(0);
        assertThat(values.get("values").get(0).get("value").asText()).isEqualTo(top.get(0).asText());
        assertThat(getJson("/api/values/request_id?" + RANGE, 200).get("values").size()).isZero();
    }

    private static void assertNoInternals(String body) {
        assertThat(body).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("SELECT")
                .doesNotContain("access_logs").doesNotContain("duckdb").doesNotContain("\n");
    }

    private static JsonNode row(String insight, String filters) throws Exception {
        return getJson("/api/insights/" + insight + "?" + RANGE + filters, 200).get("rows").get(0);
    }

    private static JsonNode getJson(String path, int status) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + running.server().port() + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static int rawStatus(String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", running.server().port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/catalog HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
