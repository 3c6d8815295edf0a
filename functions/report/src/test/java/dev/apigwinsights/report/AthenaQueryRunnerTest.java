package dev.apigwinsights.report;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.apigwinsights.insights.InsightParams;
import dev.apigwinsights.insights.Insights;
import dev.apigwinsights.insights.QueryException;
import dev.apigwinsights.insights.QueryResult;
import dev.apigwinsights.insights.TimeRange;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;

/** The Athena runner through the real SDK against WireMock speaking Athena's JSON protocol. */
class AthenaQueryRunnerTest {

    @RegisterExtension
    static final WireMockExtension ATHENA = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T07:00:00Z"), ZoneOffset.UTC);
    private static final Insights INSIGHTS = Insights.standard(CLOCK);
    private static final InsightParams WEEK = InsightParams.builder()
            .range(TimeRange.of(Instant.parse("2026-11-16T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z"))).build();

    private final List<Duration> pauses = new ArrayList<>();

    private AthenaQueryRunner runner(Duration timeout) {
        AthenaClient client = AthenaClient.builder()
                .endpointOverride(URI.create(ATHENA.baseUrl()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .build();
        // The fake clock does not move, so a timeout of zero means "the first poll is already too late".
        return new AthenaQueryRunner(client, "shop-api", "shop_api",
                new AthenaQueryRunner.Polling(Duration.ofMillis(100), 2, Duration.ofMillis(300), timeout), pauses::add, CLOCK);
    }

    private static void stub(String action, String scenarioState, String nextState, String body) {
        com.github.tomakehurst.wiremock.client.MappingBuilder mapping =
                post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonAthena." + action));
        if (scenarioState != null) {
            com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder scenario = mapping.inScenario(action).whenScenarioStateIs(scenarioState);
            mapping = nextState != null ? scenario.willSetStateTo(nextState) : scenario;
        }
        ATHENA.stubFor(mapping.willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body)));
    }

    private static String execution(String state, String extra) {
        return "{\"QueryExecution\":{\"QueryExecutionId\":\"q-1\",\"Status\":{\"State\":\"" + state + "\"" + extra + "},"
                + "\"Statistics\":{\"DataScannedInBytes\":123456}}}";
    }

    @Test
    void startsInTheWorkgroupWithBoundParametersPollsWithBackoffAndPagesThroughResults() {
        stub("StartQueryExecution", null, null, "{\"QueryExecutionId\":\"q-1\"}");
        stub("GetQueryExecution", Scenario.STARTED, "running", execution("QUEUED", ""));
        stub("GetQueryExecution", "running", "running2", execution("RUNNING", ""));
        stub("GetQueryExecution", "running2", "done", execution("RUNNING", ""));
        stub("GetQueryExecution", "done", null, execution("SUCCEEDED", ""));
        String meta = "\"ResultSetMetadata\":{\"ColumnInfo\":[{\"Name\":\"status_class\",\"Type\":\"varchar\"},{\"Name\":\"requests\",\"Type\":\"bigint\"}]}";
        ATHENA.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonAthena.GetQueryResults"))
                .withRequestBody(matchingJsonPath("$.NextToken", com.github.tomakehurst.wiremock.client.WireMock.absent()))
                .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withBody(
                        "{\"ResultSet\":{" + meta + ",\"Rows\":[{\"Data\":[{\"VarCharValue\":\"status_class\"},{\"VarCharValue\":\"requests\"}]},"
                                + "{\"Data\":[{\"VarCharValue\":\"2xx\"},{\"VarCharValue\":\"8512\"}]}]},\"NextToken\":\"page-2\"}")));
        ATHENA.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonAthena.GetQueryResults"))
                .withRequestBody(matchingJsonPath("$.NextToken", equalTo("page-2")))
                .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withBody(
                        "{\"ResultSet\":{" + meta + ",\"Rows\":[{\"Data\":[{\"VarCharValue\":\"4xx\"},{\"VarCharValue\":\"543\"}]},"
                                + "{\"Data\":[{},{\"VarCharValue\":\"7\"}]}]}}")));
        AthenaQueryRunner runner = runner(Duration.ofMinutes(5));

        QueryResult result = INSIGHTS.run("requests_by_status_class", runner, WEEK);

        assertThat(result.rows()).extracting(r -> r.getString("status_class")).containsExactly("2xx", "4xx", null);
        assertThat(result.rows()).extracting(r -> r.getLong("requests")).containsExactly(8512L, 543L, 7L);
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300));
        assertThat(runner.bytesScanned()).isEqualTo(123456);
        List<String> parameters = INSIGHTS.render("requests_by_status_class", dev.apigwinsights.insights.Dialect.ATHENA, WEEK)
                .athenaExecutionParameters();
        ATHENA.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonAthena.StartQueryExecution"))
                .withRequestBody(matchingJsonPath("$.WorkGroup", equalTo("shop-api")))
                .withRequestBody(matchingJsonPath("$.QueryExecutionContext.Database", equalTo("shop_api")))
                .withRequestBody(matchingJsonPath("$.ExecutionParameters", equalToJson(toJson(parameters))))
                .withRequestBody(matchingJsonPath("$.QueryString", com.github.tomakehurst.wiremock.client.WireMock.containing("year BETWEEN ? AND ?"))));
        assertThat(parameters).contains("'2026'", "'2026-11-16'");
    }

    @Test
    void aFailedQueryFailsWithAthenasReason() {
        stub("StartQueryExecution", null, null, "{\"QueryExecutionId\":\"q-1\"}");
        stub("GetQueryExecution", null, null, execution("FAILED",
                ",\"StateChangeReason\":\"TABLE_NOT_FOUND: line 3:6: Table 'awsdatacatalog.shop_api.access_logs' does not exist\","
                        + "\"AthenaError\":{\"ErrorCategory\":2,\"ErrorType\":1301}"));

        assertThatThrownBy(() -> INSIGHTS.run("requests_by_status_class", runner(Duration.ofMinutes(5)), WEEK))
                .isInstanceOf(QueryException.class)
                .hasMessageContaining("Athena query q-1 FAILED: TABLE_NOT_FOUND")
                .hasMessageContaining("does not exist");
    }

    @Test
    void aCancelledQuerySaysTheWorkgroupCutoffMayHaveStoppedIt() {
        stub("StartQueryExecution", null, null, "{\"QueryExecutionId\":\"q-1\"}");
        stub("GetQueryExecution", null, null, execution("CANCELLED",
                ",\"StateChangeReason\":\"Query cancelled: bytes scanned limit was exceeded\""));

        assertThatThrownBy(() -> INSIGHTS.run("overview_kpis", runner(Duration.ofMinutes(5)), WEEK))
                .isInstanceOf(QueryException.class)
                .hasMessageContaining("CANCELLED: Query cancelled: bytes scanned limit was exceeded")
                .hasMessageContaining("AthenaBytesScannedCutoff");
    }

    @Test
    void aQueryThatOutlivesTheTimeoutIsStopped() {
        stub("StartQueryExecution", null, null, "{\"QueryExecutionId\":\"q-1\"}");
        stub("GetQueryExecution", null, null, execution("RUNNING", ""));
        stub("StopQueryExecution", null, null, "{}");

        assertThatThrownBy(() -> INSIGHTS.run("overview_kpis", runner(Duration.ZERO), WEEK))
                .hasMessageContaining("did not finish within");
        ATHENA.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonAthena.StopQueryExecution"))
                .withRequestBody(matchingJsonPath("$.QueryExecutionId", equalTo("q-1"))));
    }

    private static String toJson(List<String> values) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(values);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
