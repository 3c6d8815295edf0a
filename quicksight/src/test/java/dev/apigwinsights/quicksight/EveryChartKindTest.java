package dev.apigwinsights.quicksight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.apigwinsights.infra.CfnSpec;
import dev.apigwinsights.infra.SpecValidator;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every chart kind, unit, aggregation and filter kind the builders offer (not only those the
 * starter dashboard uses) yields a definition that passes the CloudFormation specification, the
 * QuickSight API model and the semantic checks: what phase B can map catalog insights onto.
 */
class EveryChartKindTest {

    private static final Dimension HOUR = Dimension.time("request_time", TimeGranularity.HOUR, "Hour");
    private static final Dimension ROUTE = Dimension.of("resource_path", "Route");
    private static final Dimension STATUS_CLASS = Dimension.of("status_class", "Status class");
    private static final Dimension STATUS = Dimension.of("status", "Status");

    static List<VisualSpec> gallery() {
        return List.of(
                VisualSpec.of("kpi", ChartKind.KPI, "Requests", "?", List.of(), List.of(Measure.requests())),
                VisualSpec.of("newest", ChartKind.KPI, "Newest", "?", List.of(),
                        List.of(new Measure("request_time", Aggregation.max(), "Newest", Unit.TIME))),
                VisualSpec.of("line", ChartKind.LINE, "p99 per hour", "?", List.of(HOUR),
                        List.of(Measure.latency("response_latency_ms", Aggregation.percentile(99), "p99"))),
                VisualSpec.of("bar", ChartKind.BAR, "Bytes by route", "?", List.of(ROUTE),
                        List.of(new Measure("response_length", Aggregation.sum(), "Bytes", Unit.BYTES))).top(5),
                VisualSpec.of("stacked", ChartKind.STACKED_BAR, "Requests by hour and status", "?", List.of(HOUR, STATUS_CLASS),
                        List.of(Measure.requests())),
                VisualSpec.of("pie", ChartKind.PIE, "Status classes", "?", List.of(STATUS_CLASS), List.of(Measure.requests())),
                VisualSpec.of("donut", ChartKind.DONUT, "Auth methods", "?", List.of(Dimension.of("auth_method", "Auth")),
                        List.of(new Measure("api_key_id", Aggregation.distinctCount(), "Keys", Unit.COUNT))),
                VisualSpec.of("table", ChartKind.TABLE, "Statuses", "?", List.of(STATUS),
                        List.of(Measure.requests(), new Measure("throttle_rate_limit", Aggregation.max(), "Rate limit", Unit.RATIO))),
                VisualSpec.of("pivot", ChartKind.PIVOT, "Routes by status class", "?", List.of(ROUTE, STATUS_CLASS),
                        List.of(Measure.requests(), Measure.latency("integration_latency_ms", Aggregation.average(), "Avg"))),
                VisualSpec.of("heatmap", ChartKind.HEATMAP, "Requests by day and route", "?",
                        List.of(Dimension.time("request_time", TimeGranularity.DAY, "Day"), ROUTE), List.of(Measure.requests())));
    }

    @Test
    void theGalleryCoversEveryKindUnitAndFilter() {
        Set<ChartKind> kinds = gallery().stream().map(VisualSpec::kind).collect(Collectors.toSet());
        Set<Unit> units = gallery().stream().flatMap(v -> v.measures().stream()).map(Measure::unit).collect(Collectors.toSet());

        assertThat(kinds).isEqualTo(EnumSet.allOf(ChartKind.class));
        assertThat(units).isEqualTo(EnumSet.allOf(Unit.class));
    }

    @Test
    void everyKindPassesTheSpecificationTheApiModelAndTheSemanticChecks() {
        DashboardSpec spec = new DashboardSpec(StarterDashboard.DATA_SET,
                List.of(SheetSpec.content("gallery", "Gallery", "Every kind", gallery(),
                        List.of(FilterSpec.exactText("client-ip", "source_ip", "Client IP").onlyVisuals("table", "pivot")))),
                StarterDashboard.sharedFilters());
        ObjectNode definition = new DefinitionBuilder(DataSetColumns.accessLogs())
                .build(spec, Json.sub("arn:${AWS::Partition}:quicksight:${AWS::Region}:${AWS::AccountId}:dataset/x"));
        JsonNode dashboard = Json.obj("Type", "AWS::QuickSight::Dashboard", "Properties", Json.obj(
                "AwsAccountId", Json.ref("AWS::AccountId"), "DashboardId", "gallery", "Name", "Gallery", "Definition", definition));

        assertThat(new SpecValidator(CfnSpec.pinned()).validateResource("Gallery", dashboard)).isEmpty();
        assertThat(new DefinitionChecks(Map.of(StarterDashboard.DATA_SET, DataSetColumns.accessLogs())).check(definition)).isEmpty();
    }
}
