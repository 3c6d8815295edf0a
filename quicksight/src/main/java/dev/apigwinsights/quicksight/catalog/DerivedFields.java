package dev.apigwinsights.quicksight.catalog;

import dev.apigwinsights.insights.Columns;
import dev.apigwinsights.insights.Expr;
import dev.apigwinsights.insights.ValueType;
import dev.apigwinsights.quicksight.CalculatedField;
import dev.apigwinsights.quicksight.ColumnType;
import dev.apigwinsights.quicksight.DataSetColumns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields the catalog's insights need beyond the table's columns, each declared once however
 * many insights use it: row values the catalog derives (route, principal, gateway overhead, time
 * of week, histogram bins) become columns the data set computes, so owners' own analyses and the
 * filters can use them too; per-visual conditions and self-aggregating measures (rates, counts of
 * matching rows) become calculated fields of the definition. Names are readable and stable: a
 * well-known value keeps its catalog name, others take the name an insight gives them; a name
 * already taken by another expression gets a numeric suffix.
 */
final class DerivedFields {

    /** Well-known derived values, by value (expressions are records): their names in the data set. */
    private static final Map<Expr, String> WELL_KNOWN = Map.of(
            Columns.ROUTE, "route",
            Columns.PRINCIPAL, "principal",
            Columns.GATEWAY_OVERHEAD_MS, "gateway_overhead_ms",
            new Expr.Minus(Columns.REQUEST_TIME_EPOCH_MS, Columns.CONNECTED_AT), "connection_duration_ms",
            new Expr.HourOfDay(), "hour_of_day",
            new Expr.DayOfWeek(), "weekday");

    private final String dataSet;
    private DataSetColumns columns;
    private final Map<String, String> computedByExpression = new HashMap<>();
    private final Map<String, CalculatedField> calculatedByExpression = new LinkedHashMap<>();
    private final Set<String> names = new HashSet<>();

    DerivedFields(String dataSet, DataSetColumns columns) {
        this.dataSet = dataSet;
        this.columns = columns;
        columns.all().forEach(c -> names.add(c.name()));
    }

    /** The data set's columns, with every computed column declared so far. */
    DataSetColumns columns() {
        return columns;
    }

    /** The calculated fields declared so far, in order of first use. */
    List<CalculatedField> calculatedFields() {
        return new ArrayList<>(calculatedByExpression.values());
    }

    /** True when every column {@code expr} reads is in the data set (a catalog column may be pending, e.g. GeoIP's). */
    boolean canCompute(Expr expr) {
        return missingColumn(expr) == null;
    }

    /** A column {@code expr} reads that the data set lacks, or null. */
    String missingColumn(Expr expr) {
        if (expr instanceof Expr.Col c) {
            return columns.column(c.name()).isPresent() ? null : c.name();
        }
        if (expr instanceof Expr.Coalesce c) {
            return c.exprs().stream().map(this::missingColumn).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        }
        if (expr instanceof Expr.Minus m) {
            String left = missingColumn(m.left());
            return left != null ? left : missingColumn(m.right());
        }
        if (expr instanceof Expr.Bins b) {
            return missingColumn(b.value());
        }
        return columns.column("request_time").isPresent() ? null : "request_time";
    }

    /** The data-set field holding {@code expr} per row: the column itself, or a column the data set computes. */
    String column(Expr expr, String nameWhenNew) {
        if (expr instanceof Expr.Col c) {
            columns.require(c.name());
            return c.name();
        }
        return computed(Expressions.of(expr), WELL_KNOWN.getOrDefault(expr, nameWhenNew), typeOf(expr.type()));
    }

    /** A column the data set computes with {@code expression}; the same expression is declared once. */
    String computed(String expression, String nameWhenNew, ColumnType type) {
        String existing = computedByExpression.get(expression);
        if (existing != null) {
            return existing;
        }
        String name = freeName(nameWhenNew);
        columns = columns.withComputed(name, type, expression);
        computedByExpression.put(expression, name);
        return name;
    }

    /** A calculated field of the definition (aggregated or per row); the same expression is declared once. */
    String calculated(String expression, String nameWhenNew, ColumnType type, boolean aggregated) {
        CalculatedField existing = calculatedByExpression.get(expression);
        if (existing != null) {
            if (existing.aggregated() != aggregated || existing.type() != type) {
                throw new IllegalStateException(expression + " declared as " + existing + " and as " + type + "/" + aggregated);
            }
            return existing.name();
        }
        CalculatedField field = new CalculatedField(dataSet, freeName(nameWhenNew), expression, type, aggregated);
        calculatedByExpression.put(expression, field);
        return field.name();
    }

    private String freeName(String wanted) {
        String name = wanted;
        for (int i = 2; names.contains(name); i++) {
            name = wanted + "_" + i;
        }
        names.add(name);
        return name;
    }

    static ColumnType typeOf(ValueType type) {
        return switch (type) {
            case STRING -> ColumnType.STRING;
            case BIGINT -> ColumnType.INTEGER;
            case DOUBLE -> ColumnType.DECIMAL;
            case TIMESTAMP -> ColumnType.DATETIME;
            case BOOLEAN -> throw new IllegalArgumentException("QuickSight data sets here hold no booleans");
        };
    }
}
