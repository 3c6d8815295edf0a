package dev.apigwinsights.quicksight;

/**
 * How a measure folds many rows into one number: a simple function, a percentile, or nothing when
 * the field is an aggregated calculated field (a rate such as {@code 100 * countIf(...) / count(...)})
 * that aggregates itself.
 */
public sealed interface Aggregation permits Aggregation.Simple, Aggregation.Percentile, Aggregation.Precomputed {

    /** True when the aggregation needs a numeric column (COUNT and DISTINCT_COUNT take any column). */
    boolean needsNumericColumn();

    /** Short label for titles and field ids: {@code p95}, {@code avg}, {@code count}. */
    String label();

    enum Function {
        COUNT("count", false), DISTINCT_COUNT("distinct", false), SUM("sum", true), AVERAGE("avg", true),
        MIN("min", true), MAX("max", true);

        private final String label;
        private final boolean numeric;

        Function(String label, boolean numeric) {
            this.label = label;
            this.numeric = numeric;
        }
    }

    record Simple(Function function) implements Aggregation {
        @Override
        public boolean needsNumericColumn() {
            return function.numeric;
        }

        @Override
        public String label() {
            return function.label;
        }
    }

    /** A percentile between 0 and 100 (QuickSight computes it with {@code percentileDisc}-like semantics on Athena). */
    record Percentile(double percentile) implements Aggregation {
        public Percentile {
            if (!(percentile > 0 && percentile < 100)) {
                throw new IllegalArgumentException("a percentile is between 0 and 100, got " + percentile);
            }
        }

        @Override
        public boolean needsNumericColumn() {
            return true;
        }

        @Override
        public String label() {
            return "p" + (percentile == Math.rint(percentile) ? String.valueOf((long) percentile) : String.valueOf(percentile).replace('.', '_'));
        }
    }

    /** The field aggregates itself (an aggregated calculated field): the field well sets no aggregation function. */
    record Precomputed() implements Aggregation {
        @Override
        public boolean needsNumericColumn() {
            return true;
        }

        @Override
        public String label() {
            return "value";
        }
    }

    static Aggregation precomputed() {
        return new Precomputed();
    }

    static Aggregation count() {
        return new Simple(Function.COUNT);
    }

    static Aggregation average() {
        return new Simple(Function.AVERAGE);
    }

    static Aggregation max() {
        return new Simple(Function.MAX);
    }

    static Aggregation min() {
        return new Simple(Function.MIN);
    }

    static Aggregation sum() {
        return new Simple(Function.SUM);
    }

    static Aggregation distinctCount() {
        return new Simple(Function.DISTINCT_COUNT);
    }

    static Aggregation percentile(double p) {
        return new Percentile(p);
    }
}
