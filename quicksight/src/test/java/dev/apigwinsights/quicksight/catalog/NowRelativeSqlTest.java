package dev.apigwinsights.quicksight.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwinsights.insights.Binding;
import dev.apigwinsights.insights.Insight;
import dev.apigwinsights.insights.InsightCatalog;
import dev.apigwinsights.quicksight.DataSetSpec;

import io.trino.sql.parser.SqlParser;
import io.trino.sql.tree.FunctionCall;
import io.trino.sql.tree.Identifier;
import io.trino.sql.tree.Node;
import io.trino.sql.tree.QuerySpecification;
import io.trino.sql.tree.Statement;
import io.trino.sql.tree.Table;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The custom SQL of every explicit-SQL insight: at any moment it is viewed it computes with the
 * values the catalog binds for that moment, and once QuickSight has put in its parameters it is
 * Athena SQL that only calls Athena functions and prunes partitions.
 */
class NowRelativeSqlTest {

    /** Functions the custom SQL may call: those the catalog's Athena SQL is held to, and the ones used to follow the clock. */
    private static final Set<String> ATHENA_FUNCTIONS = Set.of("count", "sum", "avg", "min", "max", "approx_percentile",
            "date_trunc", "date_add", "date_diff", "day_of_week", "hour", "day", "sequence", "concat", "greatest", "least",
            "abs", "round", "date_format");
    private static final SqlParser PARSER = new SqlParser();

    private static List<Insight> explicitInsights() {
        return InsightCatalog.all().stream().filter(i -> !i.isDeclarative() && !i.id().equals("estimated_bill_by_customer")).toList();
    }

    @TestFactory
    Stream<DynamicTest> atAnyMomentTheQueryComputesWithTheValuesTheCatalogBindsThen() {
        SplittableRandom random = new SplittableRandom(20240601);
        List<Instant> moments = new ArrayList<>(List.of(Instant.parse("2024-12-31T23:59:59.999Z"), Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2024-02-29T12:00:00Z"), Instant.parse("2024-03-04T00:59:59.999Z")));
        for (int i = 0; i < 16; i++) {
            moments.add(Instant.ofEpochMilli(random.nextLong(Instant.parse("2020-01-01T00:00:00Z").toEpochMilli(),
                    Instant.parse("2035-01-01T00:00:00Z").toEpochMilli())));
        }
        return explicitInsights().stream().map(insight -> DynamicTest.dynamicTest(insight.id(), () -> {
            NowRelativeSql.Rendered rendered = NowRelativeSql.render(insight);
            for (Instant moment : moments) {
                List<Object> catalog = NowRelativeSql.render(insight, moment, rendered.params(moment)).bindings().stream()
                        .map(Binding::value).toList();
                List<Object> ours = rendered.values().stream().map(v -> v.at(moment)).toList();
                assertThat(ours).as("%s at %s", insight.id(), moment).isEqualTo(catalog);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> theQueryIsAthenaSqlThatPrunesPartitions() {
        return explicitInsights().stream().map(insight -> DynamicTest.dynamicTest(insight.id(), () -> {
            NowRelativeSql.Rendered rendered = NowRelativeSql.render(insight);
            String sql = rendered.sql().replace("${GlueDatabase}", "apigw").replace("${GlueTable}", "access_logs");
            for (DataSetSpec.DataSetParameter parameter : rendered.parameters()) {
                sql = sql.replace("<<$" + parameter.name() + ">>", Double.toString(parameter.defaultValue()));
            }
            assertThat(sql).doesNotContain("<<$").doesNotContain("?");
            Statement statement = PARSER.createStatement(sql);

            Set<String> functions = new TreeSet<>();
            List<QuerySpecification> scans = new ArrayList<>();
            walk(statement, n -> {
                if (n instanceof FunctionCall f) {
                    functions.add(f.getName().toString().toLowerCase(Locale.ROOT));
                }
                if (n instanceof QuerySpecification q && q.getFrom().isPresent() && q.getFrom().get() instanceof Table t
                        && t.getName().toString().equals("apigw.access_logs")) {
                    scans.add(q);
                }
            });
            assertThat(functions).isSubsetOf(ATHENA_FUNCTIONS);
            assertThat(scans).isNotEmpty();
            for (QuerySpecification scan : scans) {
                Set<String> identifiers = new HashSet<>();
                scan.getWhere().ifPresent(w -> walk(w, n -> {
                    if (n instanceof Identifier id) {
                        identifiers.add(id.getValue());
                    }
                }));
                assertThat(identifiers).as("%s scans access_logs without partition predicates", insight.id()).contains("year", "month", "day");
            }
        }));
    }

    @Test
    void theSloSettingsAreDataSetParametersAndEverythingElseFollowsTheClock() {
        Insight slo = InsightCatalog.all().stream().filter(i -> i.id().equals("slo_status")).findFirst().orElseThrow();
        NowRelativeSql.Rendered rendered = NowRelativeSql.render(slo);

        assertThat(rendered.parameters()).extracting(DataSetSpec.DataSetParameter::name)
                .containsExactly("AvailabilityTargetPct", "LatencyThresholdMs", "LatencyTargetPct");
        assertThat(rendered.sql()).contains("CAST(<<$AvailabilityTargetPct>> AS double)", "CAST(<<$LatencyThresholdMs>> AS bigint)",
                "FROM \"${GlueDatabase}\".\"${GlueTable}\"", "date_add('millisecond', -2592000000, " + NowRelativeSql.NOW + ")");
        assertThat(rendered.usesDashboardWindow()).isFalse();
        assertThat(rendered.reach()).isEqualTo(java.time.Duration.ofDays(30));
    }

    @Test
    void anHourlyWindowIsTruncatedToTheHourAsTheCatalogDoes() {
        Insight anomalies = InsightCatalog.all().stream().filter(i -> i.id().equals("hourly_anomalies")).findFirst().orElseThrow();

        assertThat(NowRelativeSql.render(anomalies).values()).anySatisfy(v -> assertThat(v).isInstanceOfSatisfying(NowRelativeSql.Time.class,
                t -> assertThat(t.form().unit()).isEqualTo("hour")));
    }

    @Test
    void anInsightWhoseSqlIsBuiltFromThePriceListIsNotShown() {
        Insight bill = InsightCatalog.all().stream().filter(i -> i.id().equals("estimated_bill_by_customer")).findFirst().orElseThrow();

        assertThatThrownBy(() -> NowRelativeSql.render(bill)).isInstanceOf(InsightVisuals.NotShown.class)
                .hasMessageContaining("per-plan price list");
    }

    @Test
    void theTableIsNamedForFnSubAndNothingElseLooksLikeAReference() {
        assertThat(NowRelativeSql.tableName("SELECT 1 FROM access_logs a JOIN access_logs b ON a.x = b.x"))
                .isEqualTo("SELECT 1 FROM \"${GlueDatabase}\".\"${GlueTable}\" a JOIN \"${GlueDatabase}\".\"${GlueTable}\" b ON a.x = b.x");
        assertThatThrownBy(() -> NowRelativeSql.tableName("SELECT '${x}' FROM access_logs")).hasMessageContaining("Fn::Sub");
        assertThatThrownBy(() -> NowRelativeSql.tableName("WITH t AS (SELECT 1) SELECT access_logs.x FROM t"))
                .hasMessageContaining("named somewhere else");
        assertThat(NowRelativeSql.substitute("SELECT ?, '?' FROM t WHERE x = ?", List.of("1", "2"))).isEqualTo("SELECT 1, '?' FROM t WHERE x = 2");
    }

    private static void walk(Node node, Consumer<Node> visit) {
        visit.accept(node);
        for (Node child : node.getChildren()) {
            walk(child, visit);
        }
    }
}
