package dev.apigwinsights.quicksight.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import dev.apigwinsights.infra.CfnSpec;
import dev.apigwinsights.infra.SpecValidator;
import dev.apigwinsights.infra.Template;
import dev.apigwinsights.insights.Filter;
import dev.apigwinsights.insights.Insight;
import dev.apigwinsights.insights.InsightCatalog;
import dev.apigwinsights.insights.Sheet;
import dev.apigwinsights.quicksight.Aggregation;
import dev.apigwinsights.quicksight.CalculatedField;
import dev.apigwinsights.quicksight.ChartKind;
import dev.apigwinsights.quicksight.ColumnType;
import dev.apigwinsights.quicksight.DashboardSpec;
import dev.apigwinsights.quicksight.DataSetColumns;
import dev.apigwinsights.quicksight.DefinitionChecks;
import dev.apigwinsights.quicksight.FilterSpec;
import dev.apigwinsights.quicksight.Measure;
import dev.apigwinsights.quicksight.QuickSightTemplate;
import dev.apigwinsights.quicksight.SheetSpec;
import dev.apigwinsights.quicksight.VisualSpec;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The dashboard generated from the insight catalog: coverage, counts, controls and their scope, and the mapping of insights. */
class CatalogDashboardTest {

    private static final List<Insight> CATALOG = InsightCatalog.all();
    private static final CatalogDashboard.Result DASHBOARD = CatalogDashboard.build(CATALOG, DataSetColumns.accessLogs(), "test");
    private static final DashboardSpec SPEC = DASHBOARD.spec();

    /** True once GeoIP's client_country is a canonical column (the geo change merged). */
    static boolean tableHasClientCountry() {
        return DataSetColumns.accessLogs().column("client_country").isPresent();
    }

    /** The access-log table with GeoIP's client_country: today's, or today's plus that column until the geo change is merged. */
    static DataSetColumns withClientCountry() {
        if (tableHasClientCountry()) {
            return DataSetColumns.accessLogs();
        }
        List<DataSetColumns.Column> columns = new ArrayList<>(DataSetColumns.accessLogs().tableColumns());
        columns.add(columns.size() - 3, new DataSetColumns.Column("client_country", ColumnType.STRING)); // before year/month/day
        return DataSetColumns.accessLogs(columns);
    }

    private static SheetSpec sheet(DashboardSpec spec, String id) {
        return spec.sheets().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static VisualSpec visual(String id) {
        return SPEC.visuals().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    }

    private static CalculatedField calculated(String name) {
        return SPEC.calculatedFields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyCatalogInsightIsOnASheetOrLeftOutWithAReason() {
        Set<String> placed = DASHBOARD.placements().stream().map(CatalogDashboard.Placement::insightId).collect(Collectors.toSet());
        Set<String> leftOut = DASHBOARD.leftOut().stream().map(CatalogDashboard.LeftOut::id).collect(Collectors.toSet());

        assertThat(placed).doesNotContainAnyElementsOf(leftOut);
        assertThat(new TreeSet<>(union(placed, leftOut))).isEqualTo(CATALOG.stream().map(Insight::id).collect(Collectors.toCollection(TreeSet::new)));
        assertThat(DASHBOARD.leftOut()).allSatisfy(l -> assertThat(l.reason()).isNotBlank());
        for (CatalogDashboard.Placement placement : DASHBOARD.placements()) {
            assertThat(sheet(SPEC, placement.sheetId()).visuals()).extracting(VisualSpec::id).containsAll(placement.visualIds());
            assertThat(placement.visualIds()).isNotEmpty();
        }
        // Today only what QuickSight cannot say honestly, or a column that is not in the table yet.
        assertThat(DASHBOARD.leftOut()).allSatisfy(l -> assertThat(l.reason())
                .matches("the data set has no column client_country yet|its SQL is built from the per-plan price list.*"));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void theAboutSheetListsWhatIsLeftOutAndTheCustomSqlPanels() {
        SheetSpec about = SPEC.sheets().get(SPEC.sheets().size() - 1);
        String text = String.join("\n", about.paragraphs());

        assertThat(about.id()).isEqualTo("about");
        DASHBOARD.leftOut().forEach(l -> assertThat(text).contains(l.id()).contains(l.reason()));
        DASHBOARD.customSql().keySet().forEach(id -> assertThat(text).contains(
                CATALOG.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow().title()));
        assertThat(text).contains("test").contains("Times are UTC");
    }

    @Test
    void hasTheSheetsVisualKindsPercentilesAndControlsTheIssueAsksFor() {
        List<SheetSpec> content = SPEC.sheets().stream().filter(s -> !s.id().equals("about")).toList();
        Set<ChartKind> kinds = SPEC.visuals().stream().map(VisualSpec::kind).collect(Collectors.toSet());
        Set<Double> percentiles = SPEC.visuals().stream().flatMap(v -> v.measures().stream())
                .filter(m -> m.aggregation() instanceof Aggregation.Percentile)
                .map(m -> ((Aggregation.Percentile) m.aggregation()).percentile()).collect(Collectors.toSet());
        Set<String> controls = SPEC.filters().stream().filter(FilterSpec::hasControl).map(FilterSpec::controlTitle).collect(Collectors.toSet());

        assertThat(content).extracting(SheetSpec::name).containsSubsequence("Overview", "Latency", "Errors", "Customers & quotas",
                "Clients & auth", "WebSocket", "Reliability", "Raw requests");
        assertThat(content).hasSizeGreaterThanOrEqualTo(8);
        assertThat(SPEC.visuals()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(SPEC.sheets()).allSatisfy(s -> assertThat(s.visuals()).hasSizeLessThanOrEqualTo(DefinitionChecks.MAX_VISUALS_PER_SHEET));
        assertThat(kinds).contains(ChartKind.KPI, ChartKind.LINE, ChartKind.BAR, ChartKind.PIE, ChartKind.TABLE, ChartKind.PIVOT,
                ChartKind.HEATMAP, ChartKind.STACKED_BAR, ChartKind.COMBO, ChartKind.HISTOGRAM, ChartKind.ROWS);
        assertThat(percentiles).contains(50.0, 95.0, 99.0);
        assertThat(controls).contains("Time range", "API", "Stage", "Route", "Status class", "Usage plan", "Customer", "API key",
                "Client IP", "User", "Auth method", "Request id");
        assertThat(controls).hasSizeGreaterThanOrEqualTo(12);
        assertThat(SPEC.dataSets()).hasSizeLessThanOrEqualTo(DefinitionChecks.MAX_DATA_SETS);
    }

    @Test
    void theTimeRangeFiltersThePartitionDateOfEveryTableVisual() {
        FilterSpec time = SPEC.filters().stream().filter(f -> f.id().equals(CatalogDashboard.TIME_RANGE)).findFirst().orElseThrow();

        assertThat(time.column()).isEqualTo(DataSetColumns.REQUEST_DATE);
        assertThat(time.kind()).isEqualTo(FilterSpec.Kind.RELATIVE_TIME);
        assertThat(scoped(SPEC, time)).isEqualTo(tableVisuals(SPEC, CATALOG, insight -> true));
    }

    @Test
    void eachControlNarrowsExactlyTheVisualsWhoseInsightAcceptsItsFilter() {
        // The catalog's insights accept every filter today; take STAGE away from two insights to see the scope follow.
        List<Insight> fewer = CATALOG.stream().map(i -> i.id().equals("top_routes") || i.id().equals("latency_kpis")
                ? new Insight(i.id(), i.title(), i.question(), i.sheet(), i.chart(), i.query(), without(i.filters(), Filter.STAGE)) : i).toList();
        DashboardSpec spec = CatalogDashboard.build(fewer, DataSetColumns.accessLogs(), "test").spec();

        for (Filter filter : Filter.values()) {
            spec.filters().stream().filter(f -> f.id().equals(filter.key())).forEach(f -> assertThat(scoped(spec, f)).as(filter.key())
                    .isEqualTo(tableVisuals(spec, fewer, insight -> insight.filters().contains(filter))));
        }
        FilterSpec stage = spec.filters().stream().filter(f -> f.id().equals("stage")).findFirst().orElseThrow();
        assertThat(stage.scope().get("overview")).isNotEmpty().doesNotContain("top_routes");
        assertThat(stage.scope().get("latency")).isNotEmpty().noneMatch(v -> v.startsWith("latency_kpis-"));
        assertThat(stage.scope().get("errors")).isEmpty(); // every visual of the table: ALL_VISUALS
    }

    private static Set<Filter> without(Set<Filter> filters, Filter removed) {
        Set<Filter> out = EnumSet.noneOf(Filter.class);
        out.addAll(filters);
        out.remove(removed);
        return out;
    }

    /** The (sheet, visual) pairs a filter narrows, ALL_VISUALS expanded to the visuals of the access-log data set. */
    private static Set<String> scoped(DashboardSpec spec, FilterSpec filter) {
        Set<String> out = new TreeSet<>();
        filter.scope().forEach((sheetId, visuals) -> {
            List<String> ids = visuals.isEmpty()
                    ? sheet(spec, sheetId).visuals().stream().filter(v -> v.dataSet().equals(filter.dataSet())).map(VisualSpec::id).toList()
                    : visuals;
            ids.forEach(id -> out.add(sheetId + "/" + id));
        });
        return out;
    }

    /** The (sheet, visual) pairs of the access-log data set whose insight passes {@code accepts}. */
    private static Set<String> tableVisuals(DashboardSpec spec, List<Insight> insights, java.util.function.Predicate<Insight> accepts) {
        Map<String, Insight> byId = insights.stream().collect(Collectors.toMap(Insight::id, i -> i));
        Set<String> out = new TreeSet<>();
        for (SheetSpec sheet : spec.sheets()) {
            if (sheet.id().equals("about")) {
                continue;
            }
            for (VisualSpec v : sheet.visuals()) {
                Insight insight = byId.get(v.id().split("-")[0]);
                if (v.dataSet().equals(CatalogDashboard.ACCESS_LOGS) && accepts.test(insight)) {
                    out.add(sheet.id() + "/" + v.id());
                }
            }
        }
        return out;
    }

    @Test
    void customSqlPanelsAreNotNarrowedByTheControls() {
        Set<String> customVisuals = SPEC.visuals().stream().filter(v -> !v.dataSet().equals(CatalogDashboard.ACCESS_LOGS))
                .map(VisualSpec::id).collect(Collectors.toSet());

        assertThat(customVisuals).isNotEmpty();
        assertThat(SPEC.filters()).allSatisfy(f -> f.scope().values().forEach(visuals -> assertThat(visuals).doesNotContainAnyElementsOf(customVisuals)));
        assertThat(SPEC.visuals().stream().filter(v -> customVisuals.contains(v.id())))
                .allSatisfy(v -> assertThat(v.subtitle()).contains("the time range and filter controls do not apply"));
    }

    @Test
    void aPieIsTheCountOfRowsPerValue() {
        VisualSpec pie = visual("requests_by_status_class");

        assertThat(pie.kind()).isEqualTo(ChartKind.PIE);
        assertThat(pie.dimensions()).extracting(d -> d.column()).containsExactly("status_class");
        assertThat(pie.measures()).containsExactly(new Measure("request_time", Aggregation.count(), "Requests",
                dev.apigwinsights.quicksight.Unit.COUNT));
        assertThat(pie.title()).isEqualTo("Requests by status class");
        assertThat(pie.subtitle()).isEqualTo("How do requests split between 2xx, 3xx, 4xx and 5xx responses?");
    }

    @Test
    void percentilesByRouteAreQuickSightPercentilesOfTheComputedRoute() {
        VisualSpec table = visual("latency_percentiles_by_route");

        assertThat(table.kind()).isEqualTo(ChartKind.TABLE);
        assertThat(table.dimensions()).extracting(d -> d.column()).containsExactly("route");
        assertThat(SPEC.dataSets().get(0).columns().expression("route")).isEqualTo("coalesce({resource_path}, {route_key})");
        assertThat(table.measures()).extracting(m -> m.column() + " " + m.aggregation().label()).containsExactly(
                "request_time count", "response_latency_ms p50", "response_latency_ms p95", "response_latency_ms p99");
        assertThat(table.sorts()).containsExactly(VisualSpec.Sort.byMeasure(0, true));
        assertThat(table.limit()).hasValue(50);
    }

    @Test
    void ratesAndConditionalCountsAreSelfAggregatingCalculatedFields() {
        List<VisualSpec> kpis = SPEC.visuals().stream().filter(v -> v.id().startsWith("overview_kpis-")).toList();
        Measure rate = visual("overview_kpis-error_5xx_rate_pct").measures().get(0);
        Measure count = visual("overview_kpis-requests_5xx").measures().get(0);

        assertThat(kpis).hasSize(9).allSatisfy(v -> assertThat(v.kind()).isEqualTo(ChartKind.KPI));
        assertThat(rate.aggregation()).isEqualTo(Aggregation.precomputed());
        assertThat(rate.unit()).isEqualTo(dev.apigwinsights.quicksight.Unit.PERCENT);
        assertThat(calculated(rate.column())).isEqualTo(new CalculatedField(CatalogDashboard.ACCESS_LOGS, "error_5xx_rate_pct",
                "100.0 * countIf({request_time}, {status_class} = '5xx') / count({request_time})", ColumnType.DECIMAL, true));
        assertThat(calculated(count.column()).expression()).isEqualTo("countIf({request_time}, {status_class} = '5xx')");
        // A rate over a subset guards against a group without rows of the subset (null, as the SQL's nullif).
        Measure availability = visual("availability_over_time").measures().get(0);
        assertThat(calculated(availability.column()).expression()).isEqualTo(
                "ifelse(countIf({request_time}, isNotNull({status_class})) = 0, NULL, 100.0 * countIf({request_time}, "
                        + "(isNotNull({status_class}) AND {status_class} <> '5xx')) / countIf({request_time}, isNotNull({status_class})))");
    }

    @Test
    void aConditionalPercentileReadsAValueThatIsNullOutsideItsCondition() {
        Measure p95 = visual("websocket_kpis-p95_connection_ms").measures().get(0);

        assertThat(p95.aggregation()).isEqualTo(Aggregation.percentile(95));
        assertThat(calculated(p95.column())).satisfies(f -> {
            assertThat(f.aggregated()).isFalse();
            assertThat(f.expression()).isEqualTo("ifelse(({event_type} = 'DISCONNECT' AND isNotNull({connected_at}) AND "
                    + "isNotNull({request_time_epoch_ms})), ({request_time_epoch_ms} - {connected_at}), NULL)");
        });
    }

    @Test
    void anInsightsFixedConditionFiltersItsVisualsOnly() {
        FilterSpec where = SPEC.filters().stream().filter(f -> f.id().equals("where_top_routes")).findFirst().orElseThrow();

        assertThat(where.kind()).isEqualTo(FilterSpec.Kind.FLAG);
        assertThat(where.hasControl()).isFalse();
        assertThat(where.scope()).isEqualTo(Map.of("overview", List.of("top_routes")));
        assertThat(calculated("where_top_routes").expression()).isEqualTo("ifelse(isNotNull(coalesce({resource_path}, {route_key})), 1, 0)");
        // The same condition is declared once: the two failing-request tables share IS_ERROR-based conditions by expression.
        assertThat(SPEC.calculatedFields()).extracting(CalculatedField::expression).doesNotHaveDuplicates();
    }

    @Test
    void barsWithMeasuresOfTwoUnitsAreComboChartsAndHistogramsKeepBinOrder() {
        VisualSpec stages = visual("requests_by_stage");
        VisualSpec histogram = visual("latency_histogram");

        assertThat(stages.kind()).isEqualTo(ChartKind.COMBO);
        assertThat(stages.measures()).extracting(Measure::unit).containsExactly(dev.apigwinsights.quicksight.Unit.COUNT,
                dev.apigwinsights.quicksight.Unit.PERCENT);
        assertThat(histogram.kind()).isEqualTo(ChartKind.HISTOGRAM);
        assertThat(SPEC.dataSets().get(0).columns().expression(histogram.dimensions().get(0).column())).startsWith(
                "ifelse(isNull({response_latency_ms}), NULL, {response_latency_ms} >= 10000, 10000, ");
    }

    @Test
    void withClientCountryTheGeographySheetShowsMapsAndPassesEveryCheck() {
        CatalogDashboard.Result result = CatalogDashboard.build(CATALOG, withClientCountry(), "test");
        DashboardSpec spec = result.spec();
        SheetSpec geography = sheet(spec, Sheet.GEOGRAPHY.id());
        JsonNode template = new QuickSightTemplate(spec, "test").build();

        assertThat(geography.visuals()).extracting(VisualSpec::kind).contains(ChartKind.FILLED_MAP, ChartKind.TABLE, ChartKind.STACKED_BAR);
        assertThat(spec.dataSets().get(0).columns().geographicRoles()).containsEntry("client_country", "COUNTRY");
        assertThat(spec.filters()).anySatisfy(f -> assertThat(f.controlTitle()).isEqualTo("Country"));
        assertThat(result.leftOut()).extracting(CatalogDashboard.LeftOut::id).containsExactly("estimated_bill_by_customer");
        assertThat(new SpecValidator(CfnSpec.pinned()).validate(Template.parse(template.toString()))).isEmpty();
        assertThat(DefinitionChecks.of(spec).check(template.at("/Resources/Dashboard/Properties/Definition"))).isEmpty();
    }

    @Test
    void theGeographySheetAndCountryControlAreThereExactlyWhenTheTableHasClientCountry() {
        if (tableHasClientCountry()) {
            assertThat(SPEC.sheets()).extracting(SheetSpec::id).contains(Sheet.GEOGRAPHY.id());
            assertThat(DASHBOARD.filtersLeftOut()).isEmpty();
            assertThat(DASHBOARD.leftOut()).noneMatch(l -> l.reason().contains("client_country"));
        } else {
            assertThat(SPEC.sheets()).extracting(SheetSpec::id).doesNotContain(Sheet.GEOGRAPHY.id());
            assertThat(DASHBOARD.filtersLeftOut()).extracting(CatalogDashboard.LeftOut::id).containsExactly("country");
            assertThat(DASHBOARD.leftOut()).filteredOn(l -> l.reason().contains("client_country")).extracting(CatalogDashboard.LeftOut::id)
                    .containsExactlyInAnyOrder("requests_by_country", "errors_by_country", "latency_by_country", "requests_over_time_by_country");
        }
    }
}
