package dev.apigwinsights.insights;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The SQL engines insights run on, and the few places where their SQL differs. Everything else
 * the catalog writes is the common subset of Trino (Athena engine version 3) and DuckDB:
 * {@code count(*) FILTER (WHERE ...)} (not {@code count_if}: DuckDB's is null over no rows), {@code date_trunc}, {@code date_diff},
 * {@code coalesce}, {@code nullif}, {@code concat}, {@code greatest}, window functions, CTEs and
 * {@code VALUES}.
 */
public enum Dialect {
    /** Amazon Athena engine version 3 (Trino), over the Glue table with partition projection. */
    ATHENA {
        @Override
        public String percentile(String value, double quantile) {
            return "approx_percentile(CAST(" + value + " AS double), " + SqlLiterals.literal(quantile) + ")";
        }

        @Override
        public String integerDivide(String dividend, String divisor) {
            return "(" + dividend + ") / (" + divisor + ")";
        }

        @Override
        public String isoDayOfWeek(String timestamp) {
            return "day_of_week(" + timestamp + ")";
        }

        @Override
        public String plusDays(String timestamp, String days) {
            return "date_add('day', " + days + ", " + timestamp + ")";
        }

        @Override
        public String plusMonths(String timestamp, String months) {
            return "date_add('month', " + months + ", " + timestamp + ")";
        }

        @Override
        public Optional<String> percentileList(String value, List<Double> quantiles) {
            return Optional.empty(); // approx_percentile is one cheap sketch per call: nothing to share
        }

        @Override
        public String hourSeries(String first, String last, String alias) {
            return "UNNEST(sequence(" + first + ", " + last + ", INTERVAL '1' HOUR)) AS " + alias + "(hour_start)";
        }
    },
    /** DuckDB (local mode, tests): the same columns, as the {@code access_logs} view or table. */
    DUCKDB {
        @Override
        public String percentile(String value, double quantile) {
            return "quantile_cont(" + value + ", " + SqlLiterals.literal(quantile) + ")";
        }

        @Override
        public String integerDivide(String dividend, String divisor) {
            return "(" + dividend + ") // (" + divisor + ")";
        }

        @Override
        public String isoDayOfWeek(String timestamp) {
            return "isodow(" + timestamp + ")";
        }

        @Override
        public String plusDays(String timestamp, String days) {
            return "(" + timestamp + " + to_days(CAST(" + days + " AS INTEGER)))";
        }

        @Override
        public String plusMonths(String timestamp, String months) {
            return "(" + timestamp + " + to_months(CAST(" + months + " AS INTEGER)))";
        }

        @Override
        public Optional<String> percentileList(String value, List<Double> quantiles) {
            StringJoiner list = new StringJoiner(", ", "[", "]");
            quantiles.forEach(q -> list.add(SqlLiterals.literal(q)));
            return Optional.of("quantile_cont(" + value + ", " + list + ")");
        }

        @Override
        public String hourSeries(String first, String last, String alias) {
            return "(SELECT unnest(generate_series(" + first + ", " + last + ", INTERVAL 1 HOUR)) AS hour_start) " + alias;
        }
    };

    /** Column names that must be quoted in at least one engine ({@code user} is a keyword in DuckDB). */
    private static final Set<String> QUOTED = Set.of("user");

    /**
     * The {@code quantile} (0-1) of {@code value} as a double: Athena's {@code approx_percentile}
     * (a t-digest, documented rank error about 1%), DuckDB's exact {@code quantile_cont} (linear
     * interpolation between the two nearest ranks).
     */
    public abstract String percentile(String value, double quantile);

    /**
     * One aggregate returning several quantiles of {@code value} as a list (1-based), when the engine
     * computes them in one pass: DuckDB's exact {@code quantile_cont} sorts once for a list but once
     * per call otherwise (2&ndash;3x slower for p50/p95/p99 over 10 million rows), and it evaluates
     * identical aggregates once, so {@code quantile_cont(x, [..])[i]} per measure costs one sort.
     */
    public abstract Optional<String> percentileList(String value, List<Double> quantiles);

    /** Integer division of two BIGINT expressions, truncating ({@code /} is fractional in DuckDB). */
    public abstract String integerDivide(String dividend, String divisor);

    /** ISO day of week of a timestamp: 1 = Monday ... 7 = Sunday. */
    public abstract String isoDayOfWeek(String timestamp);

    /** {@code timestamp} plus a whole number of days (an integer SQL expression). */
    public abstract String plusDays(String timestamp, String days);

    /** {@code timestamp} plus a whole number of months (an integer SQL expression). */
    public abstract String plusMonths(String timestamp, String months);

    /**
     * A relation {@code alias(hour_start)} with one row per hour from {@code first} to {@code last}
     * inclusive (timestamps). Athena's {@code sequence} stops at 10,000 elements: callers keep
     * series under that (about 416 days).
     */
    public abstract String hourSeries(String first, String last, String alias);

    /** A column reference, quoted where an engine needs it. */
    public String column(String name) {
        return QUOTED.contains(name) ? '"' + name + '"' : name;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
