package dev.apigwinsights.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.trino.sql.parser.ParsingException;
import io.trino.sql.parser.SqlParser;
import io.trino.sql.tree.FunctionCall;
import io.trino.sql.tree.Identifier;
import io.trino.sql.tree.Node;
import io.trino.sql.tree.Parameter;
import io.trino.sql.tree.QuerySpecification;
import io.trino.sql.tree.Statement;
import io.trino.sql.tree.Table;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every insight's Athena SQL parses with Trino's own parser (Athena engine version 3 is Trino), calls
 * only functions Athena engine 3 documents ({@link #ATHENA_V3_FUNCTIONS}), binds exactly as many
 * values as it has {@code ?}, and, when a time range is given, restricts every scan of
 * {@code access_logs} by the partition columns {@code year}, {@code month} and {@code day}.
 */
class AthenaSqlTest {

    /**
     * The functions our Athena SQL may call: each is in Athena engine version 3's function list
     * (Trino functions and operators; checked against the Athena user guide, "Functions in Amazon
     * Athena" for engine 3). Add a function here only after checking it there.
     */
    static final Set<String> ATHENA_V3_FUNCTIONS = Set.of(
            // aggregate
            "count", "count_if", "sum", "avg", "min", "max", "approx_percentile", "approx_distinct", "max_by", "min_by",
            "stddev_samp", "stddev", "variance", "arbitrary",
            // window
            "row_number", "rank", "dense_rank", "lag", "lead",
            // date and time
            "date_trunc", "date_add", "date_diff", "day_of_week", "hour", "day", "from_unixtime", "to_unixtime",
            // array
            "sequence",
            // string and math
            "concat", "lower", "upper", "length", "greatest", "least", "abs", "round", "floor", "ceiling", "sqrt",
            "power", "ln", "exp", "mod");

    private static final Insights INSIGHTS = Insights.standard(Clock.fixed(FixtureData.END, ZoneOffset.UTC));
    private static final SqlParser PARSER = new SqlParser();
    private static final TimeRange RANGE = TimeRange.of(Instant.parse("2024-02-27T10:30:00Z"), Instant.parse("2024-03-05T00:00:00Z"));

    /** Parameters that set the range and every filter an insight accepts (two values for one of them). */
    static InsightParams everything(Insight insight) {
        InsightParams.Builder b = InsightParams.builder().range(RANGE);
        for (Filter f : insight.filters()) {
            String value = f.allowedValues().isEmpty() ? (f.valueType() == ValueType.BIGINT ? "200" : "it's") : f.allowedValues().get(0);
            b.filter(f, value);
        }
        b.filter(Filter.STATUS_CLASS, "5xx");
        return b.build();
    }

    @TestFactory
    Stream<DynamicTest> everyAthenaQueryParsesAndPrunesPartitions() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Insight insight : INSIGHTS.list()) {
            tests.add(DynamicTest.dynamicTest(insight.id() + " with range and filters", () -> {
                SqlQuery q = INSIGHTS.render(insight, Dialect.ATHENA, everything(insight));
                Statement statement = parse(insight, q);
                assertOnlyAthenaFunctions(insight, statement);
                assertThat(count(statement, Parameter.class)).as("%s: placeholders vs bindings", insight.id()).isEqualTo(q.bindings().size());
                assertEveryScanPrunesPartitions(insight, statement);
            }));
            tests.add(DynamicTest.dynamicTest(insight.id() + " without range", () -> {
                SqlQuery q = INSIGHTS.render(insight, Dialect.ATHENA, InsightParams.none());
                Statement statement = parse(insight, q);
                assertOnlyAthenaFunctions(insight, statement);
                assertThat(count(statement, Parameter.class)).isEqualTo(q.bindings().size());
            }));
        }
        return tests.stream();
    }

    @Test
    void theCheckerNoticesAMissingPartitionFilterAndAForeignFunction() {
        Insight probe = INSIGHTS.get("requests_by_status_class");
        Statement unpruned = PARSER.createStatement("SELECT status_class, count(*) FROM access_logs WHERE request_time >= ? GROUP BY 1");
        Statement duck = PARSER.createStatement("SELECT quantile_cont(response_latency_ms, 0.5) FROM access_logs WHERE year = ? AND month = ? AND day = ?");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertEveryScanPrunesPartitions(probe, unpruned)).isInstanceOf(AssertionError.class);
        Statement joinedUnpruned = PARSER.createStatement("WITH picked AS (SELECT request_id AS picked_id FROM access_logs"
                + " WHERE year = ? AND month = ? AND day = ?) SELECT * FROM access_logs JOIN picked ON request_id = picked_id");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertEveryScanPrunesPartitions(probe, joinedUnpruned))
                .isInstanceOf(AssertionError.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertOnlyAthenaFunctions(probe, duck))
                .isInstanceOf(AssertionError.class).hasMessageContaining("quantile_cont");
    }

    @Test
    void athenaAndDuckDbDifferOnlyWhereTheDialectsDo() {
        Insight insight = INSIGHTS.get("latency_percentiles_by_route");
        String athena = INSIGHTS.render(insight, Dialect.ATHENA, InsightParams.none()).sql();
        String duck = INSIGHTS.render(insight, Dialect.DUCKDB, InsightParams.none()).sql();
        assertThat(athena).contains("approx_percentile(CAST(response_latency_ms AS double), 0.95E0)").doesNotContain("quantile_cont");
        assertThat(duck).as("p50, p95 and p99 of one column share one sort in DuckDB")
                .contains("(quantile_cont(response_latency_ms, [0.5E0, 0.95E0, 0.99E0]))[2] AS p95_ms").doesNotContain("approx_percentile");
    }

    @Test
    void athenaExecutionParametersAreQuotedLiterals() {
        InsightParams params = InsightParams.builder().range(RANGE).filter(Filter.STAGE, "it's").filter(Filter.STATUS, "503").build();
        SqlQuery q = INSIGHTS.render("overview_kpis", Dialect.ATHENA, params);
        assertThat(q.athenaExecutionParameters()).contains("'2024'", "'2024-02-27'", "'2024-03-04'", "'2024-02-27 10:30:00.000'",
                "'it''s'", "503");
    }

    private static Statement parse(Insight insight, SqlQuery q) {
        try {
            return PARSER.createStatement(q.sql());
        } catch (ParsingException e) {
            throw new AssertionError(insight.id() + ": Trino cannot parse its Athena SQL: " + e.getMessage() + "\n" + q.sql(), e);
        }
    }

    static void assertOnlyAthenaFunctions(Insight insight, Node statement) {
        Set<String> used = new TreeSet<>();
        walk(statement, n -> {
            if (n instanceof FunctionCall f) {
                used.add(f.getName().toString().toLowerCase(Locale.ROOT));
            }
        });
        Set<String> foreign = new TreeSet<>(used);
        foreign.removeAll(ATHENA_V3_FUNCTIONS);
        assertThat(foreign).as("%s calls functions outside the Athena engine 3 allowlist", insight.id()).isEmpty();
    }

    /** Each query block reading access_logs must compare year, month and day in its WHERE clause. */
    static void assertEveryScanPrunesPartitions(Insight insight, Node statement) {
        List<QuerySpecification> scans = new ArrayList<>();
        walk(statement, n -> {
            if (n instanceof QuerySpecification q && q.getFrom().isPresent() && readsAccessLogs(q.getFrom().get())) {
                scans.add(q);
            }
        });
        assertThat(scans).as("%s reads access_logs", insight.id()).isNotEmpty();
        for (QuerySpecification scan : scans) {
            Set<String> identifiers = new HashSet<>();
            scan.getWhere().ifPresent(w -> walk(w, n -> {
                if (n instanceof Identifier id) {
                    identifiers.add(id.getValue().toLowerCase(Locale.ROOT));
                }
            }));
            assertThat(identifiers).as("%s: a scan of access_logs without a partition predicate", insight.id())
                    .contains("year", "month", "day");
        }
    }

    /** True when a FROM relation reads access_logs itself (directly or in a join, not in a subquery). */
    private static boolean readsAccessLogs(Node relation) {
        if (relation instanceof Table t) {
            return t.getName().toString().equalsIgnoreCase(SqlContext.TABLE);
        }
        if (relation instanceof io.trino.sql.tree.TableSubquery) {
            return false;
        }
        return relation.getChildren().stream().anyMatch(AthenaSqlTest::readsAccessLogs);
    }

    private static int count(Node root, Class<? extends Node> type) {
        int[] n = {0};
        walk(root, x -> {
            if (type.isInstance(x)) {
                n[0]++;
            }
        });
        return n[0];
    }

    private static void walk(Node node, java.util.function.Consumer<Node> visit) {
        visit.accept(node);
        for (Node child : node.getChildren()) {
            walk(child, visit);
        }
    }
}
