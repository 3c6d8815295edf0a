package dev.apigwinsights.quicksight.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwinsights.insights.Insight;
import dev.apigwinsights.insights.InsightCatalog;
import dev.apigwinsights.insights.InsightParams;
import dev.apigwinsights.insights.Insights;
import dev.apigwinsights.insights.JdbcQueryRunner;
import dev.apigwinsights.insights.QueryResult;
import dev.apigwinsights.quicksight.Aggregation;
import dev.apigwinsights.quicksight.ChartKind;
import dev.apigwinsights.quicksight.DashboardSpec;
import dev.apigwinsights.quicksight.Dimension;
import dev.apigwinsights.quicksight.FilterSpec;
import dev.apigwinsights.quicksight.Measure;
import dev.apigwinsights.quicksight.VisualSpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Stream;

/**
 * The visuals generated from each declarative insight show the numbers the catalog computes: on a
 * fixture week in DuckDB, every visual's field wells, calculated fields, computed columns and
 * fixed-condition filter (read as SQL by {@link QuickSightSql}, from QuickSight's documented
 * semantics) give the same rows as the catalog's own SQL for that insight. Percentiles are computed
 * the same way on both sides here; QuickSight's own percentile may differ in the last digits.
 */
class SameNumbersAsTheCatalogTest {

    private static final CatalogDashboard.Result DASHBOARD = CatalogDashboard.build(InsightCatalog.all(),
            CatalogDashboardTest.withClientCountry(), "test");
    private static final DashboardSpec SPEC = DASHBOARD.spec();
    private static final QuickSightSql SQL = new QuickSightSql(SPEC.dataSets().get(0).columns(), SPEC.calculatedFields());
    private static final Insights INSIGHTS = Insights.standard(Clock.fixed(FixtureTable.END, ZoneOffset.UTC));
    private static Connection connection;

    @BeforeAll
    static void fixture() throws SQLException {
        connection = FixtureTable.open();
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @TestFactory
    Stream<DynamicTest> everyDeclarativeInsightsVisualsShowTheCatalogsRows() {
        List<DynamicTest> tests = new ArrayList<>();
        for (CatalogDashboard.Placement placement : DASHBOARD.placements()) {
            Insight insight = INSIGHTS.get(placement.insightId());
            if (!insight.isDeclarative()) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(insight.id(), () -> {
                QueryResult catalog = INSIGHTS.run(insight.id(), JdbcQueryRunner.duckDb(connection), InsightParams.none());
                List<List<Object>> expected = catalog.rows().stream().map(r -> normalized(r.values())).toList();
                List<VisualSpec> visuals = SPEC.visuals().stream().filter(v -> placement.visualIds().contains(v.id())).toList();
                assertThat(expected).as("%s has rows in the fixture", insight.id()).isNotEmpty();
                if (insight.chart() == dev.apigwinsights.insights.ChartKind.KPI) {
                    List<String> names = catalog.columns().stream().map(c -> c.name()).toList();
                    for (VisualSpec kpi : visuals) {
                        int column = names.indexOf(kpi.id().substring(insight.id().length() + 1));
                        assertThat(rows(kpi)).as(kpi.id()).containsExactly(List.of(expected.get(0).get(column)));
                    }
                } else if (insight.chart() == dev.apigwinsights.insights.ChartKind.MAP) {
                    // The map shows the first measure by country, the table beside it every measure.
                    VisualSpec map = visuals.get(0);
                    List<List<Object>> firstMeasure = expected.stream().map(r -> List.of(r.get(0), r.get(1))).toList();
                    assertThat(sorted(rows(map))).as(map.id()).containsExactlyElementsOf(sorted(firstMeasure));
                    assertThat(sorted(rows(visuals.get(1)))).as(visuals.get(1).id()).containsExactlyElementsOf(sorted(expected));
                } else {
                    VisualSpec visual = visuals.get(0);
                    List<List<Object>> ours = rows(visual);
                    if (visual.limit().isPresent() && visual.kind() != ChartKind.ROWS && expected.size() == visual.limit().getAsInt()) {
                        assertThat(ours).as(visual.id()).containsExactlyElementsOf(expected);
                    } else if (visual.kind() == ChartKind.ROWS) {
                        assertThat(ours).as(visual.id()).containsExactlyElementsOf(expected);
                    } else {
                        assertThat(sorted(ours)).as(visual.id()).containsExactlyElementsOf(sorted(expected));
                    }
                }
            }));
        }
        assertThat(tests).hasSizeGreaterThan(50);
        return tests.stream();
    }

    /** The rows a visual shows: its field wells grouped, filtered by its insight's condition, sorted and limited as it is. */
    private static List<List<Object>> rows(VisualSpec visual) throws SQLException {
        StringJoiner select = new StringJoiner(", ", "SELECT ", "");
        visual.dimensions().forEach(d -> select.add(dimension(d)));
        visual.measures().forEach(m -> select.add(measure(m)));
        StringBuilder sql = new StringBuilder(select.toString()).append(" FROM access_logs");
        List<String> where = new ArrayList<>();
        for (FilterSpec filter : SPEC.filters()) {
            boolean narrows = filter.scope().values().stream().anyMatch(ids -> ids.contains(visual.id()));
            if (filter.kind() == FilterSpec.Kind.FLAG && narrows) {
                where.add(SQL.field(filter.column()) + " = 1");
            }
        }
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        int dims = visual.dimensions().size();
        if (visual.kind() != ChartKind.ROWS && dims > 0 && visual.kind() != ChartKind.KPI) {
            StringJoiner group = new StringJoiner(", ", " GROUP BY ", "");
            for (int i = 1; i <= dims; i++) {
                group.add(Integer.toString(i));
            }
            sql.append(group);
        }
        if (visual.limit().isPresent() && visual.kind() != ChartKind.KPI) {
            StringJoiner order = new StringJoiner(", ", " ORDER BY ", "");
            List<Integer> used = new ArrayList<>();
            for (VisualSpec.Sort sort : visual.sorts()) {
                int position = sort.target() == VisualSpec.Sort.Target.DIMENSION ? sort.index() + 1 : dims + sort.index() + 1;
                order.add(position + (sort.descending() ? " DESC" : " ASC") + " NULLS LAST");
                used.add(position);
            }
            for (int i = 1; i <= dims; i++) {
                if (!used.contains(i)) {
                    order.add(i + " ASC NULLS LAST");
                }
            }
            sql.append(order).append(" LIMIT ").append(visual.limit().getAsInt());
        }
        List<List<Object>> out = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql.toString())) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                out.add(normalized(row));
            }
        }
        return out;
    }

    private static String dimension(Dimension d) {
        return d.granularity().map(g -> "date_trunc('" + g.name().toLowerCase(java.util.Locale.ROOT) + "', " + SQL.field(d.column()) + ")")
                .orElseGet(() -> SQL.field(d.column()));
    }

    private static String measure(Measure m) {
        String field = SQL.field(m.column());
        if (m.aggregation() instanceof Aggregation.Precomputed) {
            return field;
        }
        if (m.aggregation() instanceof Aggregation.Percentile p) {
            return "quantile_cont(" + field + ", " + p.percentile() / 100 + ")";
        }
        return switch (((Aggregation.Simple) m.aggregation()).function()) {
            case COUNT -> "count(" + field + ")";
            case DISTINCT_COUNT -> "count(DISTINCT " + field + ")";
            case SUM -> "sum(" + field + ")";
            case AVERAGE -> "avg(" + field + ")";
            case MIN -> "min(" + field + ")";
            case MAX -> "max(" + field + ")";
        };
    }

    /** Numbers to 10 significant digits, whole numbers as longs, times as instants: the two sides' types differ. */
    private static List<Object> normalized(List<Object> row) {
        List<Object> out = new ArrayList<>();
        for (Object v : row) {
            if (v instanceof Timestamp t) {
                out.add(t.toLocalDateTime().toInstant(ZoneOffset.UTC));
            } else if (v instanceof LocalDateTime t) {
                out.add(t.toInstant(ZoneOffset.UTC));
            } else if (v instanceof Number n) {
                BigDecimal d = new BigDecimal(n.toString()).round(new MathContext(10)).stripTrailingZeros();
                out.add(d.scale() <= 0 ? (Object) d.longValueExact() : (Object) d);
            } else if (v == null || v instanceof String || v instanceof Instant) {
                out.add(v);
            } else {
                out.add(v.toString());
            }
        }
        return out;
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> out = new ArrayList<>(rows);
        out.sort(Comparator.comparing(Object::toString));
        return out;
    }
}
