package dev.apigwinsights.quicksight;

/** The visual kinds the builders emit (the insight catalog's chart kinds map onto these). */
public enum ChartKind {
    /** One number (the first measure); dimensions must be empty. */
    KPI,
    /** Measures over a time dimension; a second dimension splits lines by colour (then one measure). */
    LINE,
    /** Horizontal bars, one per category; with several measures of different units use {@link #COMBO}. */
    BAR,
    /** Bars for the measures of the first measure's unit, lines (secondary axis) for the others, per category. */
    COMBO,
    /** Vertical stacked bars: first dimension on the axis, second stacked. */
    STACKED_BAR,
    PIE,
    DONUT,
    /** Aggregated rows: the dimensions grouped, the measures as columns. */
    TABLE,
    /** Individual rows (no aggregation): every field is a column. */
    ROWS,
    /** Rows and columns: first dimension as rows, second as columns. */
    PIVOT,
    /** Colour grid: first dimension as rows, second as columns, one measure. */
    HEATMAP,
    /** Vertical bars over a numeric bin (its lower edge), in bin order. */
    HISTOGRAM,
    /** Countries coloured by one measure; the dimension is a column with the COUNTRY geographic role. */
    FILLED_MAP
}
