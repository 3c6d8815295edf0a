package dev.apigwinsights.insights;

/** What a result column is for in a chart; see {@link ChartKind} for the combinations each kind takes. */
public enum ColumnRole {
    /** A time bucket (x axis of a line or stacked bar). */
    TIME,
    /** A category: the x axis of a bar, a pie slice, a table's key, a pivot's or heat map's rows. */
    DIMENSION,
    /** A second category that splits a measure into series (stacks, lines, pivot or heat map columns). */
    SERIES,
    /** A country code for a map. */
    LOCATION,
    /** A number to plot or show. */
    MEASURE,
    /** Extra information shown in tables only (first/last seen, ids). */
    DETAIL
}
