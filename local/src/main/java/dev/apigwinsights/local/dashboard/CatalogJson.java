package dev.apigwinsights.local.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwinsights.insights.ChartKind;
import dev.apigwinsights.insights.Dimension;
import dev.apigwinsights.insights.Expr;
import dev.apigwinsights.insights.Filter;
import dev.apigwinsights.insights.Insight;
import dev.apigwinsights.insights.InsightQuery;
import dev.apigwinsights.insights.Insights;
import dev.apigwinsights.insights.ResultColumn;
import dev.apigwinsights.insights.Sheet;
import dev.apigwinsights.insights.Unit;
import java.util.Optional;

/**
 * The insight catalog as the page reads it ({@code GET /api/catalog}, and embedded in a snapshot):
 * sheets in display order, chart kinds, units, filters with their allowed values, and every insight
 * with its sheet, chart kind, question, accepted filters and typed result columns. The page is
 * generated from this alone: a new insight or filter in the catalog shows up without a change here.
 *
 * <p>Two derived facts save the page from guessing: a column's {@code filter} (the filter whose
 * names include the column's name, when the insight accepts it) makes its values drill-downs, and a
 * dimension's {@code axis} ({@code hour_of_day}, {@code day_of_week}, {@code bins} with their edges)
 * says how to label it.
 */
public final class CatalogJson {

    private CatalogJson() {
    }

    public static ObjectNode of(Insights insights) {
        ObjectNode root = HtmlSafeJson.object();
        ArrayNode sheets = root.putArray("sheets");
        for (Sheet s : Sheet.values()) {
            sheets.addObject().put("id", s.id()).put("title", s.title()).put("description", s.description())
                    .put("insights", insights.list(s).size());
        }
        ArrayNode charts = root.putArray("chartKinds");
        for (ChartKind k : ChartKind.values()) {
            charts.add(k.id());
        }
        ObjectNode units = root.putObject("units");
        for (Unit u : Unit.values()) {
            units.put(u.id(), u.suffix());
        }
        ArrayNode filters = root.putArray("filters");
        for (Filter f : Filter.values()) {
            ObjectNode n = filters.addObject().put("key", f.key()).put("label", f.label()).put("description", f.description())
                    .put("type", f.valueType().id());
            f.allowedValues().forEach(n.putArray("allowedValues")::add);
            if (f.allowedValues().isEmpty()) {
                n.putArray("allowedValues");
            }
            f.names().forEach(n.putArray("names")::add);
        }
        ArrayNode list = root.putArray("insights");
        for (Insight i : insights.list()) {
            list.add(insight(i));
        }
        return root;
    }

    static ObjectNode insight(Insight i) {
        ObjectNode n = HtmlSafeJson.object().put("id", i.id()).put("title", i.title()).put("question", i.question())
                .put("sheet", i.sheet().id()).put("chart", i.chart().id()).put("declarative", i.isDeclarative())
                .put("comparable", comparable(i));
        topN(i.query()).ifPresent(limit -> n.put("limit", limit));
        ArrayNode accepted = n.putArray("filters");
        for (Filter f : Filter.values()) {
            if (i.filters().contains(f)) {
                accepted.add(f.key());
            }
        }
        ArrayNode columns = n.putArray("columns");
        for (ResultColumn c : i.columns()) {
            ObjectNode col = columns.addObject().put("name", c.name()).put("type", c.type().id()).put("unit", c.unit().id())
                    .put("role", c.role().name().toLowerCase(java.util.Locale.ROOT)).put("label", c.label());
            Filter.byName(c.name()).filter(i.filters()::contains).ifPresent(f -> col.put("filter", f.key()));
            dimension(i.query(), c.name()).ifPresent(d -> axis(d.expr(), col));
        }
        return n;
    }

    /**
     * Whether the page compares an insight with the previous period of equal length: the plain
     * (declarative) KPIs. Explicit KPIs have windows or comparisons of their own.
     */
    public static boolean comparable(Insight insight) {
        return insight.chart() == ChartKind.KPI && insight.isDeclarative();
    }

    private static Optional<Integer> topN(InsightQuery q) {
        int limit = 0;
        if (q instanceof InsightQuery.Aggregate a) {
            limit = a.limit();
        } else if (q instanceof InsightQuery.Rows r) {
            limit = r.limit();
        }
        return limit > 0 ? Optional.of(limit) : Optional.empty();
    }

    private static Optional<Dimension> dimension(InsightQuery q, String name) {
        java.util.List<Dimension> dims = q instanceof InsightQuery.Aggregate a ? a.dimensions()
                : q instanceof InsightQuery.Rows r ? r.columnsShown() : java.util.List.of();
        return dims.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    private static void axis(Expr e, ObjectNode col) {
        if (e instanceof Expr.HourOfDay) {
            col.put("axis", "hour_of_day");
        } else if (e instanceof Expr.DayOfWeek) {
            col.put("axis", "day_of_week");
        } else if (e instanceof Expr.Bins b) {
            col.put("axis", "bins");
            b.edges().forEach(col.putArray("edges")::add);
        }
    }
}
