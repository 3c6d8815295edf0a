package dev.apigwinsights.quicksight.catalog;

import dev.apigwinsights.insights.Insight;
import dev.apigwinsights.quicksight.FilterSpec;
import dev.apigwinsights.quicksight.ParameterSpec;
import dev.apigwinsights.quicksight.SheetSpec;
import dev.apigwinsights.quicksight.VisualSpec;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The generated part of {@code docs/dashboards.md}: what each sheet answers, insight by insight
 * (title, chart, question), the controls, the parameters, the custom SQL panels and what is left
 * out, written between two markers; the rest of the guide is written by hand.
 */
public final class DashboardDocs {

    static final String BEGIN = "<!-- BEGIN GENERATED: sheets (make quicksight writes this part from the insight catalog; do not edit) -->";
    static final String END = "<!-- END GENERATED: sheets -->";

    private DashboardDocs() {
    }

    /** {@code guide} with the part between the markers replaced by {@link #section}; {@code templateBytes}: the rendered template's size. */
    public static String rewrite(String guide, CatalogDashboard.Result dashboard, List<Insight> insights, int templateBytes) {
        int begin = guide.indexOf(BEGIN);
        int end = guide.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the guide has no generated section (" + BEGIN + " ... " + END + ")");
        }
        return guide.substring(0, begin) + BEGIN + "\n" + section(dashboard, insights, templateBytes) + END
                + guide.substring(end + END.length());
    }

    static String section(CatalogDashboard.Result dashboard, List<Insight> insights, int templateBytes) {
        Map<String, Insight> byId = insights.stream().collect(Collectors.toMap(Insight::id, Function.identity()));
        List<SheetSpec> sheets = dashboard.spec().sheets();
        long contentSheets = sheets.stream().filter(s -> !s.id().equals(AboutSheet.ID)).count();
        long visuals = dashboard.spec().visuals().size();
        StringBuilder out = new StringBuilder("\n");
        out.append(contentSheets).append(" content sheets and an About sheet, ").append(visuals).append(" visuals, ")
                .append(dashboard.controls().size() + 1).append(" controls, ").append(dashboard.spec().dataSets().size())
                .append(" data sets (the access-log table and ").append(dashboard.customSql().size())
                .append(" custom SQL queries); ").append(dashboard.placements().size()).append(" of ").append(insights.size())
                .append(" catalog insights are on it, the others are listed at the end with the reason. The nested template is ")
                .append(Math.round(templateBytes / 1024.0)).append(" KB (").append(Math.round(100.0 * templateBytes / (1024 * 1024)))
                .append("% of CloudFormation's 1 MB), about ").append(String.format(Locale.ROOT, "%.1f", templateBytes / 1024.0 / visuals))
                .append(" KB per visual counting both copies of the definition and the data sets.\n");
        for (SheetSpec sheet : sheets) {
            out.append("\n### ").append(sheet.name()).append("\n\n").append(sheet.description()).append(".\n\n");
            if (sheet.id().equals(AboutSheet.ID)) {
                out.append("The version that generated the dashboard, data freshness (newest request and row count of the last "
                        + "7 days), how to read the numbers, what the controls match, which panels are custom SQL, and what is "
                        + "not on the dashboard.\n");
                continue;
            }
            for (CatalogDashboard.Placement placement : dashboard.placements()) {
                if (placement.sheetId().equals(sheet.id())) {
                    out.append(line(byId.get(placement.insightId()), placement, sheet)).append('\n');
                }
            }
        }
        out.append("\n### Controls\n\n")
                .append("Every content sheet shows the controls of the filters its insights accept; each narrows exactly those "
                        + "visuals (custom SQL panels excepted, see below).\n\n")
                .append("| Control | Filters column | Kind | Note |\n|---|---|---|---|\n")
                .append("| Time range | `request_date` | relative dates, default the last ").append(InsightVisuals.DEFAULT_WINDOW.toDays())
                .append(" days | the partition date, so Athena prunes day partitions |\n");
        for (CatalogDashboard.Control control : dashboard.controls()) {
            out.append("| ").append(control.filter().label()).append(" | `").append(control.column()).append("` | ")
                    .append(kind(control.kind(), control.filter().allowedValues())).append(" | ")
                    .append(control.note() == null ? "" : control.note()).append(" |\n");
        }
        for (CatalogDashboard.LeftOut filter : dashboard.filtersLeftOut()) {
            out.append("| ").append(filter.title()).append(" | | not offered | ").append(filter.reason()).append(" |\n");
        }
        List<ParameterSpec> parameters = dashboard.spec().parameters();
        if (!parameters.isEmpty()) {
            out.append("\nParameters (text fields on the sheets of the panels that use them): ");
            out.append(parameters.stream().map(p -> p.controlTitle() + " (default " + number(p) + ")").collect(Collectors.joining(", ")));
            out.append(".\n");
        }
        if (!dashboard.customSql().isEmpty()) {
            out.append("\n### Custom SQL panels\n\n")
                    .append("These insights are written in SQL in the catalog (comparisons, quota periods, SLOs, burn rates, "
                            + "anomalies). Each is a direct-query data set running the catalog's Athena SQL, with its times "
                            + "relative to when the dashboard is viewed and the SLO settings as data-set parameters; the time "
                            + "range and filter controls do not reach into it.\n\n");
            dashboard.customSql().forEach((id, sql) -> out.append("- **").append(byId.get(id).title()).append("** (`").append(id)
                    .append("`): ").append(sql.usesDashboardWindow()
                            ? "the last " + ExplicitSqlVisuals.describe(InsightVisuals.DEFAULT_WINDOW)
                            : "its own window ending now, reading the last " + ExplicitSqlVisuals.describe(sql.reach()))
                    .append(sql.settings().isEmpty() ? "" : "; takes " + String.join(", ", sql.settings())).append('\n'));
        }
        if (!dashboard.leftOut().isEmpty()) {
            out.append("\n### Not on the QuickSight dashboard\n\n");
            for (CatalogDashboard.LeftOut item : dashboard.leftOut()) {
                out.append("- **").append(item.title()).append("** (`").append(item.id()).append("`): ").append(item.reason())
                        .append(". See the local dashboard, `query --insight ").append(item.id()).append("` or the reports.\n");
            }
        }
        return out.append('\n').toString();
    }

    private static String line(Insight insight, CatalogDashboard.Placement placement, SheetSpec sheet) {
        List<VisualSpec> visuals = sheet.visuals().stream().filter(v -> placement.visualIds().contains(v.id())).toList();
        String kinds = visuals.size() > 1 && visuals.stream().allMatch(v -> v.kind() == visuals.get(0).kind())
                ? visuals.size() + " " + kindName(visuals.get(0)) + "s"
                : visuals.stream().map(DashboardDocs::kindName).collect(Collectors.joining(" + "));
        return "- **" + insight.title() + "** (" + kinds + (insight.isDeclarative() ? "" : ", custom SQL") + "): "
                + insight.question();
    }

    private static String kindName(VisualSpec visual) {
        return visual.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ').replace("kpi", "KPI");
    }

    private static String kind(FilterSpec.Kind kind, List<String> values) {
        return switch (kind) {
            case VALUES -> values.isEmpty() ? "drop-down of the values found" : "drop-down of " + String.join(", ", values);
            case EXACT_TEXT -> "text field, exact value";
            case RELATIVE_TIME -> "relative dates";
            case FLAG -> "fixed";
        };
    }

    private static String number(ParameterSpec parameter) {
        return parameter.kind() == ParameterSpec.NumberKind.INTEGER
                ? Long.toString(Math.round(parameter.defaultValue())) : Double.toString(parameter.defaultValue());
    }
}
