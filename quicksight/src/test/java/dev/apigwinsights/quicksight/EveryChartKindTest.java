package dev.apigwinsights.quicksight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import dev.apigwinsights.infra.CfnSpec;
import dev.apigwinsights.infra.SpecValidator;
import dev.apigwinsights.infra.Template;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every chart kind, unit, aggregation, filter kind, a parameter and a custom-SQL data set the
 * builders offer (not only those the catalog uses today) yield a template that passes the
 * CloudFormation specification, the QuickSight API model and the semantic checks.
 */
class EveryChartKindTest {

    private static final String LOGS = SampleDashboard.DATA_SET;
    private static final Dimension HOUR = Dimension.time("request_time", TimeGranularity.HOUR, "Hour");
    private static final Dimension ROUTE = Dimension.of("resource_path", "Route");
    private static final Dimension STATUS_CLASS = Dimension.of("status_class", "Status class");
    private static final Dimension STATUS = Dimension.of("status", "Status");
    private static final CalculatedField ERROR_RATE = new CalculatedField(LOGS, "error_rate_pct",
            "100.0 * countIf({request_time}, {status_class} = '5xx') / count({request_time})", ColumnType.DECIMAL, true);
    private static final CalculatedField IS_5XX = new CalculatedField(LOGS, "is_5xx",
            "ifelse({status_class} = '5xx', 1, 0)", ColumnType.INTEGER, false);
    private static final DataSetColumns COLUMNS = DataSetColumns.accessLogs()
            .withComputed("country", ColumnType.STRING, "'DE'")
            .withGeographicRole("country", "COUNTRY");
    private static final DataSetSpec SLO = new DataSetSpec("slo", "DataSetSlo", "slo", "SLO status",
            DataSetColumns.of(List.of(new DataSetColumns.Column("availability_pct", ColumnType.DECIMAL),
                    new DataSetColumns.Column("burn_rate_1h", ColumnType.DECIMAL))),
            new DataSetSpec.CustomSql("SELECT 99.5 AS availability_pct, CAST(<<$AvailabilityTargetPct>> AS double) / 100 AS burn_rate_1h "
                    + "FROM \"${GlueDatabase}\".\"${GlueTable}\" LIMIT 1",
                    List.of(new DataSetSpec.DataSetParameter("AvailabilityTargetPct", ParameterSpec.NumberKind.DECIMAL, 99.9))));

    static List<VisualSpec> gallery() {
        return List.of(
                VisualSpec.of("kpi", LOGS, ChartKind.KPI, "Requests", "?", List.of(), List.of(Measure.requests())),
                VisualSpec.of("newest", LOGS, ChartKind.KPI, "Newest", "?", List.of(),
                        List.of(new Measure("request_time", Aggregation.max(), "Newest", Unit.TIME))),
                VisualSpec.of("rate", LOGS, ChartKind.KPI, "5xx rate", "?", List.of(),
                        List.of(new Measure("error_rate_pct", Aggregation.precomputed(), "5xx rate", Unit.PERCENT))),
                VisualSpec.of("line", LOGS, ChartKind.LINE, "p99 per hour", "?", List.of(HOUR),
                        List.of(Measure.latency("response_latency_ms", Aggregation.percentile(99), "p99"),
                                new Measure("response_length", Aggregation.sum(), "Bytes", Unit.BYTES))),
                VisualSpec.of("bar", LOGS, ChartKind.BAR, "Bytes by route", "?", List.of(ROUTE),
                        List.of(new Measure("response_length", Aggregation.sum(), "Bytes", Unit.BYTES))).top(5),
                VisualSpec.of("combo", LOGS, ChartKind.COMBO, "Requests and 5xx rate by route", "?", List.of(ROUTE),
                        List.of(Measure.requests(), new Measure("error_rate_pct", Aggregation.precomputed(), "5xx rate", Unit.PERCENT)))
                        .top(10).sortedBy(VisualSpec.Sort.byMeasure(1, true)),
                VisualSpec.of("stacked", LOGS, ChartKind.STACKED_BAR, "Requests by hour and status", "?", List.of(HOUR, STATUS_CLASS),
                        List.of(Measure.requests())),
                VisualSpec.of("pie", LOGS, ChartKind.PIE, "Status classes", "?", List.of(STATUS_CLASS), List.of(Measure.requests())),
                VisualSpec.of("donut", LOGS, ChartKind.DONUT, "Auth methods", "?", List.of(Dimension.of("auth_method", "Auth")),
                        List.of(new Measure("api_key_id", Aggregation.distinctCount(), "Keys", Unit.COUNT))),
                VisualSpec.of("table", LOGS, ChartKind.TABLE, "Statuses", "?", List.of(STATUS.withUnit(Unit.COUNT)),
                        List.of(Measure.requests(), new Measure("throttle_rate_limit", Aggregation.max(), "Rate limit", Unit.MULTIPLE),
                                new Measure("request_time", Aggregation.min(), "First seen", Unit.TIME))),
                VisualSpec.of("rows", LOGS, ChartKind.ROWS, "Recent requests", "?",
                        List.of(Dimension.of("request_time", "Time"), Dimension.of("request_id", "Request id"),
                                Dimension.of("response_latency_ms", "Latency").withUnit(Unit.MILLISECONDS),
                                Dimension.of("integration_latency_ms", "Seconds").withUnit(Unit.SECONDS)), List.of())
                        .top(50).sortedBy(VisualSpec.Sort.byDimension(0, true)),
                VisualSpec.of("pivot", LOGS, ChartKind.PIVOT, "Routes by status class", "?", List.of(ROUTE, STATUS_CLASS),
                        List.of(Measure.latency("integration_latency_ms", Aggregation.average(), "Avg"))),
                VisualSpec.of("heatmap", LOGS, ChartKind.HEATMAP, "Requests by day and route", "?",
                        List.of(Dimension.time("request_time", TimeGranularity.DAY, "Day"), ROUTE), List.of(Measure.requests())),
                VisualSpec.of("histogram", LOGS, ChartKind.HISTOGRAM, "Statuses in order", "?", List.of(STATUS),
                        List.of(Measure.requests())),
                VisualSpec.of("map", LOGS, ChartKind.FILLED_MAP, "Requests by country", "?", List.of(Dimension.of("country", "Country")),
                        List.of(Measure.requests())),
                VisualSpec.of("slo-kpi", "slo", ChartKind.KPI, "Availability", "?", List.of(),
                        List.of(new Measure("availability_pct", Aggregation.max(), "Availability", Unit.PERCENT))),
                VisualSpec.of("burn", "slo", ChartKind.KPI, "Burn rate", "?", List.of(),
                        List.of(new Measure("burn_rate_1h", Aggregation.max(), "Burn rate", Unit.MULTIPLE))),
                VisualSpec.of("score", LOGS, ChartKind.KPI, "Score", "?", List.of(),
                        List.of(new Measure("throttle_rate_limit", Aggregation.average(), "Score", Unit.DECIMAL))));
    }

    static DashboardSpec spec() {
        Map<String, List<String>> all = Map.of("gallery", List.of());
        return new DashboardSpec(
                List.of(new DataSetSpec(LOGS, "DataSet", "access-logs", "access logs", COLUMNS, new DataSetSpec.AccessLogsTable()), SLO),
                List.of(ERROR_RATE, IS_5XX),
                List.of(new ParameterSpec("AvailabilityTargetPct", ParameterSpec.NumberKind.DECIMAL, 99.9, "Availability target (%)",
                        List.of("gallery"), List.of(new ParameterSpec.Mapping("slo", "AvailabilityTargetPct")))),
                List.of(new SheetSpec("gallery", "Gallery", "Every kind", List.of("Text above the visuals."), gallery())),
                List.of(
                        new FilterSpec("time-range", LOGS, DataSetColumns.REQUEST_DATE, FilterSpec.Kind.RELATIVE_TIME, "Time range", all, List.of()),
                        new FilterSpec("status-class", LOGS, "status_class", FilterSpec.Kind.VALUES, "Status class", all,
                                List.of("2xx", "4xx", "5xx")),
                        new FilterSpec("client-ip", LOGS, "source_ip", FilterSpec.Kind.EXACT_TEXT, "Client IP",
                                Map.of("gallery", List.of("table", "pivot")), List.of()),
                        new FilterSpec("only-5xx", LOGS, "is_5xx", FilterSpec.Kind.FLAG, null, Map.of("gallery", List.of("pie")), List.of())));
    }

    @Test
    void theGalleryCoversEveryKindUnitAggregationAndFilterKind() {
        Set<ChartKind> kinds = gallery().stream().map(VisualSpec::kind).collect(Collectors.toSet());
        Set<Unit> units = gallery().stream().flatMap(v -> v.measures().stream()).map(Measure::unit).collect(Collectors.toSet());
        gallery().stream().flatMap(v -> v.dimensions().stream()).forEach(d -> d.unit().ifPresent(units::add));
        Set<Class<?>> aggregations = gallery().stream().flatMap(v -> v.measures().stream()).map(m -> m.aggregation().getClass())
                .collect(Collectors.toSet());
        Set<FilterSpec.Kind> filterKinds = spec().filters().stream().map(FilterSpec::kind).collect(Collectors.toSet());

        assertThat(kinds).isEqualTo(EnumSet.allOf(ChartKind.class));
        assertThat(units).isEqualTo(EnumSet.allOf(Unit.class));
        assertThat(aggregations).containsExactlyInAnyOrder(Aggregation.Simple.class, Aggregation.Percentile.class, Aggregation.Precomputed.class);
        assertThat(filterKinds).isEqualTo(EnumSet.allOf(FilterSpec.Kind.class));
    }

    @Test
    void everyKindPassesTheSpecificationTheApiModelAndTheSemanticChecks() {
        JsonNode template = new QuickSightTemplate(spec(), "test").build();

        assertThat(new SpecValidator(CfnSpec.pinned()).validate(Template.parse(template.toString()))).isEmpty();
        assertThat(DefinitionChecks.of(spec()).check(template.at("/Resources/Dashboard/Properties/Definition"))).isEmpty();
    }
}
