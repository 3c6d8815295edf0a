package dev.apigwinsights.quicksight.catalog;

import dev.apigwinsights.insights.ColumnRole;
import dev.apigwinsights.insights.Condition;
import dev.apigwinsights.insights.Expr;
import dev.apigwinsights.insights.Insight;
import dev.apigwinsights.insights.InsightQuery;
import dev.apigwinsights.insights.Order;
import dev.apigwinsights.insights.TimeGrain;
import dev.apigwinsights.insights.TimeRange;
import dev.apigwinsights.insights.ValueType;
import dev.apigwinsights.quicksight.Aggregation;
import dev.apigwinsights.quicksight.ChartKind;
import dev.apigwinsights.quicksight.ColumnType;
import dev.apigwinsights.quicksight.Dimension;
import dev.apigwinsights.quicksight.Measure;
import dev.apigwinsights.quicksight.TimeGranularity;
import dev.apigwinsights.quicksight.Unit;
import dev.apigwinsights.quicksight.VisualSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A declarative insight ({@link InsightQuery.Aggregate} or {@link InsightQuery.Rows}) as visuals
 * over the access-log data set, with the meaning of the SQL the catalog renders:
 * <ul>
 *   <li>dimensions become fields (derived ones computed by the data set), time buckets a date
 *       field's granularity;</li>
 *   <li>a plain measure is a field aggregation (count, distinct count, sum, average, min, max,
 *       percentile); a measure restricted by its own condition ({@code when}) and a rate are
 *       calculated fields ({@code countIf}, {@code sumIf}, ..., {@code 100 * countIf / count});
 *       a percentile with a condition reads a per-row field that is null outside it;</li>
 *   <li>the insight's fixed condition ({@code where}) is a 0/1 calculated field the visual is
 *       filtered on (see {@link Mapped#whereFlag()});</li>
 *   <li>the order and top-N become sorts and category or page limits.</li>
 * </ul>
 * A KPI insight becomes one KPI per measure; a map, a filled map of its first measure and a table of
 * all; bars whose measures have different units a combo chart (bars and lines on a second axis).
 */
final class InsightVisuals {

    /** The dashboard's default time window, against which the catalog's automatic time grain is resolved. */
    static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

    /** An insight QuickSight cannot show as the catalog defines it, with the reason. */
    static final class NotShown extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotShown(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The visuals of one insight, and the 0/1 field they are filtered on (null: no fixed condition). */
    record Mapped(List<VisualSpec> visuals, String whereFlag) {
    }

    private final String dataSet;
    private final DerivedFields fields;

    InsightVisuals(String dataSet, DerivedFields fields) {
        this.dataSet = dataSet;
        this.fields = fields;
    }

    Mapped map(Insight insight) {
        requireColumns(insight);
        if (insight.query() instanceof InsightQuery.Aggregate aggregate) {
            return new Mapped(aggregate(insight, aggregate), flag(insight, aggregate.where()));
        }
        if (insight.query() instanceof InsightQuery.Rows rows) {
            return new Mapped(List.of(rows(insight, rows)), flag(insight, rows.where()));
        }
        throw new IllegalArgumentException(insight.id() + " is not declarative");
    }

    /** Every column the insight reads must be in the data set (GeoIP's client_country may not be yet). */
    private void requireColumns(Insight insight) {
        List<Expr> exprs = new ArrayList<>();
        List<Condition> conditions = new ArrayList<>();
        if (insight.query() instanceof InsightQuery.Aggregate a) {
            a.dimensions().forEach(d -> exprs.add(d.expr()));
            a.measures().forEach(m -> {
                if (m.value() != null) {
                    exprs.add(m.value());
                }
                conditions.add(m.when());
                conditions.add(m.over());
            });
            conditions.add(a.where());
        } else if (insight.query() instanceof InsightQuery.Rows r) {
            r.columnsShown().forEach(d -> exprs.add(d.expr()));
            conditions.add(r.where());
        }
        conditions.stream().filter(java.util.Objects::nonNull).forEach(c -> collect(c, exprs));
        for (Expr e : exprs) {
            String missing = fields.missingColumn(e);
            if (missing != null) {
                throw new NotShown("the data set has no column " + missing + " yet");
            }
        }
    }

    private static void collect(Condition c, List<Expr> into) {
        if (c instanceof Condition.Compare cmp) {
            into.add(cmp.expr());
        } else if (c instanceof Condition.In in) {
            into.add(in.expr());
        } else if (c instanceof Condition.IsNull n) {
            into.add(n.expr());
        } else if (c instanceof Condition.NotNull n) {
            into.add(n.expr());
        } else if (c instanceof Condition.And and) {
            and.all().forEach(x -> collect(x, into));
        } else if (c instanceof Condition.Or or) {
            or.any().forEach(x -> collect(x, into));
        } else if (c instanceof Condition.Not not) {
            collect(not.condition(), into);
        }
    }

    private String flag(Insight insight, Condition where) {
        if (where == null) {
            return null;
        }
        return fields.calculated("ifelse(" + Expressions.of(where) + ", 1, 0)", "where_" + insight.id(), ColumnType.INTEGER, false);
    }

    private List<VisualSpec> aggregate(Insight insight, InsightQuery.Aggregate query) {
        List<Dimension> dimensions = new ArrayList<>();
        for (dev.apigwinsights.insights.Dimension d : query.dimensions()) {
            dimensions.add(dimension(d));
        }
        List<Measure> measures = new ArrayList<>();
        for (dev.apigwinsights.insights.Measure m : query.measures()) {
            measures.add(measure(m));
        }
        List<VisualSpec.Sort> sorts = sorts(insight, query.order(), query.dimensions(), query.measures());
        int limit = query.limit();
        return switch (insight.chart()) {
            case KPI -> kpis(insight, query.measures(), measures);
            case LINE -> List.of(visual(insight, ChartKind.LINE, dimensions, measures, List.of(), 0));
            case BAR -> List.of(visual(insight, sameUnit(measures) ? ChartKind.BAR : ChartKind.COMBO, dimensions,
                    measures, sorts, limit));
            case STACKED_BAR -> List.of(visual(insight, ChartKind.STACKED_BAR, dimensions, measures, sorts, 0));
            case PIE -> List.of(visual(insight, ChartKind.PIE, dimensions, measures, sorts, limit));
            case TABLE -> List.of(visual(insight, ChartKind.TABLE, dimensions, measures, sorts, limit));
            case PIVOT -> List.of(visual(insight, ChartKind.PIVOT, dimensions, measures, List.of(), 0));
            case HEATMAP -> List.of(visual(insight, ChartKind.HEATMAP, dimensions, measures, List.of(), 0));
            case HISTOGRAM -> List.of(visual(insight, ChartKind.HISTOGRAM, dimensions, measures, List.of(), 0));
            case MAP -> map(insight, dimensions, measures, sorts, limit);
        };
    }

    /** One KPI per measure of the insight, titled by the measure. */
    private List<VisualSpec> kpis(Insight insight, List<dev.apigwinsights.insights.Measure> catalog, List<Measure> measures) {
        List<VisualSpec> out = new ArrayList<>();
        for (int i = 0; i < measures.size(); i++) {
            if (catalog.get(i).column().role() != ColumnRole.MEASURE) {
                continue;
            }
            out.add(VisualSpec.of(kpiId(insight, catalog.get(i).name()), dataSet, ChartKind.KPI,
                    kpiTitle(insight, catalog.get(i).label()), insight.question(), List.of(), List.of(measures.get(i))));
        }
        return out;
    }

    static String kpiId(Insight insight, String column) {
        return insight.id() + "-" + column;
    }

    static String kpiTitle(Insight insight, String label) {
        return insight.title() + ": " + label;
    }

    /** A filled map of the first measure, and a table with every measure by location. */
    private List<VisualSpec> map(Insight insight, List<Dimension> dimensions, List<Measure> measures,
                                 List<VisualSpec.Sort> sorts, int limit) {
        List<VisualSpec> out = new ArrayList<>();
        out.add(VisualSpec.of(insight.id(), dataSet, ChartKind.FILLED_MAP, insight.title(), insight.question(),
                dimensions, List.of(measures.get(0))));
        if (measures.size() > 1) {
            VisualSpec table = new VisualSpec(insight.id() + "-table", dataSet, ChartKind.TABLE, insight.title() + " (table)",
                    insight.question(), dimensions, measures, sorts, java.util.OptionalInt.empty());
            out.add(limit > 0 ? table.top(limit) : table);
        }
        return out;
    }

    private VisualSpec visual(Insight insight, ChartKind kind, List<Dimension> dimensions, List<Measure> measures,
                              List<VisualSpec.Sort> sorts, int limit) {
        VisualSpec visual = new VisualSpec(insight.id(), dataSet, kind, insight.title(), insight.question(), dimensions,
                measures, sorts, java.util.OptionalInt.empty());
        return limit > 0 ? visual.top(limit) : visual;
    }

    private static boolean sameUnit(List<Measure> measures) {
        return measures.stream().map(Measure::unit).distinct().count() == 1;
    }

    private VisualSpec rows(Insight insight, InsightQuery.Rows query) {
        List<Dimension> columns = new ArrayList<>();
        for (dev.apigwinsights.insights.Dimension d : query.columnsShown()) {
            columns.add(dimension(d));
        }
        List<VisualSpec.Sort> sorts = new ArrayList<>(sorts(insight, query.order(), query.columnsShown(), List.of()));
        // Ties broken by request id, as the catalog's SQL breaks them, so both show the same rows.
        int requestId = indexOf(query.columnsShown().stream().map(dev.apigwinsights.insights.Dimension::name).toList(), "request_id");
        if (requestId >= 0 && query.order().stream().noneMatch(o -> o.column().equals("request_id"))) {
            sorts.add(VisualSpec.Sort.byDimension(requestId, false));
        }
        return new VisualSpec(insight.id(), dataSet, ChartKind.ROWS, insight.title(), insight.question(), columns, List.of(),
                sorts, java.util.OptionalInt.of(query.limit()));
    }

    private List<VisualSpec.Sort> sorts(Insight insight, List<Order> order, List<dev.apigwinsights.insights.Dimension> dimensions,
                                        List<dev.apigwinsights.insights.Measure> measures) {
        List<VisualSpec.Sort> out = new ArrayList<>();
        for (Order o : order) {
            int d = indexOf(dimensions.stream().map(dev.apigwinsights.insights.Dimension::name).toList(), o.column());
            int m = indexOf(measures.stream().map(dev.apigwinsights.insights.Measure::name).toList(), o.column());
            if (d >= 0) {
                out.add(VisualSpec.Sort.byDimension(d, o.descending()));
            } else if (m >= 0) {
                out.add(VisualSpec.Sort.byMeasure(m, o.descending()));
            } else {
                throw new IllegalArgumentException(insight.id() + " orders by " + o.column() + ", which it does not have");
            }
        }
        return out;
    }

    private static int indexOf(List<String> names, String name) {
        return names.indexOf(name);
    }

    private Dimension dimension(dev.apigwinsights.insights.Dimension d) {
        if (d.expr() instanceof Expr.Bucket bucket) {
            return Dimension.time("request_time", granularity(bucket.grain()), d.label());
        }
        Dimension dimension = Dimension.of(fields.column(d.expr(), d.name()), d.label());
        return d.expr().type() == ValueType.BIGINT || d.expr().type() == ValueType.DOUBLE
                ? dimension.withUnit(unit(d.unit(), d.expr().type())) : dimension;
    }

    /** The catalog's grain; {@code AUTO} as the catalog resolves it for the dashboard's default window. */
    static TimeGranularity granularity(TimeGrain grain) {
        TimeGrain resolved = grain.resolve(TimeRange.ending(Instant.EPOCH.plus(DEFAULT_WINDOW), DEFAULT_WINDOW));
        return TimeGranularity.valueOf(resolved.name());
    }

    private Measure measure(dev.apigwinsights.insights.Measure m) {
        Unit unit = unit(m.unit(), m.type());
        String label = m.label();
        String rows = Measure.ROW_COUNT_COLUMN;
        switch (m.aggregation()) {
            case COUNT:
                if (m.when() == null) {
                    return new Measure(rows, Aggregation.count(), label, unit);
                }
                return precomputed(m, "countIf({" + rows + "}, " + Expressions.of(m.when()) + ")", ColumnType.INTEGER, unit);
            case RATE: {
                String matching = "countIf({" + rows + "}, " + Expressions.of(m.when()) + ")";
                String over = m.over() == null ? "count({" + rows + "})" : "countIf({" + rows + "}, " + Expressions.of(m.over()) + ")";
                // A group always has a row; one without a row of the "over" condition has no rate (null, as in SQL).
                String expression = m.over() == null ? "100.0 * " + matching + " / " + over
                        : "ifelse(" + over + " = 0, NULL, 100.0 * " + matching + " / " + over + ")";
                return precomputed(m, expression, ColumnType.DECIMAL, unit);
            }
            case PERCENTILE: {
                String value = m.when() == null ? fields.column(m.value(), m.name())
                        : fields.calculated("ifelse(" + Expressions.of(m.when()) + ", " + Expressions.of(m.value()) + ", NULL)",
                                m.name() + "_value", DerivedFields.typeOf(m.value().type()), false);
                return new Measure(value, Aggregation.percentile(Math.round(m.quantile() * 10_000) / 100.0), label, unit);
            }
            default:
                break;
        }
        Aggregation.Function function = switch (m.aggregation()) {
            case DISTINCT_COUNT -> Aggregation.Function.DISTINCT_COUNT;
            case SUM -> Aggregation.Function.SUM;
            case AVG -> Aggregation.Function.AVERAGE;
            case MIN -> Aggregation.Function.MIN;
            case MAX -> Aggregation.Function.MAX;
            default -> throw new IllegalStateException(m.aggregation().name());
        };
        if (m.when() == null) {
            return new Measure(fields.column(m.value(), m.name()), new Aggregation.Simple(function), label, unit);
        }
        if (m.value().type() == ValueType.TIMESTAMP || m.value().type() == ValueType.STRING && function != Aggregation.Function.DISTINCT_COUNT) {
            throw new NotShown(m.name() + ": QuickSight has no conditional " + function + " of a " + m.value().type());
        }
        String conditional = switch (function) {
            case DISTINCT_COUNT -> "distinct_countIf";
            case SUM -> "sumIf";
            case AVERAGE -> "avgIf";
            case MIN -> "minIf";
            case MAX -> "maxIf";
            case COUNT -> throw new IllegalStateException("counts are handled above");
        };
        ColumnType type = function == Aggregation.Function.DISTINCT_COUNT ? ColumnType.INTEGER
                : function == Aggregation.Function.AVERAGE ? ColumnType.DECIMAL : DerivedFields.typeOf(m.value().type());
        return precomputed(m, conditional + "(" + Expressions.of(m.value()) + ", " + Expressions.of(m.when()) + ")", type, unit);
    }

    private Measure precomputed(dev.apigwinsights.insights.Measure m, String expression, ColumnType type, Unit unit) {
        return new Measure(fields.calculated(expression, m.name(), type, true), Aggregation.precomputed(), m.label(), unit);
    }

    /** The number format of a catalog unit; a unit-less number by its type. */
    static Unit unit(dev.apigwinsights.insights.Unit unit, ValueType type) {
        return switch (unit) {
            case COUNT -> Unit.COUNT;
            case PERCENT -> Unit.PERCENT;
            case MILLISECONDS -> Unit.MILLISECONDS;
            case SECONDS -> Unit.SECONDS;
            case BYTES -> Unit.BYTES;
            case RATIO -> Unit.MULTIPLE;
            case CURRENCY, SCORE -> Unit.DECIMAL;
            case NONE -> switch (type) {
                case TIMESTAMP -> Unit.TIME;
                case BIGINT -> Unit.COUNT;
                default -> Unit.DECIMAL;
            };
        };
    }
}
