package dev.apigwinsights.local;

import static dev.apigwinsights.local.StoreTestSupport.ingest;
import static dev.apigwinsights.local.StoreTestSupport.jsonLines;
import static dev.apigwinsights.local.StoreTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryCommandTest {
    @TempDir
    Path tmp;
    Path data;

    @BeforeEach
    void store() throws Exception {
        data = tmp.resolve("store");
        List<String> lines = new java.util.ArrayList<>(jsonLines(0, 30));
        lines.add("{\"requestId\":\"x1\",\"requestTimeEpoch\":\"" + StoreTestSupport.T0 + "\",\"status\":\"200\",\"httpMethod\":\"GET\","
                + "\"customField\":\"a,b \\\"c\\\"\"}");
        ingest("--data", data.toString(), write(tmp.resolve("a.log"), lines).toString());
    }

    private static CliTestSupport.Result query(String... args) {
        return CliTestSupport.run(new QueryCommand(Map.of(), StoreTestSupport.CLOCK), args);
    }

    @Test
    void printsAnAlignedTable() {
        CliTestSupport.Result r = query("--data", data.toString(), "--sql",
                "SELECT status, count(*) AS requests FROM access_logs GROUP BY status ORDER BY status");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("| status | requests |", "|    200 |       28 |", "|    404 |        3 |", "(2 rows)");
    }

    @Test
    void printsCsvWithQuotingWhereNeeded() {
        CliTestSupport.Result r = query("--data", data.toString(), "--format", "csv", "--sql",
                "SELECT request_id, extra['customField'] AS custom, api_type FROM access_logs WHERE request_id = 'x1'");

        assertThat(r.out()).isEqualTo("request_id,custom,api_type\r\nx1,\"a,b \"\"c\"\"\",\r\n");
    }

    @Test
    void printsOneJsonArrayOfObjectsKeyedByColumnWithTypedValues() throws Exception {
        CliTestSupport.Result r = query("--data", data.toString(), "--format", "json", "--sql",
                "SELECT request_id, status, request_time, extra, response_latency_ms / 2 AS half, year FROM access_logs"
                        + " WHERE request_id IN ('req-00001', 'x1') ORDER BY request_id");

        JsonNode rows = StoreTestSupport.JSON.readTree(r.out());
        assertThat(rows.isArray()).isTrue();
        assertThat(rows).hasSize(2);
        JsonNode first = rows.get(0);
        assertThat(first.get("request_id").asText()).isEqualTo("req-00001");
        assertThat(first.get("status").isInt()).isTrue();
        assertThat(first.get("request_time").asText()).isEqualTo("2024-02-01 06:47:01.000");
        assertThat(first.get("extra").isNull()).isTrue();
        assertThat(first.get("half").isNumber()).isTrue();
        assertThat(first.get("year").asText()).isEqualTo("2024");
        assertThat(rows.get(1).get("extra").get("customField").asText()).isEqualTo("a,b \"c\"");
    }

    @Test
    void printsAStructAsAnObjectKeyedByItsFieldNames() throws Exception {
        CliTestSupport.Result r = query("--data", data.toString(), "--format", "json", "--sql",
                "SELECT {'route': resource_path, 'n': count(*)} AS top FROM access_logs WHERE request_id = 'req-00001' GROUP BY resource_path");

        JsonNode top = StoreTestSupport.JSON.readTree(r.out()).get(0).get("top");
        assertThat(top.isObject()).as(r.out()).isTrue();
        assertThat(top.get("n").asInt()).isEqualTo(1);
        assertThat(top.get("route").asText()).startsWith("/");
    }

    @Test
    void printsAnEmptyJsonArrayForNoRows() {
        CliTestSupport.Result r = query("--data", data.toString(), "--format", "json", "--sql", "SELECT * FROM access_logs WHERE false");

        assertThat(r.out().strip()).isEqualTo("[]");
    }

    @Test
    void failsClearlyOnBadSqlAMissingStoreAndAnUnknownFormat() {
        CliTestSupport.Result bad = query("--data", data.toString(), "--sql", "SELECT nope FROM access_logs");
        CliTestSupport.Result missing = query("--data", tmp.resolve("nothing").toString(), "--sql", "SELECT 1");
        CliTestSupport.Result format = query("--data", data.toString(), "--format", "xml", "--sql", "SELECT 1");

        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).startsWith("apigw-insights query: query failed:").contains("nope");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no data at").contains("run 'ingest'");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("unknown --format 'xml'");
    }

    @Test
    void usesTheDefaultDataDirectoryUnderApigwInsightsHome() throws Exception {
        Path home = tmp.resolve("home");
        CliTestSupport.Result ingested = CliTestSupport.run(new IngestCommand(Map.of(DataDirs.HOME_ENV, home.toString()),
                StoreTestSupport.CLOCK, java.io.InputStream.nullInputStream()), write(tmp.resolve("b.log"), jsonLines(0, 4)).toString());

        CliTestSupport.Result r = CliTestSupport.run(new QueryCommand(Map.of(DataDirs.HOME_ENV, home.toString()), StoreTestSupport.CLOCK),
                "--format", "csv", "--sql", "SELECT count(*) AS n FROM access_logs");

        assertThat(ingested.exitCode()).as(ingested.err()).isZero();
        assertThat(home.resolve("data/logs")).isDirectory();
        assertThat(r.out()).isEqualTo("n\r\n4\r\n");
    }

    @Test
    void answersACatalogInsightWithTheColumnsOtherToolsRelyOn() throws Exception {
        CliTestSupport.Result byClass = query("--data", data.toString(), "--format", "json", "--insight", "requests_by_status_class");
        CliTestSupport.Result latency = query("--data", data.toString(), "--format", "json", "--insight", "latency_percentiles_by_route");

        assertThat(byClass.exitCode()).as(byClass.err()).isZero();
        Map<String, Long> requests = new java.util.TreeMap<>();
        for (JsonNode row : StoreTestSupport.JSON.readTree(byClass.out())) {
            assertThat(row.fieldNames()).toIterable().containsExactly("status_class", "requests");
            requests.put(row.get("status_class").asText(), row.get("requests").asLong());
        }
        assertThat(requests).containsExactly(Map.entry("2xx", 28L), Map.entry("4xx", 3L));

        assertThat(latency.exitCode()).as(latency.err()).isZero();
        JsonNode pets = null;
        for (JsonNode row : StoreTestSupport.JSON.readTree(latency.out())) {
            assertThat(row.fieldNames()).toIterable().containsExactly("route", "requests", "p50_ms", "p95_ms", "p99_ms");
            if (row.get("route").asText().equals("/pets/{petId}")) {
                pets = row;
            }
        }
        // latencies 10..39 ms on that route: exact percentiles by linear interpolation
        assertThat(pets).isNotNull();
        assertThat(pets.get("requests").asLong()).isEqualTo(30);
        assertThat(pets.get("p50_ms").asDouble()).isCloseTo(24.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(pets.get("p95_ms").asDouble()).isCloseTo(37.55, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(pets.get("p99_ms").asDouble()).isCloseTo(38.71, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void filtersAndTheTimeRangeNarrowAnInsight() {
        CliTestSupport.Result errors = query("--data", data.toString(), "--format", "csv", "--insight", "requests_by_status_class",
                "--filter", "status_class=4xx");
        CliTestSupport.Result firstTen = query("--data", data.toString(), "--format", "csv", "--insight", "requests_by_status_class",
                "--from", "2024-02-01T06:47:00Z", "--to", "2024-02-01T06:47:10Z");
        CliTestSupport.Result later = query("--data", data.toString(), "--format", "csv", "--insight", "requests_by_status_class",
                "--from", "2024-02-02");

        assertThat(errors.out()).isEqualTo("status_class,requests\r\n4xx,3\r\n");
        // requests 0..9 and x1 fall in those ten seconds: one 404 (request 0) and ten 200s
        assertThat(firstTen.out().lines()).containsExactlyInAnyOrder("status_class,requests", "2xx,10", "4xx,1");
        assertThat(later.out()).isEqualTo("status_class,requests\r\n");
    }

    @Test
    void listsEveryInsightWithTheQuestionItAnswers() throws Exception {
        CliTestSupport.Result r = query("--list", "--format", "json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode list = StoreTestSupport.JSON.readTree(r.out());
        assertThat(list.size()).isGreaterThanOrEqualTo(60);
        List<String> ids = new java.util.ArrayList<>();
        list.forEach(i -> {
            ids.add(i.get("id").asText());
            assertThat(i.get("question").asText()).endsWith("?");
        });
        assertThat(ids).contains("requests_by_status_class", "latency_percentiles_by_route", "requests_by_usage_plan",
                "top_error_signatures", "quota_usage_by_key");
    }

    @Test
    void badInsightArgumentsAreOneLineAndExitTwo() {
        CliTestSupport.Result unknown = query("--data", data.toString(), "--insight", "requests_by_colour");
        CliTestSupport.Result filter = query("--data", data.toString(), "--insight", "requests_by_status_class", "--filter", "colour=red");
        CliTestSupport.Result time = query("--data", data.toString(), "--insight", "requests_by_status_class", "--from", "yesterday");
        CliTestSupport.Result both = query("--data", data.toString(), "--insight", "requests_by_status_class", "--sql", "SELECT 1");
        CliTestSupport.Result stray = query("--data", data.toString(), "--sql", "SELECT 1", "--filter", "stage=prod");

        for (CliTestSupport.Result r : List.of(unknown, filter, time, both, stray)) {
            assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
        }
        assertThat(unknown.err()).startsWith("apigw-insights query: ").contains("requests_by_colour").doesNotContain("SELECT");
        assertThat(filter.err()).contains("colour");
        assertThat(time.err()).contains("yesterday");
        assertThat(stray.err()).contains("go with --insight");
    }

    @Test
    void aTableRoundsFractionsForPeopleWhileCsvKeepsEveryDigit() {
        String sql = "SELECT CAST(10 AS DOUBLE) / 3 AS third, CAST(121 AS DOUBLE) AS whole";
        CliTestSupport.Result table = query("--data", data.toString(), "--sql", sql);
        CliTestSupport.Result csv = query("--data", data.toString(), "--format", "csv", "--sql", sql);

        assertThat(table.out()).contains("|  3.33 |   121 |");
        assertThat(csv.out()).isEqualTo("third,whole\r\n3.3333333333333335,121.0\r\n");
    }
}
