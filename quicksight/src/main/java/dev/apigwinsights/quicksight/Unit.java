package dev.apigwinsights.quicksight;

/** What a measure counts, which decides its number format. */
public enum Unit {
    /** Plain counts: thousands separators, no decimals, scaled (12.3K) on KPIs. */
    COUNT,
    /** Milliseconds: no decimals, " ms" suffix. */
    MILLISECONDS,
    /** Bytes: scaled automatically. */
    BYTES,
    /** A ratio from 0 to 1 shown as a percentage with one decimal. */
    RATIO,
    /** A timestamp (data freshness). */
    TIME
}
