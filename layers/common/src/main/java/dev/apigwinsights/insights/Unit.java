package dev.apigwinsights.insights;

/**
 * The unit of a result column, for formatting (QuickSight number formats, dashboard and report
 * labels). Rates and shares are percentages from 0 to 100 ({@link #PERCENT}), never fractions.
 */
public enum Unit {
    NONE(""),
    COUNT(""),
    PERCENT("%"),
    MILLISECONDS("ms"),
    SECONDS("s"),
    BYTES("B"),
    /** An amount of money in the currency the price parameters were given in. */
    CURRENCY(""),
    /** A multiple of something, e.g. a burn rate of 2.5x. */
    RATIO("x"),
    /** A dimensionless score, e.g. a z-score. */
    SCORE("");

    private final String suffix;

    Unit(String suffix) {
        this.suffix = suffix;
    }

    /** What to print after a value, e.g. {@code ms}; empty when nothing. */
    public String suffix() {
        return suffix;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
