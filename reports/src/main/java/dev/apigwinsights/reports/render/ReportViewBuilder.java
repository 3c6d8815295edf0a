package dev.apigwinsights.reports.render;

import dev.apigwinsights.insights.Insight;
import dev.apigwinsights.insights.Insights;
import dev.apigwinsights.insights.QueryResult;
import dev.apigwinsights.insights.ResultColumn;
import dev.apigwinsights.reports.InsightRun;
import dev.apigwinsights.reports.ReportBuilder;
import dev.apigwinsights.reports.ReportData;
import dev.apigwinsights.reports.ReportPeriod;
import dev.apigwinsights.reports.ReportRequest;
import dev.apigwinsights.reports.layout.Block;
import dev.apigwinsights.reports.layout.Kpi;
import dev.apigwinsights.reports.layout.Section;
import dev.apigwinsights.reports.render.ReportView.BlockView;
import dev.apigwinsights.reports.render.ReportView.CellView;
import dev.apigwinsights.reports.render.ReportView.ChartView;
import dev.apigwinsights.reports.render.ReportView.HeaderView;
import dev.apigwinsights.reports.render.ReportView.KpiView;
import dev.apigwinsights.reports.render.ReportView.KpisView;
import dev.apigwinsights.reports.render.ReportView.NoteView;
import dev.apigwinsights.reports.render.ReportView.RowView;
import dev.apigwinsights.reports.render.ReportView.SectionView;
import dev.apigwinsights.reports.render.ReportView.SourceView;
import dev.apigwinsights.reports.render.ReportView.TableView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * Turns the catalog's answers into the template's view: formats every value once
 * ({@link ValueFormat}), builds the charts ({@link ReportCharts}) and names each by the id its
 * {@code <object>} element carries.
 */
final class ReportViewBuilder {

    private final Insights insights;
    private final ReportFonts fonts;

    ReportViewBuilder(Insights insights, ReportFonts fonts) {
        this.insights = insights;
        this.fonts = fonts;
    }

    /** The view and the charts it references. */
    record Built(ReportView view, Map<String, JFreeChart> charts) {
    }

    Built build(ReportData data) {
        ReportRequest request = data.request();
        ReportPeriod period = request.period();
        ValueFormat format = new ValueFormat(period.zone(), request.currency());
        ReportCharts chartMaker = new ReportCharts(fonts, format);
        Map<String, JFreeChart> charts = new LinkedHashMap<>();
        List<SectionView> sections = new ArrayList<>();
        for (Section section : request.layout().sections()) {
            List<BlockView> blocks = new ArrayList<>();
            for (Block block : section.blocks()) {
                blocks.add(block(block, data, format, chartMaker, charts));
            }
            sections.add(new SectionView(section.id(), section.title(), section.lead(), blocks));
        }
        List<SourceView> sources = request.layout().insightIds().stream()
                .map(insights::get).map(i -> new SourceView(i.id(), i.title(), i.question())).toList();
        String kind = period.kind().adjective();
        String title = kind.isEmpty() ? request.layout().title() : kind + " " + lowerFirstWord(request.layout().title());
        String generated = format.moment(data.generatedAt());
        String customer = request.customer().orElse(null);
        String footer = request.project() + " · " + title + (customer == null ? "" : " · " + customer) + " · " + period.label()
                + " · generated " + generated;
        ReportView view = new ReportView(title, request.project(), kind, period.label(), period.previousLabel(), customer,
                generated, zoneName(period), footer, sections, sources);
        return new Built(view, charts);
    }

    private BlockView block(Block block, ReportData data, ValueFormat format, ReportCharts chartMaker, Map<String, JFreeChart> charts) {
        if (block instanceof Block.KpiStrip strip) {
            List<KpiView> tiles = new ArrayList<>();
            for (Kpi k : strip.kpis()) {
                tiles.add(kpi(k, data, format, tiles.size() % 3 == 2));
            }
            return BlockView.of(new KpisView(tiles));
        }
        if (block instanceof Block.Chart c) {
            Insight insight = insights.get(c.insightId());
            InsightRun run = ReportBuilder.chartRun(c, data.request());
            QueryResult result = data.result(run);
            return chartMaker.chart(insight, result, c.measures(), c.limit(), run.grain())
                    .map(drawn -> {
                        String id = "chart-" + (charts.size() + 1);
                        charts.put(id, drawn.chart());
                        return BlockView.of(new ChartView(id, insight.title(), insight.question(), drawn.height(), insight.id()));
                    })
                    .orElseGet(() -> BlockView.of(new NoteView(insight.title(), insight.question(), "No data in this period.")));
        }
        Block.Table t = (Block.Table) block;
        Insight insight = insights.get(t.insightId());
        if (t.needsPrices() && !data.request().hasPrices()) {
            return BlockView.of(new NoteView(insight.title(), insight.question(),
                    "No price per request is configured for any usage plan, so there is no estimate."
                            + " Set prices to show one (docs/reports.md)."));
        }
        return BlockView.of(table(insight, t, data.result(ReportBuilder.tableRun(t)), format));
    }

    private TableView table(Insight insight, Block.Table t, QueryResult result, ValueFormat format) {
        List<ResultColumn> columns = t.columns().isEmpty() ? result.columns()
                : t.columns().stream().map(insight::column).toList();
        List<HeaderView> headers = columns.stream().map(c -> new HeaderView(c.label(), ValueFormat.numeric(c))).toList();
        List<RowView> rows = new ArrayList<>();
        // Insights written as explicit SQL return every row whatever the top-N size: show the first
        // rows in the catalog's order, and say how many there are.
        List<QueryResult.Row> shown = t.limit() > 0 && result.size() > t.limit() ? result.rows().subList(0, t.limit()) : result.rows();
        for (QueryResult.Row row : shown) {
            List<CellView> cells = new ArrayList<>();
            for (ResultColumn c : columns) {
                cells.add(new CellView(format.cell(c, row.get(c.name())), ValueFormat.numeric(c)));
            }
            rows.add(new RowView(cells));
        }
        String meta = t.limit() <= 0 ? null
                : result.size() > t.limit() ? String.format(Locale.ENGLISH, "first %d of %,d rows", t.limit(), result.size()) : "Top " + t.limit();
        String empty = rows.isEmpty() ? "Nothing in this period." : null;
        return new TableView(insight.title(), insight.question(), insight.id(), meta, headers, rows, empty);
    }

    private KpiView kpi(Kpi k, ReportData data, ValueFormat format, boolean third) {
        Insight insight = insights.get(k.insightId());
        ResultColumn column = insight.column(k.column());
        Object current = only(data.result(InsightRun.current(k.insightId())), k.column());
        String value = format.headline(column, current);
        String target = null;
        if (k.targetColumn() != null) {
            target = "target " + format.headline(insight.column(k.targetColumn()),
                    only(data.result(InsightRun.current(k.insightId())), k.targetColumn()));
        }
        if (k.change() == Kpi.Change.NONE) {
            return new KpiView(k.label(), value, null, "flat", null, target, third);
        }
        Object previous = only(data.result(InsightRun.previous(k.insightId())), k.column());
        Change change = Change.of(current, previous, k.change(), k.better());
        return new KpiView(k.label(), value, change.text(), change.trend(), "before: " + format.headline(column, previous), target, third);
    }

    /** {@code Usage statement} becomes {@code usage statement}; {@code API traffic report} keeps its acronym. */
    static String lowerFirstWord(String title) {
        int end = title.indexOf(' ') < 0 ? title.length() : title.indexOf(' ');
        String first = title.substring(0, end);
        return first.equals(first.toUpperCase(Locale.ENGLISH)) ? title : first.toLowerCase(Locale.ENGLISH) + title.substring(end);
    }

    static String zoneName(ReportPeriod period) {
        String id = period.zone().normalized().getId();
        return id.equals("Z") ? "UTC" : id;
    }

    /** The value of {@code column} in a one-row (KPI) result; null when the result is empty. */
    private static Object only(QueryResult result, String column) {
        return result.rows().isEmpty() ? null : result.rows().get(0).get(column);
    }
}
