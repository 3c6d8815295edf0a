package dev.apigwinsights.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigwinsights.insights.Insights;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogJsonTest {
    private static final JsonNode CATALOG = CatalogJson.of(Insights.standard(DashboardFixture.CLOCK));

    private static JsonNode insight(String id) {
        for (JsonNode i : CATALOG.get("insights")) {
            if (i.get("id").asText().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no insight " + id);
    }

    private static Map<String, JsonNode> columns(String id) {
        Map<String, JsonNode> byName = new HashMap<>();
        insight(id).get("columns").forEach(c -> byName.put(c.get("name").asText(), c));
        return byName;
    }

    @Test
    void aColumnNamedLikeAFilterBecomesADrillDown() {
        assertThat(columns("top_routes").get("route").get("filter").asText()).isEqualTo("route");
        assertThat(columns("requests_by_customer").get("customer_id").get("filter").asText()).isEqualTo("customer");
        assertThat(columns("top_client_ips").get("source_ip").get("filter").asText()).isEqualTo("client_ip");
        assertThat(columns("requests_by_usage_plan").get("usage_plan_name").get("filter").asText()).isEqualTo("usage_plan");
        assertThat(columns("top_routes").get("requests").has("filter")).isFalse();
    }

    @Test
    void dimensionsSayHowToLabelThemselves() {
        Map<String, JsonNode> heatmap = columns("requests_by_weekday_hour");
        assertThat(heatmap.get("weekday").get("axis").asText()).isEqualTo("day_of_week");
        assertThat(heatmap.get("hour_of_day").get("axis").asText()).isEqualTo("hour_of_day");
        JsonNode bins = columns("latency_histogram").get("latency_bin_ms");
        assertThat(bins.get("axis").asText()).isEqualTo("bins");
        assertThat(bins.get("edges").get(0).asLong()).isZero();
        assertThat(bins.get("unit").asText()).isEqualTo("milliseconds");
    }

    @Test
    void onlyPlainKpisAreComparedWithThePreviousPeriod() {
        assertThat(insight("overview_kpis").get("comparable").asBoolean()).isTrue();
        assertThat(insight("requests_change_vs_previous").get("comparable").asBoolean()).isFalse();
        assertThat(insight("top_routes").get("comparable").asBoolean()).isFalse();
    }

    @Test
    void topNSizesAndAcceptedFiltersAreListed() {
        assertThat(insight("top_routes").get("limit").asInt()).isEqualTo(10);
        assertThat(insight("overview_kpis").has("limit")).isFalse();
        assertThat(insight("overview_kpis").get("filters").toString()).contains("\"route\"", "\"status_class\"", "\"customer\"");
    }
}
