package dev.apigwinsights.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardPageTest {
    private final DashboardPage page = new DashboardPage(new DashboardAssets());

    @Test
    void slotsAreFilledInOnePassSoDataCannotNameAnotherSlot() {
        String filled = DashboardPage.fillSlots("<a>{{x}}</a><b>{{y}}</b>", Map.of("x", "{{y}}", "y", "Y"));
        assertThat(filled).isEqualTo("<a>{{y}}</a><b>Y</b>");
        assertThatThrownBy(() -> DashboardPage.fillSlots("{{nope}}", Map.of())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void dataFromLogsCannotCloseItsScriptElement() {
        ObjectNode boot = HtmlSafeJson.object().put("mode", "snapshot").put("route", "</script><script>alert(1)</script>\u2028");
        String html = page.standalone(boot);
        assertThat(html).doesNotContain("alert(1)</script>").contains("\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)");
        assertThat(html).doesNotContain("\u2028");
    }

    @Test
    void theStandalonePageInlinesEverythingAndLoadsNothing() {
        String html = page.standalone(HtmlSafeJson.object().put("mode", "snapshot"));
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//").doesNotContain("<script src=").doesNotContain("<link rel=\"stylesheet\"")
                .contains("id=\"apigw-geo-topology\"", "id=\"apigw-geo-codes\"", "id=\"apigw-geo-names\"", "\"emptyStates\"",
                        "Licensed to the Apache Software Foundation");
        assertThat(html.length()).as("the page without data").isLessThan(1_400_000);
    }

    @Test
    void theServedPageLinksItsAssets() {
        String html = page.served(HtmlSafeJson.object().put("mode", "live").put("api", "api/"));
        assertThat(html).contains("<link rel=\"stylesheet\" href=\"assets/dashboard.css\">", "<script src=\"assets/dashboard.js\"></script>")
                .doesNotContain("<style>");
    }
}
