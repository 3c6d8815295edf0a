package dev.apigwinsights.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwinsights.insights.Filter;
import dev.apigwinsights.insights.InsightParameterException;
import dev.apigwinsights.insights.InsightParams;
import dev.apigwinsights.insights.TimeGrain;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InsightRequestTest {
    private static Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return m;
    }

    @Test
    void readsTheRangeGrainLimitAndFiltersByKeyOrColumnName() {
        InsightParams p = InsightRequest.parse(query("from", "2024-03-01", "to", "2024-03-02T12:00Z", "grain", "HOUR", "limit", "5",
                "source_ip", "10.0.0.1", "status_class", "5XX", "status_class", "4xx"), null);
        assertThat(p.range().orElseThrow().from()).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(p.range().orElseThrow().to()).isEqualTo(Instant.parse("2024-03-02T12:00:00Z"));
        assertThat(p.grain()).hasValue(TimeGrain.HOUR);
        assertThat(p.limit()).hasValue(5);
        assertThat(p.filters().get(Filter.CLIENT_IP)).containsExactly("10.0.0.1");
        assertThat(p.filters().get(Filter.STATUS_CLASS)).containsExactly("5xx", "4xx");
    }

    @Test
    void leavesOutTheFilterWhoseValuesAreBeingSuggested() {
        InsightParams p = InsightRequest.parse(query("route", "/a", "stage", "prod"), Filter.ROUTE);
        assertThat(p.filters()).containsOnlyKeys(Filter.STAGE);
    }

    @Test
    void rejectsWhatItDoesNotKnowWithAMessageForThePage() {
        assertThatThrownBy(() -> InsightRequest.parse(query("colour", "blue"), null))
                .isInstanceOf(InsightParameterException.class).hasMessageContaining("unknown parameter 'colour'").hasMessageContaining("route");
        assertThatThrownBy(() -> InsightRequest.parse(query("from", "2024-03-01", "from", "2024-03-02", "to", "2024-03-03"), null))
                .hasMessageContaining("from given 2 times");
        assertThatThrownBy(() -> InsightRequest.parse(query("to", "2024-03-01"), null)).hasMessageContaining("give both from and to");
        assertThatThrownBy(() -> InsightRequest.parse(query("limit", "ten"), null)).hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> InsightRequest.parse(query("grain", "fortnight"), null)).hasMessageContaining("grain");
    }
}
