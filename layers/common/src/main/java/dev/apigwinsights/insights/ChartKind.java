package dev.apigwinsights.insights;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How an insight is drawn. Each kind states which {@link ColumnRole}s its result must have; the
 * catalog test holds every insight to that contract, so a chart generator can rely on it:
 *
 * <table>
 *   <caption>Column contract per chart kind</caption>
 *   <tr><th>Kind</th><th>Columns</th><th>QuickSight / ECharts</th></tr>
 *   <tr><td>KPI</td><td>one row; MEASUREs only</td><td>KPIVisual / big number</td></tr>
 *   <tr><td>LINE</td><td>one TIME, at most one SERIES, MEASUREs</td><td>LineChartVisual / line</td></tr>
 *   <tr><td>BAR</td><td>one DIMENSION, MEASUREs</td><td>BarChartVisual / bar</td></tr>
 *   <tr><td>STACKED_BAR</td><td>one TIME or DIMENSION, one SERIES, one MEASURE</td><td>BarChartVisual (stacked) / bar with stack</td></tr>
 *   <tr><td>PIE</td><td>one DIMENSION, one MEASURE</td><td>PieChartVisual / pie</td></tr>
 *   <tr><td>TABLE</td><td>any columns</td><td>TableVisual / table</td></tr>
 *   <tr><td>PIVOT</td><td>one DIMENSION (rows), one SERIES (columns), one MEASURE</td><td>PivotTableVisual / table</td></tr>
 *   <tr><td>HEATMAP</td><td>one DIMENSION (y), one SERIES (x), one MEASURE</td><td>HeatMapVisual / heatmap</td></tr>
 *   <tr><td>HISTOGRAM</td><td>one DIMENSION holding a bucket's lower bound (number), one MEASURE</td><td>BarChartVisual / bar</td></tr>
 *   <tr><td>MAP</td><td>one LOCATION (ISO 3166-1 alpha-2 country), MEASUREs</td><td>FilledMapVisual / map</td></tr>
 * </table>
 */
public enum ChartKind {
    KPI, LINE, BAR, STACKED_BAR, PIE, TABLE, PIVOT, HEATMAP, HISTOGRAM, MAP;

    /** Why {@code columns} do not fit this kind's contract (see the table above), or empty when they do. */
    public Optional<String> problemWith(List<ResultColumn> columns) {
        Map<ColumnRole, Long> n = new EnumMap<>(ColumnRole.class);
        for (ColumnRole r : ColumnRole.values()) {
            n.put(r, 0L);
        }
        columns.forEach(c -> n.merge(c.role(), 1L, Long::sum));
        long time = n.get(ColumnRole.TIME);
        long dim = n.get(ColumnRole.DIMENSION);
        long series = n.get(ColumnRole.SERIES);
        long location = n.get(ColumnRole.LOCATION);
        long measures = n.get(ColumnRole.MEASURE);
        boolean ok;
        switch (this) {
            case KPI:
                ok = measures >= 1 && time + dim + series + location == 0;
                break;
            case LINE:
                ok = time == 1 && series <= 1 && measures >= 1 && dim + location == 0;
                break;
            case BAR:
                ok = dim == 1 && measures >= 1 && time + series + location == 0;
                break;
            case STACKED_BAR:
                ok = time + dim == 1 && series == 1 && measures == 1 && location == 0;
                break;
            case PIE:
                ok = dim == 1 && measures == 1 && time + series + location == 0;
                break;
            case PIVOT:
            case HEATMAP:
                ok = dim == 1 && series == 1 && measures == 1 && time + location == 0;
                break;
            case HISTOGRAM:
                ok = dim == 1 && measures == 1 && time + series + location == 0
                        && columns.stream().anyMatch(c -> c.role() == ColumnRole.DIMENSION
                                && (c.type() == ValueType.BIGINT || c.type() == ValueType.DOUBLE));
                break;
            case MAP:
                ok = location == 1 && measures >= 1 && time + series + dim == 0;
                break;
            default:
                ok = !columns.isEmpty();
        }
        return ok ? Optional.empty() : Optional.of(id() + " does not take columns with roles " + n);
    }

    /** Stable snake_case id, e.g. {@code stacked_bar}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
