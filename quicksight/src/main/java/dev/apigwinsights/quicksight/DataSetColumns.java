package dev.apigwinsights.quicksight;

import dev.apigwinsights.schema.CanonicalField;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of the QuickSight data set over the Glue table {@code access_logs}: every canonical
 * column QuickSight can type, in table order, then the partition columns (strings, as in Glue),
 * then {@link #REQUEST_DATE}, which the data set computes.
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

    private DataSetColumns(List<Column> columns, int tableColumns) {
        Map<String, Column> map = new LinkedHashMap<>();
        for (Column column : columns) {
            if (map.put(column.name(), column) != null) {
                throw new IllegalArgumentException("duplicate column " + column.name());
            }
        }
        this.byName = Collections.unmodifiableMap(map);
        this.tableColumns = tableColumns;
    }

    /** A data set whose columns all come from its table. */
    public static DataSetColumns of(List<Column> columns) {
        return new DataSetColumns(columns, columns.size());
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
        int table = columns.size();
        columns.add(new Column(REQUEST_DATE, ColumnType.DATETIME));
        return new DataSetColumns(columns, table);
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

    /** Every column visuals and filters can use: the table's, then the computed ones. */
    public List<Column> all() {
        return List.copyOf(byName.values());
    }

    /** The columns read from the table (the data set's {@code InputColumns}). */
    public List<Column> tableColumns() {
        return all().subList(0, tableColumns);
    }

    /** The columns the data set computes ({@code CreateColumnsOperation}). */
    public List<Column> computedColumns() {
        return all().subList(tableColumns, byName.size());
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
