package dev.apigwinsights.quicksight.catalog;

import dev.apigwinsights.insights.ColumnRole;
import dev.apigwinsights.insights.Insight;
import dev.apigwinsights.insights.ResultColumn;
import dev.apigwinsights.insights.TimeGrain;
import dev.apigwinsights.insights.ValueType;
import dev.apigwinsights.quicksight.Aggregation;
import dev.apigwinsights.quicksight.ChartKind;
import dev.apigwinsights.quicksight.DataSetColumns;
import dev.apigwinsights.quicksight.DataSetSpec;
import dev.apigwinsights.quicksight.Dimension;
import dev.apigwinsights.quicksight.Measure;
import dev.apigwinsights.quicksight.VisualSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An explicit-SQL insight as a custom-SQL data set ({@link NowRelativeSql}) and the visuals over
 * its result, whose rows the SQL has already aggregated: a KPI per measure of a one-row result, a
 * line or stacked bars over its time buckets (one row per bucket and series), a table of its rows.
 * These panels cover a window that ends when the dashboard is viewed; the time range and filter
 * controls do not reach into their SQL, and their subtitles say so.
 */
final class ExplicitSqlVisuals {

    /** A custom-SQL data set and its visuals. */
    record Mapped(DataSetSpec dataSet, List<VisualSpec> visuals, NowRelativeSql.Rendered sql) {
    }

    private ExplicitSqlVisuals() {
    }

    static Mapped map(Insight insight) {
        NowRelativeSql.Rendered sql = NowRelativeSql.render(insight);
        List<DataSetColumns.Column> columns = new ArrayList<>();
        for (ResultColumn c : insight.columns()) {
            columns.add(new DataSetColumns.Column(c.name(), DerivedFields.typeOf(c.type())));
        }
        String identifier = insight.id();
        DataSetSpec dataSet = new DataSetSpec(identifier, resourceName(insight.id()), insight.id().replace('_', '-'),
                insight.title(), DataSetColumns.of(columns), new DataSetSpec.CustomSql(sql.sql(), sql.parameters()));
        String subtitle = insight.question() + " " + windowNote(sql);
        List<VisualSpec> visuals = switch (insight.chart()) {
            case KPI -> kpis(insight, identifier, subtitle);
            case LINE, STACKED_BAR -> List.of(series(insight, identifier, subtitle, sql));
            case TABLE -> List.of(rows(insight, identifier, subtitle));
            default -> throw new InsightVisuals.NotShown("no QuickSight form here for an explicit-SQL " + insight.chart().id());
        };
        return new Mapped(dataSet, visuals, sql);
    }

    /** {@code slo_status} becomes {@code DataSetSloStatus}. */
    static String resourceName(String insightId) {
        StringBuilder out = new StringBuilder("DataSet");
        for (String word : insightId.split("_")) {
            out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return out.toString();
    }

    /** What the subtitle adds: the window is fixed, ends now, and the controls do not apply. */
    static String windowNote(NowRelativeSql.Rendered sql) {
        String reach = sql.usesDashboardWindow() ? "the last " + describe(InsightVisuals.DEFAULT_WINDOW)
                : "a window ending now (it reads the last " + describe(sql.reach()) + ")";
        return "[Custom SQL over " + reach + "; the time range and filter controls do not apply"
                + (sql.settings().isEmpty() ? "" : "; the SLO parameters do") + ".]";
    }

    static String describe(Duration d) {
        if (d.toHours() % 24 == 0 && d.toDays() > 0) {
            return d.toDays() + (d.toDays() == 1 ? " day" : " days");
        }
        if (d.toMinutes() % 60 == 0 && d.toHours() > 0) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        return d.toMinutes() + " minutes";
    }

    private static List<VisualSpec> kpis(Insight insight, String dataSet, String subtitle) {
        List<VisualSpec> out = new ArrayList<>();
        for (ResultColumn c : insight.columns()) {
            if (c.role() == ColumnRole.MEASURE) {
                out.add(VisualSpec.of(InsightVisuals.kpiId(insight, c.name()), dataSet, ChartKind.KPI,
                        InsightVisuals.kpiTitle(insight, c.label()), subtitle, List.of(), List.of(oneRow(c))));
            }
        }
        return out;
    }

    /** A time line (or stacked bars) of the result's buckets, split by its series column if it has one. */
    private static VisualSpec series(Insight insight, String dataSet, String subtitle, NowRelativeSql.Rendered sql) {
        // The bucket the SQL truncates to: the catalog's automatic grain for the window it was rendered with.
        dev.apigwinsights.quicksight.TimeGranularity granularity = sql.usesDashboardWindow()
                ? InsightVisuals.granularity(TimeGrain.AUTO)
                : dev.apigwinsights.quicksight.TimeGranularity.valueOf(TimeGrain.AUTO.resolve(null).name());
        List<Dimension> dimensions = new ArrayList<>();
        List<Measure> measures = new ArrayList<>();
        for (ResultColumn c : insight.columns()) {
            switch (c.role()) {
                case TIME -> dimensions.add(0, Dimension.time(c.name(), granularity, c.label()));
                case SERIES, DIMENSION -> dimensions.add(Dimension.of(c.name(), c.label()));
                case MEASURE -> measures.add(oneRow(c));
                default -> {
                }
            }
        }
        ChartKind kind = insight.chart() == dev.apigwinsights.insights.ChartKind.LINE ? ChartKind.LINE : ChartKind.STACKED_BAR;
        return new VisualSpec(insight.id(), dataSet, kind, insight.title(), subtitle, dimensions, measures, List.of(),
                java.util.OptionalInt.empty());
    }

    /** Every column of every row, in the order the SQL returns them. */
    private static VisualSpec rows(Insight insight, String dataSet, String subtitle) {
        List<Dimension> columns = new ArrayList<>();
        for (ResultColumn c : insight.columns()) {
            Dimension column = Dimension.of(c.name(), c.label());
            columns.add(c.type() == ValueType.BIGINT || c.type() == ValueType.DOUBLE
                    ? column.withUnit(InsightVisuals.unit(c.unit(), c.type())) : column);
        }
        return new VisualSpec(insight.id(), dataSet, ChartKind.ROWS, insight.title(), subtitle, columns, List.of(), List.of(),
                java.util.OptionalInt.of(ROWS_PER_PAGE));
    }

    /** Rows per page of a custom-SQL table. */
    static final int ROWS_PER_PAGE = 25;

    /** A value of a result that has one row per group: its maximum is the value. */
    private static Measure oneRow(ResultColumn c) {
        return new Measure(c.name(), Aggregation.max(), c.label(), InsightVisuals.unit(c.unit(), c.type()));
    }
}
