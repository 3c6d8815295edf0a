package dev.apigwinsights.quicksight;

import dev.apigwinsights.schema.CanonicalField;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of a QuickSight data set: those read from its table (or its custom SQL), in order,
 * then those it computes with a QuickSight expression ({@code CreateColumnsOperation}), and the
 * geographic roles of some (a country column for filled maps). {@link #accessLogs()} is the data
 * set over the Glue table {@code access_logs}: every canonical column QuickSight can type, the
 * partition columns (strings, as in Glue), and {@link #REQUEST_DATE}.
 */
public final class DataSetColumns {

    public record Column(String name, ColumnType type) {
    }

    /**
     * A column the data set computes from the partition columns: the request's day as a date.
     * Filtering on it (rather than on request_time) lets Athena prune day partitions, so a 7-day
     * view reads 7 days of files instead of the whole table.
     */
    public static final String REQUEST_DATE = "request_date";

    /** QuickSight's expression for {@link #REQUEST_DATE}. */
    public static final String REQUEST_DATE_EXPRESSION = "parseDate(concat({year}, '-', {month}, '-', {day}), 'yyyy-MM-dd')";

    private static final DataSetColumns ACCESS_LOGS = fromCanonicalSchema();

    private final Map<String, Column> byName;
    private final int tableColumns;
    private final Map<String, String> expressions;
    private final Map<String, String> geographicRoles;

    private DataSetColumns(List<Column> columns, int tableColumns, Map<String, String> expressions,
                           Map<String, String> geographicRoles) {
        Map<String, Column> map = new LinkedHashMap<>();
        for (Column column : columns) {
            if (map.put(column.name(), column) != null) {
                throw new IllegalArgumentException("duplicate column " + column.name());
            }
        }
        this.byName = Collections.unmodifiableMap(map);
        this.tableColumns = tableColumns;
        this.expressions = Collections.unmodifiableMap(new LinkedHashMap<>(expressions));
        this.geographicRoles = Collections.unmodifiableMap(new LinkedHashMap<>(geographicRoles));
    }

    /** A data set whose columns all come from its table (or its custom SQL). */
    public static DataSetColumns of(List<Column> columns) {
        return new DataSetColumns(columns, columns.size(), Map.of(), Map.of());
    }

    /** The access_logs table as QuickSight sees it. */
    public static DataSetColumns accessLogs() {
        return ACCESS_LOGS;
    }

    private static DataSetColumns fromCanonicalSchema() {
        List<Column> columns = new ArrayList<>();
        for (CanonicalField field : CanonicalField.values()) {
            ColumnType.of(field.type()).ifPresent(type -> columns.add(new Column(field.column(), type)));
        }
        for (String key : CanonicalField.partitionKeys()) {
            columns.add(new Column(key, ColumnType.STRING));
        }
        return accessLogs(columns);
    }

    /**
     * An access-log table with these columns (which must include the partition columns) and
     * {@link #REQUEST_DATE}: for a schema other than today's {@code CanonicalField}, e.g. in tests
     * of a column another change adds.
     */
    public static DataSetColumns accessLogs(List<Column> tableColumns) {
        return new DataSetColumns(tableColumns, tableColumns.size(), Map.of(), Map.of())
                .withComputed(REQUEST_DATE, ColumnType.DATETIME, REQUEST_DATE_EXPRESSION);
    }

    /** Canonical columns left out because QuickSight has no type for them. */
    public static List<CanonicalField> untypable() {
        List<CanonicalField> out = new ArrayList<>();
        for (CanonicalField field : CanonicalField.values()) {
            if (ColumnType.of(field.type()).isEmpty()) {
                out.add(field);
            }
        }
        return out;
    }

    /** These columns plus one the data set computes with {@code expression} (a QuickSight calculation over them). */
    public DataSetColumns withComputed(String name, ColumnType type, String expression) {
        List<Column> columns = new ArrayList<>(byName.values());
        columns.add(new Column(name, type));
        Map<String, String> more = new LinkedHashMap<>(expressions);
        more.put(name, expression);
        return new DataSetColumns(columns, tableColumns, more, geographicRoles);
    }

    /** These columns with {@code column} tagged with a geographic role ({@code COUNTRY}, ...), which filled maps need. */
    public DataSetColumns withGeographicRole(String column, String role) {
        require(column);
        Map<String, String> more = new LinkedHashMap<>(geographicRoles);
        more.put(column, role);
        return new DataSetColumns(List.copyOf(byName.values()), tableColumns, expressions, more);
    }

    /** Every column visuals and filters can use: the table's, then the computed ones. */
    public List<Column> all() {
        return List.copyOf(byName.values());
    }

    /** The columns read from the table (the data set's {@code InputColumns}). */
    public List<Column> tableColumns() {
        return all().subList(0, tableColumns);
    }

    /** The columns the data set computes ({@code CreateColumnsOperation}), in order. */
    public List<Column> computedColumns() {
        return all().subList(tableColumns, byName.size());
    }

    /** The expression of a computed column. */
    public String expression(String computedColumn) {
        String expression = expressions.get(computedColumn);
        if (expression == null) {
            throw new IllegalArgumentException("'" + computedColumn + "' is not a computed column");
        }
        return expression;
    }

    /** Geographic roles by column name. */
    public Map<String, String> geographicRoles() {
        return geographicRoles;
    }

    public Optional<Column> column(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The column, or an exception naming it: for builders, which must only use real columns. */
    public Column require(String name) {
        Column column = byName.get(name);
        if (column == null) {
            throw new IllegalArgumentException("no column '" + name + "' in the data set");
        }
        return column;
    }
}
