package dev.apigwinsights.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every insight, run by DuckDB over the fixture, gives the numbers a plain-Java computation over
 * the same rows gives ({@link Oracles}). DuckDB's {@code quantile_cont} is exact, so percentiles
 * are compared with the same tolerance as every double: 1e-9 relative. (Athena's
 * {@code approx_percentile} has a documented rank error of about 1%; it is not run here.)
 */
class InsightOracleTest {

    static final double TOLERANCE = 1e-9;

    private static Connection connection;
    private static JdbcQueryRunner runner;
    private static final Insights INSIGHTS = Insights.standard(Clock.fixed(FixtureData.END, ZoneOffset.UTC));

    /** Parameter sets every insight is checked with: no range, a week, a day (hourly grain), a filtered range over a month end. */
    static final Map<String, InsightParams> SCENARIOS = new LinkedHashMap<>();

    static {
        SCENARIOS.put("everything", InsightParams.none());
        SCENARIOS.put("a week", InsightParams.builder()
                .range(TimeRange.of(Instant.parse("2024-03-04T00:00:00Z"), Instant.parse("2024-03-11T06:00:00Z"))).build());
        SCENARIOS.put("the spike day", InsightParams.builder()
                .range(TimeRange.of(Instant.parse("2024-03-21T00:00:00Z"), Instant.parse("2024-03-22T00:00:00Z"))).build());
        SCENARIOS.put("filtered over a month end", InsightParams.builder()
                .range(TimeRange.of(Instant.parse("2024-02-28T12:00:00Z"), Instant.parse("2024-03-03T00:00:00Z")))
                .filter(Filter.API, FixtureData.REST_API)
                .filter("status_class=2xx").filter("status_class=5xx")
                .filter("stage=prod")
                .build());
        SCENARIOS.put("every knob turned", InsightParams.builder()
                .range(TimeRange.of(Instant.parse("2024-03-18T00:00:00Z"), Instant.parse("2024-03-22T18:30:00Z")))
                .grain(TimeGrain.HOUR)
                .limit(3)
                .availabilityTargetPct(99.5)
                .latencyThresholdMs(300)
                .latencyTargetPct(95)
                .price("Gold", 0.002)
                .price("Silver", 0.0035)
                .anomalyWeeks(3)
                .build());
    }

    @BeforeAll
    static void load() throws SQLException {
        connection = FixtureDb.open(FixtureData.rows());
        runner = JdbcQueryRunner.duckDb(connection);
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @Test
    void everyInsightHasAnOracle() {
        List<String> missing = INSIGHTS.list().stream().map(Insight::id).filter(id -> !Oracles.ALL.containsKey(id)).toList();
        assertThat(missing).as("insights without an oracle in Oracles").isEmpty();
        assertThat(Oracles.ALL.keySet()).as("oracles of no insight").allMatch(id -> INSIGHTS.find(id).isPresent());
    }

    @TestFactory
    Stream<DynamicTest> duckDbAnswersEqualTheOracle() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Insight insight : INSIGHTS.list()) {
            for (Map.Entry<String, InsightParams> scenario : SCENARIOS.entrySet()) {
                tests.add(DynamicTest.dynamicTest(insight.id() + " / " + scenario.getKey(),
                        () -> check(insight, scenario.getValue())));
            }
        }
        return tests.stream();
    }

    /** Runs {@code insight} on DuckDB and compares it with its oracle; returns the result. */
    static QueryResult check(Insight insight, InsightParams params) {
        QueryResult actual = INSIGHTS.run(insight.id(), runner, params);
        List<List<Object>> expected = Oracles.ALL.get(insight.id())
                .answer(new Oracle.Input(FixtureData.rows(), params, FixtureData.END));
        assertSameRows(insight, expected, actual);
        return actual;
    }

    static void assertSameRows(Insight insight, List<List<Object>> expected, QueryResult actual) {
        List<List<Object>> got = actual.rows().stream().map(QueryResult.Row::values).toList();
        if (got.size() != expected.size()) {
            fail("%s: %d rows, the oracle says %d%n got:      %s%n expected: %s", insight.id(), got.size(), expected.size(),
                    head(got), head(expected));
        }
        for (int i = 0; i < got.size(); i++) {
            List<Object> g = got.get(i);
            List<Object> e = expected.get(i);
            assertThat(g).as("%s row %d width", insight.id(), i).hasSameSizeAs(e);
            for (int c = 0; c < g.size(); c++) {
                Object gv = g.get(c);
                Object ev = e.get(c);
                String column = insight.columns().get(c).name();
                if (ev instanceof Double ed && gv instanceof Double gd) {
                    assertThat(gd).as("%s row %d %s", insight.id(), i, column)
                            .isCloseTo(ed, org.assertj.core.data.Offset.offset(Math.max(TOLERANCE, Math.abs(ed) * TOLERANCE)));
                } else {
                    assertThat(gv).as("%s row %d %s (row %s vs oracle %s)", insight.id(), i, column, g, e).isEqualTo(ev);
                }
            }
        }
    }

    private static String head(List<List<Object>> rows) {
        return rows.size() <= 8 ? rows.toString() : rows.subList(0, 8) + " ...";
    }

    @Test
    void everyInsightFindsSomethingInSomeScenario() {
        List<String> alwaysEmpty = new ArrayList<>();
        for (Insight insight : INSIGHTS.list()) {
            boolean found = SCENARIOS.values().stream()
                    .anyMatch(p -> INSIGHTS.run(insight.id(), runner, p).size() > 0);
            if (!found) {
                alwaysEmpty.add(insight.id());
            }
        }
        assertThat(alwaysEmpty).as("insights whose oracle comparison never saw a row").isEmpty();
    }

    @Test
    void theAnomalousHourIsTheTopAnomalyOfItsDay() {
        QueryResult anomalies = check(INSIGHTS.get("hourly_anomalies"), SCENARIOS.get("the spike day"));
        assertThat(anomalies.rows().get(0).getInstant("hour_start")).isEqualTo(FixtureData.SPIKE_HOUR);
        assertThat(anomalies.rows().get(0).getDouble("robust_z")).isGreaterThan(10);
    }

    @Test
    void anomaliesScoreOnlyTheHoursThatEndByTheRangesEnd() {
        // A range ending 20 minutes into the spike hour (as "now" does while that hour fills up):
        // the cut-short hour is not scored, where counting it whole or in part would mislead.
        TimeRange cut = TimeRange.of(FixtureData.SPIKE_HOUR.minus(java.time.Duration.ofHours(6)),
                FixtureData.SPIKE_HOUR.plus(java.time.Duration.ofMinutes(20)));
        QueryResult anomalies = check(INSIGHTS.get("hourly_anomalies"), InsightParams.builder().range(cut).build());
        assertThat(anomalies.rows()).extracting(r -> r.getInstant("hour_start")).allMatch(h -> h.isBefore(FixtureData.SPIKE_HOUR));
        QueryResult whole = check(INSIGHTS.get("hourly_anomalies"), InsightParams.builder()
                .range(TimeRange.of(cut.from(), FixtureData.SPIKE_HOUR.plus(java.time.Duration.ofHours(1)))).build());
        assertThat(whole.rows().get(0).getInstant("hour_start")).isEqualTo(FixtureData.SPIKE_HOUR);
    }

    @Test
    void quotasAreUsedUpAndBillsFollowThePrices() {
        QueryResult quota = check(INSIGHTS.get("quota_usage_by_key"), SCENARIOS.get("a week"));
        assertThat(quota.rows()).anySatisfy(r -> assertThat(r.getDouble("quota_used_pct")).isEqualTo(100.0));
        assertThat(quota.rows()).extracting(r -> r.getInstant("period_start"))
                .as("Silver weeks start on Monday, Gold months on the 15th")
                .contains(Instant.parse("2024-03-04T00:00:00Z"), Instant.parse("2024-02-15T00:00:00Z"));
        QueryResult priced = check(INSIGHTS.get("estimated_bill_by_customer"), SCENARIOS.get("every knob turned"));
        assertThat(priced.rows()).anySatisfy(r -> assertThat(r.getDouble("estimated_bill")).isPositive());
        QueryResult unpriced = check(INSIGHTS.get("estimated_bill_by_customer"), SCENARIOS.get("a week"));
        assertThat(unpriced.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.get("estimated_bill")).isNull());
        QueryResult consumers = check(INSIGHTS.get("new_vs_returning_consumers"), SCENARIOS.get("everything"));
        assertThat(consumers.rows()).extracting(r -> r.getString("consumer_kind")).contains("new", "returning");
    }

    @Test
    void theFixtureCoversWhatTheCatalogAsksAbout() {
        List<FixtureRow> rows = FixtureData.rows();
        assertThat(rows).hasSizeBetween(2_500, 6_000);
        assertThat(rows).extracting(r -> r.str("api_type")).contains("REST", "HTTP", "WEBSOCKET");
        assertThat(rows).extracting(r -> r.str("error_category"))
                .contains("AUTH", "QUOTA", "THROTTLE", "VALIDATION", "NOT_FOUND", "WAF", "INTEGRATION", "SERVER");
        assertThat(rows).extracting(r -> r.str("auth_method"))
                .contains("API_KEY", "IAM", "COGNITO_USER_POOL", "LAMBDA_AUTHORIZER", "JWT", "NONE");
        assertThat(rows).extracting(r -> r.str("quota_period")).contains("DAY", "WEEK", "MONTH");
        assertThat(rows).extracting(r -> r.str("enrichment_status")).contains("OK", "UNKNOWN_KEY", "NO_KEY");
        assertThat(rows).extracting(r -> r.str("event_type")).contains("CONNECT", "MESSAGE", "DISCONNECT");
        assertThat(rows).extracting(r -> r.str("month")).contains("02", "03");
    }

    @Test
    void eachFilterAloneNarrowsTheCountAsTheOracleSays() {
        Map<Filter, String> values = new LinkedHashMap<>();
        values.put(Filter.API, FixtureData.HTTP_API);
        values.put(Filter.API_TYPE, "websocket");
        values.put(Filter.STAGE, "beta");
        values.put(Filter.DOMAIN, "api.example.com");
        values.put(Filter.ROUTE, "/pets/{id}");
        values.put(Filter.HTTP_METHOD, "POST");
        values.put(Filter.STATUS_CLASS, "4XX");
        values.put(Filter.STATUS, "429");
        values.put(Filter.ERROR_SIGNATURE, FixtureData.rows().stream().map(r -> r.str("error_signature"))
                .filter(java.util.Objects::nonNull).findFirst().orElseThrow());
        values.put(Filter.USAGE_PLAN, "Bronze");
        values.put(Filter.CUSTOMER, "globex");
        values.put(Filter.API_KEY, "k-initech3");
        values.put(Filter.CLIENT_IP, "177.71.9.3");
        values.put(Filter.USER, "arn:aws:iam::123456789012:user/alice");
        values.put(Filter.AUTH_METHOD, "cognito_user_pool");
        values.put(Filter.COUNTRY, "JP");
        values.put(Filter.REQUEST_ID, "req-000042");
        assertThat(values.keySet()).as("every filter is exercised").containsExactlyInAnyOrder(Filter.values());
        Insight kpis = INSIGHTS.get("overview_kpis");
        for (Map.Entry<Filter, String> e : values.entrySet()) {
            InsightParams params = InsightParams.builder().filter(e.getKey(), e.getValue()).build();
            QueryResult result = check(kpis, params);
            assertThat(result.rows().get(0).getLong("requests")).as("requests with %s=%s", e.getKey().key(), e.getValue())
                    .isPositive().isLessThan(FixtureData.rows().size());
        }
        // A second value of the same filter widens; another filter narrows.
        long one = check(kpis, InsightParams.builder().filter("usage_plan=Gold").build()).rows().get(0).getLong("requests");
        long two = check(kpis, InsightParams.builder().filter("usage_plan=Gold").filter("usage_plan=pl-silver2").build())
                .rows().get(0).getLong("requests");
        long narrowed = check(kpis, InsightParams.builder().filter("usage_plan=Gold").filter("status_class=2xx").build())
                .rows().get(0).getLong("requests");
        assertThat(two).isGreaterThan(one);
        assertThat(narrowed).isLessThan(one);
    }

    @Test
    void aFilterValueIsBoundNotWrittenIntoTheSql() {
        String hostile = "x' OR '1'='1";
        InsightParams params = InsightParams.builder().filter(Filter.STAGE, hostile).build();
        SqlQuery sql = INSIGHTS.render("overview_kpis", Dialect.DUCKDB, params);
        assertThat(sql.sql()).doesNotContain(hostile).contains("stage = ?");
        assertThat(sql.bindings()).contains(new Binding("filter_stage", hostile));
        assertThat(INSIGHTS.run("overview_kpis", runner, params).rows().get(0).getLong("requests")).isZero();
    }
}
