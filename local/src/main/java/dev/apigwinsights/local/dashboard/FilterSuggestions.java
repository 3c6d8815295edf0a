package dev.apigwinsights.local.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwinsights.insights.ChartKind;
import dev.apigwinsights.insights.ColumnRole;
import dev.apigwinsights.insights.Filter;
import dev.apigwinsights.insights.Insight;
import dev.apigwinsights.insights.Insights;
import dev.apigwinsights.insights.QueryResult;
import dev.apigwinsights.insights.ResultColumn;
import dev.apigwinsights.insights.Unit;
import java.util.Optional;

/**
 * The values a filter control offers (the busiest routes, customers, API keys, ...), taken from
 * the catalog rather than from SQL of our own: the first ranking insight (bar, pie or table) whose
 * first column is one of the filter's names and that counts requests answers it, with the other
 * filters and the time range applied. A filter no insight ranks (a request id) has no suggestions.
 */
public final class FilterSuggestions {

    private final Insights insights;

    public FilterSuggestions(Insights insights) {
        this.insights = insights;
    }

    /** The insight that ranks {@code filter}'s values, if any. */
    public Optional<Insight> source(Filter filter) {
        for (Insight i : insights.list()) {
            if (i.chart() != ChartKind.BAR && i.chart() != ChartKind.PIE && i.chart() != ChartKind.TABLE) {
                continue;
            }
            ResultColumn first = i.columns().get(0);
            boolean keyed = first.role() == ColumnRole.DIMENSION || first.role() == ColumnRole.LOCATION;
            boolean counts = i.columns().stream().anyMatch(c -> c.role() == ColumnRole.MEASURE && c.unit() == Unit.COUNT);
            if (keyed && counts && filter.names().contains(first.name())) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** {@code {filter, source, values: [{value, requests}]}} from {@code source}'s answer. */
    public static ObjectNode json(Filter filter, Insight source, QueryResult result) {
        ObjectNode n = HtmlSafeJson.object().put("filter", filter.key()).put("source", source.id());
        String key = source.columns().get(0).name();
        String count = source.columns().stream().filter(c -> c.role() == ColumnRole.MEASURE && c.unit() == Unit.COUNT)
                .findFirst().orElseThrow().name();
        ArrayNode values = n.putArray("values");
        for (QueryResult.Row row : result.rows()) {
            Object v = row.get(key);
            if (v != null) {
                Object c = row.get(count);
                values.addObject().put("value", v.toString()).put("count", c instanceof Number num ? num.longValue() : 0L);
            }
        }
        return n;
    }
}
