package dev.apigwinsights.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigwinsights.insights.Insight;
import dev.apigwinsights.insights.Insights;
import dev.apigwinsights.insights.Sheet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmptyStatesTest {
    private final JsonNode texts = new DashboardAssets().emptyStates();

    @Test
    void everySheetSaysWhyItCanBeEmpty() {
        List<String> sheets = new ArrayList<>();
        texts.get("sheets").fieldNames().forEachRemaining(sheets::add);
        assertThat(sheets).containsExactlyInAnyOrder(Arrays.stream(Sheet.values()).map(Sheet::id).toArray(String[]::new));
    }

    @Test
    void insightTextsNameRealInsights() {
        List<String> ids = Insights.standard(DashboardFixture.CLOCK).list().stream().map(Insight::id).toList();
        texts.get("insights").fieldNames().forEachRemaining(id -> assertThat(ids).as("empty-states.json").contains(id));
        assertThat(texts.get("sheets").get("websocket").asText()).contains("WebSocket");
        assertThat(texts.get("sheets").get("customers").asText()).contains("--usage-plans");
    }
}
