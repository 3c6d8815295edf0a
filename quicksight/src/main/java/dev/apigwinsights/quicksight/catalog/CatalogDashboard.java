package dev.apigwinsights.quicksight.catalog;

import dev.apigwinsights.insights.ColumnRole;
import dev.apigwinsights.insights.Expr;
import dev.apigwinsights.insights.Filter;
import dev.apigwinsights.insights.Insight;
import dev.apigwinsights.insights.InsightQuery;
import dev.apigwinsights.insights.Sheet;
import dev.apigwinsights.insights.ValueType;
import dev.apigwinsights.quicksight.ColumnType;
import dev.apigwinsights.quicksight.DashboardSpec;
import dev.apigwinsights.quicksight.DataSetColumns;
import dev.apigwinsights.quicksight.DataSetSpec;
import dev.apigwinsights.quicksight.FilterSpec;
import dev.apigwinsights.quicksight.ParameterSpec;
import dev.apigwinsights.quicksight.SheetSpec;
import dev.apigwinsights.quicksight.VisualSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The QuickSight dashboard generated from the insight catalog: one sheet per catalog
 * {@link Sheet} (in its order; a sheet none of whose insights can be shown yet is left out), each
 * insight as the visuals {@link InsightVisuals} or {@link ExplicitSqlVisuals} make of it, the
 * catalog's {@link Filter}s as controls on every sheet where an insight accepts them, the time
 * range on the partition date, the SLO settings as parameters, and an About sheet saying how to
 * read it and what is not on it. Every insight is either placed or left out with a reason
 * ({@link Result}).
 */
public final class CatalogDashboard {

    /** The identifier of the access-log data set in the definition. */
    public static final String ACCESS_LOGS = "access_logs";
    /** The id of the time-range filter (on {@link DataSetColumns#REQUEST_DATE}). */
    public static final String TIME_RANGE = "time-range";
    /** Filters typed as one exact value rather than picked from a list: values unique per request or client. */
    static final Set<Filter> TYPED_FILTERS = Set.of(Filter.REQUEST_ID, Filter.CLIENT_IP);

    /** Where an insight is on the dashboard. */
    public record Placement(String insightId, String sheetId, String dataSet, List<String> visualIds) {
    }

    /** Something of the catalog (an insight, a filter) QuickSight does not show, and why. */
    public record LeftOut(String id, String title, String reason) {
    }

    /** A control of a catalog filter: the column it filters in QuickSight. */
    public record Control(Filter filter, String column, FilterSpec.Kind kind, String note) {
    }

    /** The dashboard, and where each insight and filter went. */
    public record Result(DashboardSpec spec, List<Placement> placements, List<LeftOut> leftOut, List<Control> controls,
                         List<LeftOut> filtersLeftOut, Map<String, NowRelativeSql.Rendered> customSql) {
    }

    private CatalogDashboard() {
    }

    public static Result build(List<Insight> insights, DataSetColumns table, String version) {
        DerivedFields fields = new DerivedFields(ACCESS_LOGS, table);
        InsightVisuals declarative = new InsightVisuals(ACCESS_LOGS, fields);
        List<Placement> placements = new ArrayList<>();
        List<LeftOut> leftOut = new ArrayList<>();
        List<DataSetSpec> customSqlDataSets = new ArrayList<>();
        Map<String, NowRelativeSql.Rendered> customSql = new LinkedHashMap<>();
        Map<String, Map<String, List<String>>> flagScopes = new LinkedHashMap<>();
        Set<String> locations = new LinkedHashSet<>();
        List<SheetSpec> sheets = new ArrayList<>();
        Map<String, Insight> byVisual = new LinkedHashMap<>();

        for (Sheet sheet : Sheet.values()) {
            List<VisualSpec> visuals = new ArrayList<>();
            for (Insight insight : insights) {
                if (insight.sheet() != sheet) {
                    continue;
                }
                try {
                    List<VisualSpec> made;
                    String dataSet;
                    if (insight.isDeclarative()) {
                        InsightVisuals.Mapped mapped = declarative.map(insight);
                        made = mapped.visuals();
                        dataSet = ACCESS_LOGS;
                        if (mapped.whereFlag() != null) {
                            flagScopes.computeIfAbsent(mapped.whereFlag(), k -> new LinkedHashMap<>())
                                    .computeIfAbsent(sheet.id(), k -> new ArrayList<>())
                                    .addAll(made.stream().map(VisualSpec::id).toList());
                        }
                        locations.addAll(locationColumns(insight, fields));
                    } else {
                        ExplicitSqlVisuals.Mapped mapped = ExplicitSqlVisuals.map(insight);
                        made = mapped.visuals();
                        dataSet = mapped.dataSet().identifier();
                        customSqlDataSets.add(mapped.dataSet());
                        customSql.put(insight.id(), mapped.sql());
                    }
                    visuals.addAll(made);
                    made.forEach(v -> byVisual.put(v.id(), insight));
                    placements.add(new Placement(insight.id(), sheet.id(), dataSet, made.stream().map(VisualSpec::id).toList()));
                } catch (InsightVisuals.NotShown e) {
                    leftOut.add(new LeftOut(insight.id(), insight.title(), e.getMessage()));
                }
            }
            if (!visuals.isEmpty()) {
                visuals.sort(java.util.Comparator.comparingInt(CatalogDashboard::readingRank)); // stable: catalog order within a rank
                sheets.add(new SheetSpec(sheet.id(), sheet.title(), sheet.description(), List.of(), visuals));
            }
        }

        List<FilterSpec> filters = new ArrayList<>();
        filters.add(new FilterSpec(TIME_RANGE, ACCESS_LOGS, DataSetColumns.REQUEST_DATE, FilterSpec.Kind.RELATIVE_TIME, "Time range",
                scope(sheets, byVisual, insight -> true), List.of()));
        List<Control> controls = new ArrayList<>();
        List<LeftOut> filtersLeftOut = new ArrayList<>();
        for (Filter filter : Filter.values()) {
            String missing = filter.targets().stream().map(fields::missingColumn).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if (missing != null) {
                filtersLeftOut.add(new LeftOut(filter.key(), filter.label(), "the data set has no column " + missing + " yet"));
                continue;
            }
            Map<String, List<String>> scope = scope(sheets, byVisual, insight -> insight.filters().contains(filter));
            if (scope.isEmpty()) {
                filtersLeftOut.add(new LeftOut(filter.key(), filter.label(), "no insight on the dashboard accepts it"));
                continue;
            }
            Control control = control(filter, fields);
            controls.add(control);
            filters.add(new FilterSpec(filter.key(), ACCESS_LOGS, control.column(), control.kind(), filter.label(), scope,
                    filter.allowedValues()));
        }
        flagScopes.forEach((flag, scope) -> filters.add(new FilterSpec(flag, ACCESS_LOGS, flag, FilterSpec.Kind.FLAG, null, scope, List.of())));

        List<ParameterSpec> parameters = parameters(customSqlDataSets, sheets);
        DataSetColumns columns = fields.columns();
        for (String location : locations) {
            columns = columns.withGeographicRole(location, "COUNTRY");
        }
        List<DataSetSpec> dataSets = new ArrayList<>();
        dataSets.add(new DataSetSpec(ACCESS_LOGS, "DataSet", "access-logs", "access logs", columns, new DataSetSpec.AccessLogsTable()));
        dataSets.addAll(customSqlDataSets);

        AboutSheet about = new AboutSheet(version, ACCESS_LOGS);
        sheets.add(about.sheet(controls, filtersLeftOut, leftOut, customSql, byVisual.values().stream().distinct().toList()));
        filters.add(about.window());

        DashboardSpec spec = new DashboardSpec(dataSets, fields.calculatedFields(), parameters, sheets, filters);
        return new Result(spec, placements, leftOut, controls, filtersLeftOut, customSql);
    }

    /** Where a visual goes on its sheet: the numbers at a glance first, then charts, then tables to read row by row. */
    static int readingRank(VisualSpec visual) {
        return switch (visual.kind()) {
            case KPI -> 0;
            case TABLE, PIVOT, ROWS -> 2;
            default -> 1;
        };
    }

    /** The columns a map insight locates by (ISO country codes): tagged COUNTRY in the data set. */
    private static List<String> locationColumns(Insight insight, DerivedFields fields) {
        List<String> out = new ArrayList<>();
        if (insight.query() instanceof InsightQuery.Aggregate a) {
            a.dimensions().stream().filter(d -> d.role() == ColumnRole.LOCATION).forEach(d -> out.add(fields.column(d.expr(), d.name())));
        }
        return out;
    }

    /**
     * The visuals of the access-log data set whose insight passes {@code accepts}, by sheet: all of
     * them as an empty list (QuickSight's ALL_VISUALS, which for a single-data-set filter means all
     * visuals of that data set, so a sheet's custom-SQL visuals stay unfiltered), else the chosen
     * ones; sheets with none are left out.
     */
    private static Map<String, List<String>> scope(List<SheetSpec> sheets, Map<String, Insight> byVisual,
                                                   java.util.function.Predicate<Insight> accepts) {
        Map<String, List<String>> scope = new LinkedHashMap<>();
        for (SheetSpec sheet : sheets) {
            List<VisualSpec> applicable = sheet.visuals().stream().filter(v -> v.dataSet().equals(ACCESS_LOGS)).toList();
            List<String> chosen = applicable.stream().filter(v -> accepts.test(byVisual.get(v.id()))).map(VisualSpec::id).toList();
            if (!chosen.isEmpty()) {
                scope.put(sheet.id(), chosen.size() == applicable.size() ? List.of() : chosen);
            }
        }
        return scope;
    }

    /**
     * The column a catalog filter narrows in QuickSight, which filters one column: the target
     * column; a derived target (the route) as the data set computes it; a number (the status) as
     * text for a drop-down; several targets (usage plan name or id) as the first of them a request
     * has, so a value matching a later one of a request whose earlier one is set does not match
     * here (the CLI and local dashboard match any).
     */
    private static Control control(Filter filter, DerivedFields fields) {
        FilterSpec.Kind kind = TYPED_FILTERS.contains(filter) ? FilterSpec.Kind.EXACT_TEXT : FilterSpec.Kind.VALUES;
        List<Expr> targets = filter.targets();
        if (targets.size() > 1) {
            StringJoiner all = new StringJoiner(", ", "coalesce(", ")");
            targets.forEach(t -> all.add(Expressions.of(t)));
            String column = fields.computed(all.toString(), "filter_" + filter.key(), ColumnType.STRING);
            return new Control(filter, column, kind, "the first of " + names(targets) + " a request has");
        }
        Expr target = targets.get(0);
        if (target.type() != ValueType.STRING) {
            String column = fields.computed("toString(" + Expressions.of(target) + ")", filter.key() + "_text", ColumnType.STRING);
            return new Control(filter, column, kind, names(targets) + " as text");
        }
        String column = fields.column(target, filter.key());
        return new Control(filter, column, kind, target instanceof Expr.Col ? null : column + " (" + Expressions.of(target) + ")");
    }

    private static String names(List<Expr> targets) {
        StringJoiner out = new StringJoiner(", ");
        targets.forEach(t -> out.add(t instanceof Expr.Col c ? c.name() : Expressions.of(t)));
        return out.toString();
    }

    /** The SLO settings the custom-SQL data sets take, each a parameter with a control where its visuals are. */
    private static List<ParameterSpec> parameters(List<DataSetSpec> customSql, List<SheetSpec> sheets) {
        List<ParameterSpec> out = new ArrayList<>();
        for (NowRelativeSql.Setting setting : NowRelativeSql.SETTINGS.values()) {
            List<ParameterSpec.Mapping> mappings = new ArrayList<>();
            Set<String> controlSheets = new LinkedHashSet<>();
            for (DataSetSpec dataSet : customSql) {
                DataSetSpec.CustomSql sql = (DataSetSpec.CustomSql) dataSet.source();
                if (sql.parameters().stream().anyMatch(p -> p.name().equals(setting.parameter()))) {
                    mappings.add(new ParameterSpec.Mapping(dataSet.identifier(), setting.parameter()));
                    sheets.stream().filter(s -> s.visuals().stream().anyMatch(v -> v.dataSet().equals(dataSet.identifier())))
                            .forEach(s -> controlSheets.add(s.id()));
                }
            }
            if (!mappings.isEmpty()) {
                out.add(new ParameterSpec(setting.parameter(), setting.kind(), setting.defaultValue(), setting.title(),
                        List.copyOf(controlSheets), mappings));
            }
        }
        return out;
    }
}
