package dev.apigwinsights.reports.layout;

import dev.apigwinsights.insights.Insights;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A report's content as data: its title and sections. The standard layouts are in
 * {@link ReportLayouts}; {@link #check(Insights)} fails on an insight id or column the catalog does
 * not have, so a renamed insight breaks a test, not a report at 07:00.
 */
public record ReportLayout(String id, String title, boolean perCustomer, List<Section> sections) {

    public ReportLayout {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        sections = List.copyOf(sections);
    }

    /** Every insight the report runs, in order of appearance. */
    public Set<String> insightIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (Section s : sections) {
            for (Block b : s.blocks()) {
                ids.addAll(b.insightIds());
            }
        }
        return ids;
    }

    /** Checks every insight id and column against {@code insights}; throws with the first problem. */
    public ReportLayout check(Insights insights) {
        for (Section s : sections) {
            for (Block b : s.blocks()) {
                if (b instanceof Block.KpiStrip strip) {
                    for (Kpi k : strip.kpis()) {
                        insights.get(k.insightId()).column(k.column());
                        if (k.targetColumn() != null) {
                            insights.get(k.insightId()).column(k.targetColumn());
                        }
                    }
                } else if (b instanceof Block.Chart chart) {
                    chart.measures().forEach(m -> insights.get(chart.insightId()).column(m));
                } else if (b instanceof Block.Table table) {
                    table.columns().forEach(c -> insights.get(table.insightId()).column(c));
                }
            }
        }
        return this;
    }
}
