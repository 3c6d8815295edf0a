package dev.apigwinsights.quicksight;

/** The visual kinds the builders emit (the insight catalog's chart kinds map onto these). */
public enum ChartKind {
    /** One number (the first measure); dimensions must be empty. */
    KPI,
    /** Measures over a time dimension; a second dimension splits lines by colour. */
    LINE,
    /** Horizontal bars, one per category, largest first. */
    BAR,
    /** Vertical stacked bars: first dimension on the axis, second stacked. */
    STACKED_BAR,
    PIE,
    DONUT,
    /** Aggregated rows: the dimensions grouped, the measures as columns. */
    TABLE,
    /** Rows and columns: first dimension as rows, second as columns. */
    PIVOT,
    /** Colour grid: first dimension as rows, second as columns, one measure. */
    HEATMAP
}
