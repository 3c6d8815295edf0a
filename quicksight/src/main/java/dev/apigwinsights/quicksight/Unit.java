package dev.apigwinsights.quicksight;

/** What a measure counts, which decides its number format. */
public enum Unit {
    /** Plain counts: thousands separators, no decimals. */
    COUNT,
    /** Milliseconds: no decimals, " ms" suffix. */
    MILLISECONDS,
    /** Seconds: one decimal, " s" suffix. */
    SECONDS,
    /** Bytes: scaled automatically (12.3K B). */
    BYTES,
    /** A percentage already scaled to 0-100 (the catalog's rates): one decimal and a "%" suffix, never multiplied again. */
    PERCENT,
    /** A multiple of something (a burn rate of 2.50x): two decimals and an "x" suffix. */
    MULTIPLE,
    /** Any other number (a z-score, an amount of money): two decimals. */
    DECIMAL,
    /** A timestamp (first or last seen, data freshness). */
    TIME
}
