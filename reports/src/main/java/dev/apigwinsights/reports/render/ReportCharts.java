package dev.apigwinsights.reports.render;

import dev.apigwinsights.insights.ChartKind;
import dev.apigwinsights.insights.ColumnRole;
import dev.apigwinsights.insights.Insight;
import dev.apigwinsights.insights.QueryResult;
import dev.apigwinsights.insights.ResultColumn;
import dev.apigwinsights.insights.TimeGrain;
import dev.apigwinsights.insights.Unit;
import java.awt.BasicStroke;
import java.awt.Color;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.Hour;
import org.jfree.data.time.Minute;
import org.jfree.data.time.RegularTimePeriod;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.time.TimeTableXYDataset;
import org.jfree.data.time.Week;

/**
 * Turns an insight's result into a JFreeChart, driven by the insight's {@link ChartKind} and column
 * roles (the catalog's chart contract), never by the insight's id: a line per measure or per series
 * over time, stacked bars over time, horizontal bars for categories, shares and histograms. The
 * chart is drawn later as vectors straight onto the PDF page ({@link ChartObjectDrawer}).
 */
final class ReportCharts {

    /** Colours for series without a meaning of their own. */
    private static final Color[] PALETTE = {
        new Color(0x2563EB), new Color(0x0D9488), new Color(0xF59E0B), new Color(0x8B5CF6), new Color(0xEC4899),
        new Color(0x0EA5E9), new Color(0x84CC16), new Color(0x64748B), new Color(0xF97316), new Color(0x14B8A6),
    };

    /** Colours that carry meaning wherever the value appears (status classes, error kinds, percentiles). */
    private static final Map<String, Color> SEMANTIC = Map.ofEntries(
            Map.entry("1xx", new Color(0xA78BFA)), Map.entry("2xx", new Color(0x22A06B)), Map.entry("3xx", new Color(0x94A3B8)),
            Map.entry("4xx", new Color(0xF59E0B)), Map.entry("5xx", new Color(0xDC2626)),
            Map.entry("AUTH", new Color(0x8B5CF6)), Map.entry("QUOTA", new Color(0xF97316)), Map.entry("THROTTLE", new Color(0xFBBF24)),
            Map.entry("VALIDATION", new Color(0x0EA5E9)), Map.entry("NOT_FOUND", new Color(0x94A3B8)), Map.entry("WAF", new Color(0xEC4899)),
            Map.entry("INTEGRATION", new Color(0xDC2626)), Map.entry("SERVER", new Color(0x7F1D1D)), Map.entry("OTHER", new Color(0x64748B)),
            Map.entry("requests", new Color(0x2563EB)), Map.entry("errors", new Color(0xDC2626)),
            Map.entry("p50_ms", new Color(0x93C5FD)), Map.entry("p95_ms", new Color(0x2563EB)), Map.entry("p99_ms", new Color(0x1E3A8A)),
            Map.entry("availability_pct", new Color(0x22A06B)));

    private static final Color INK = new Color(0x1F2937);
    private static final Color MUTED = new Color(0x6B7280);
    private static final Color GRID = new Color(0xE5E7EB);
    private static final int MAX_SERIES = 8;
    private static final int MAX_LABEL = 48;

    private final ReportFonts fonts;
    private final ValueFormat format;

    ReportCharts(ReportFonts fonts, ValueFormat format) {
        this.fonts = fonts;
        this.format = format;
    }

    /** A drawn chart and the height (CSS px) it reads well at. */
    record Drawn(JFreeChart chart, int height) {
    }

    /**
     * The chart of {@code result}, or empty when the insight's kind is not a chart (tables, KPIs)
     * or the result has no rows (the report then says so in words).
     */
    Optional<Drawn> chart(Insight insight, QueryResult result, List<String> measures, int limit, TimeGrain grain) {
        if (result.rows().isEmpty()) {
            return Optional.empty();
        }
        List<ResultColumn> columns = result.columns();
        Optional<ResultColumn> time = role(columns, ColumnRole.TIME);
        Optional<ResultColumn> dimension = role(columns, ColumnRole.DIMENSION);
        Optional<ResultColumn> series = role(columns, ColumnRole.SERIES);
        List<ResultColumn> drawn = measures(columns, measures);
        switch (insight.chart()) {
            case LINE:
                return Optional.of(new Drawn(lines(result, time.orElseThrow(), series, drawn, grain), 210));
            case STACKED_BAR:
                if (time.isPresent()) {
                    return Optional.of(new Drawn(stackedBars(result, time.get(), series.orElseThrow(), drawn.get(0), grain), 210));
                }
                return Optional.of(bars(result, dimension.orElseThrow(), drawn.subList(0, 1), limit));
            case BAR:
            case PIE:
                return Optional.of(bars(result, dimension.orElseThrow(), drawn.subList(0, 1), limit));
            case HISTOGRAM:
                return Optional.of(bars(result, dimension.orElseThrow(), drawn.subList(0, 1), 0));
            default:
                return Optional.empty();
        }
    }

    private static Optional<ResultColumn> role(List<ResultColumn> columns, ColumnRole role) {
        return columns.stream().filter(c -> c.role() == role).findFirst();
    }

    /** The chosen measures, or every measure that shares the first one's unit (one value axis). */
    private static List<ResultColumn> measures(List<ResultColumn> columns, List<String> chosen) {
        List<ResultColumn> all = columns.stream().filter(c -> c.role() == ColumnRole.MEASURE).toList();
        if (!chosen.isEmpty()) {
            return chosen.stream().map(n -> all.stream().filter(c -> c.name().equals(n)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no measure " + n))).toList();
        }
        Unit unit = all.get(0).unit();
        return all.stream().filter(c -> c.unit() == unit).toList();
    }

    private JFreeChart lines(QueryResult result, ResultColumn time, Optional<ResultColumn> series, List<ResultColumn> measures, TimeGrain grain) {
        TimeSeriesCollection data = new TimeSeriesCollection(TimeZone.getTimeZone("UTC"));
        List<Color> colors = new ArrayList<>();
        if (series.isPresent()) {
            ResultColumn m = measures.get(0);
            Map<String, TimeSeries> bySeries = new LinkedHashMap<>();
            for (String name : topSeries(result, series.get(), m)) {
                bySeries.put(name, new TimeSeries(name));
            }
            for (QueryResult.Row row : result.rows()) {
                TimeSeries s = bySeries.get(label(row.get(series.get().name())));
                Object v = row.get(m.name());
                if (s != null && v != null) {
                    s.addOrUpdate(period((Instant) row.get(time.name()), grain), ((Number) v).doubleValue());
                }
            }
            int i = 0;
            for (Map.Entry<String, TimeSeries> e : bySeries.entrySet()) {
                data.addSeries(e.getValue());
                colors.add(color(e.getKey(), i++));
            }
        } else {
            int i = 0;
            for (ResultColumn m : measures) {
                TimeSeries s = new TimeSeries(m.label());
                for (QueryResult.Row row : result.rows()) {
                    Object v = row.get(m.name());
                    if (v != null) {
                        s.addOrUpdate(period((Instant) row.get(time.name()), grain), ((Number) v).doubleValue());
                    }
                }
                data.addSeries(s);
                colors.add(color(m.name(), i++));
            }
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < colors.size(); i++) {
            renderer.setSeriesPaint(i, colors.get(i));
            renderer.setSeriesStroke(i, new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        XYPlot plot = new XYPlot(data, dateAxis(), valueAxis(measures.get(0).unit()), renderer);
        return finish(plot, data.getSeriesCount() > 1);
    }

    private JFreeChart stackedBars(QueryResult result, ResultColumn time, ResultColumn series, ResultColumn measure, TimeGrain grain) {
        TimeTableXYDataset data = new TimeTableXYDataset(TimeZone.getTimeZone("UTC"), Locale.ENGLISH);
        List<String> names = topSeries(result, series, measure);
        Set<Instant> buckets = new LinkedHashSet<>();
        for (QueryResult.Row row : result.rows()) {
            buckets.add((Instant) row.get(time.name()));
        }
        // Every series needs a value in every bucket for the stack to be drawn; absent means zero.
        for (Instant b : buckets) {
            for (String n : names) {
                data.add(period(b, grain), 0, n, false);
            }
        }
        for (QueryResult.Row row : result.rows()) {
            String n = label(row.get(series.name()));
            Object v = row.get(measure.name());
            if (names.contains(n) && v != null) {
                data.add(period((Instant) row.get(time.name()), grain), ((Number) v).doubleValue(), n, false);
            }
        }
        StackedXYBarRenderer renderer = new StackedXYBarRenderer(0.12);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, color(String.valueOf(data.getSeriesKey(i)), i));
        }
        XYPlot plot = new XYPlot(data, dateAxis(), valueAxis(measure.unit()), renderer);
        return finish(plot, true);
    }

    private Drawn bars(QueryResult result, ResultColumn dimension, List<ResultColumn> measures, int limit) {
        ResultColumn m = measures.get(0);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        int n = 0;
        for (QueryResult.Row row : result.rows()) {
            if (limit > 0 && n >= limit) {
                break;
            }
            Object v = row.get(m.name());
            String category = truncate(format.cell(dimension, row.get(dimension.name())));
            // Keep categories distinct even when two long names share their first characters.
            while (data.getColumnKeys().contains(category)) {
                category = category + " ";
            }
            data.addValue(v == null ? null : ((Number) v).doubleValue(), m.label(), category);
            n++;
        }
        CategoryAxis categories = new CategoryAxis();
        categories.setTickLabelFont(fonts.chart(9.5f, false));
        categories.setTickLabelPaint(INK);
        categories.setAxisLineVisible(false);
        categories.setTickMarksVisible(false);
        categories.setCategoryMargin(0.25);
        categories.setLowerMargin(0.02);
        categories.setUpperMargin(0.02);
        categories.setMaximumCategoryLabelWidthRatio(0.45f);
        NumberAxis values = valueAxis(m.unit());
        values.setUpperMargin(0.18);
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setMaximumBarWidth(0.09);
        renderer.setSeriesPaint(0, color(m.name(), 0));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(fonts.chart(8.5f, false));
        renderer.setDefaultItemLabelPaint(MUTED);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", unitFormat(m.unit(), false)));
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        renderer.setItemLabelInsets(new RectangleInsets(3, 3, 3, 3));
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.6f));
        plot.setDomainGridlinesVisible(false);
        plot.setOutlineVisible(false);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setInsets(new RectangleInsets(2, 2, 2, 8));
        JFreeChart chart = new JFreeChart(null, fonts.chart(10f, true), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(0, 0, 0, 0));
        return new Drawn(chart, Math.max(90, 34 + 21 * data.getColumnCount()));
    }

    private DateAxis dateAxis() {
        DateAxis axis = new DateAxis();
        TimeZone tz = TimeZone.getTimeZone(format.zone());
        axis.setTimeZone(tz);
        axis.setStandardTickUnits(DateAxis.createStandardDateTickUnits(tz, Locale.ENGLISH));
        axis.setTickLabelFont(fonts.chart(9f, false));
        axis.setTickLabelPaint(MUTED);
        axis.setAxisLinePaint(GRID);
        axis.setTickMarkPaint(GRID);
        axis.setLowerMargin(0.01);
        axis.setUpperMargin(0.01);
        return axis;
    }

    private NumberAxis valueAxis(Unit unit) {
        NumberAxis axis = new NumberAxis();
        axis.setTickLabelFont(fonts.chart(9f, false));
        axis.setTickLabelPaint(MUTED);
        axis.setAxisLineVisible(false);
        axis.setTickMarksVisible(false);
        axis.setNumberFormatOverride(unitFormat(unit, true));
        axis.setAutoRangeIncludesZero(unit != Unit.PERCENT);
        if (unit == Unit.COUNT || unit == Unit.BYTES) {
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        return axis;
    }

    private JFreeChart finish(XYPlot plot, boolean legend) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.6f));
        plot.setDomainGridlinesVisible(false);
        plot.setAxisOffset(new RectangleInsets(0, 0, 0, 0));
        ValueAxis range = plot.getRangeAxis();
        range.setUpperMargin(0.08);
        JFreeChart chart = new JFreeChart(null, fonts.chart(10f, true), plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(0, 0, 0, 4));
        if (legend) {
            LegendTitle l = chart.getLegend();
            l.setItemFont(fonts.chart(9f, false));
            l.setItemPaint(INK);
            l.setFrame(BlockBorder.NONE);
            l.setPosition(RectangleEdge.TOP);
            l.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
            l.setBackgroundPaint(Color.WHITE);
            l.setItemLabelPadding(new RectangleInsets(1, 2, 1, 10));
        }
        return chart;
    }

    /** The series names to draw: the largest by total, at most {@value #MAX_SERIES}, in a stable order. */
    private static List<String> topSeries(QueryResult result, ResultColumn series, ResultColumn measure) {
        Map<String, Double> totals = new LinkedHashMap<>();
        for (QueryResult.Row row : result.rows()) {
            Object v = row.get(measure.name());
            totals.merge(label(row.get(series.name())), v == null ? 0 : ((Number) v).doubleValue(), Double::sum);
        }
        List<String> top = totals.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(MAX_SERIES).map(Map.Entry::getKey).toList();
        // Natural order of the names (2xx before 5xx), so colours and stacks read the same every time.
        return top.stream().sorted().toList();
    }

    private static String label(Object value) {
        return value == null ? "(none)" : value.toString();
    }

    private static String truncate(String s) {
        return s.length() <= MAX_LABEL ? s : s.substring(0, MAX_LABEL - 1) + "…";
    }

    private static Color color(String key, int index) {
        Color c = SEMANTIC.get(key);
        return c != null ? c : PALETTE[index % PALETTE.length];
    }

    private static RegularTimePeriod period(Instant start, TimeGrain grain) {
        Date d = Date.from(start);
        TimeZone utc = TimeZone.getTimeZone("UTC");
        switch (grain == null ? TimeGrain.DAY : grain) {
            case MINUTE:
                return new Minute(d, utc, Locale.ENGLISH);
            case HOUR:
                return new Hour(d, utc, Locale.ENGLISH);
            case WEEK:
                return new Week(d, utc, Locale.ENGLISH);
            default:
                return new Day(d, utc, Locale.ENGLISH);
        }
    }

    /** Axis and label numbers in the column's unit, short (12k, 1.2 MB, 250 ms, 99.5 %). */
    private static NumberFormat unitFormat(Unit unit, boolean axis) {
        return new NumberFormat() {
            private static final long serialVersionUID = 1L;

            @Override
            public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
                return to.append(text(v));
            }

            @Override
            public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
                return to.append(text(v));
            }

            @Override
            public Number parse(String source, ParsePosition pos) {
                return null;
            }

            private String text(double v) {
                switch (unit) {
                    case PERCENT:
                        return new DecimalFormat(axis ? "0.##" : "0.00").format(v) + " %";
                    case MILLISECONDS:
                        return Math.abs(v) >= (axis ? 1000 : 10_000) ? new DecimalFormat("0.#").format(v / 1000) + " s"
                                : new DecimalFormat("0").format(v) + " ms";
                    case BYTES:
                        return ValueFormat.bytes(v);
                    case COUNT:
                        if (!axis) {
                            return String.format(Locale.ENGLISH, "%,.0f", v);
                        }
                        // One style along an axis: 0, 500, 1k, 1.5k ... 12k, 1.2M.
                        double a = Math.abs(v);
                        return a >= 1_000_000 ? new DecimalFormat("0.#").format(v / 1_000_000) + "M"
                                : a >= 1000 ? new DecimalFormat("0.#").format(v / 1000) + "k" : new DecimalFormat("0").format(v);
                    default:
                        return new DecimalFormat("0.##").format(v);
                }
            }
        };
    }
}
