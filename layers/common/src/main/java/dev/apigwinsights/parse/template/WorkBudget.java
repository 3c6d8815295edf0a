package dev.apigwinsights.parse.template;

/**
 * Bounds the work spent matching one line, so that no input (however long or repetitive) can make
 * the backtracking search slow. One unit is one candidate split tried, one literal occurrence
 * indexed, or {@value #CHARS_PER_UNIT} characters scanned for a value's shape.
 */
final class WorkBudget {
    static final int CHARS_PER_UNIT = 32;

    /**
     * Batch-budget units (about a nanosecond each) per unit here: a worst-case search took 37 ns per
     * unit (JDK 17, C2; {@code BatchHeap unlimited}).
     */
    static final int BATCH_UNITS_PER_UNIT = 40;

    private final long initial;
    private long remaining;

    WorkBudget(long units) {
        this.initial = units;
        this.remaining = units;
    }

    /** What the search spent so far, in batch-budget units (see {@code RawAccessLog#addWork}). */
    long spentInBatchUnits() {
        return (initial - Math.max(remaining, -1)) * BATCH_UNITS_PER_UNIT;
    }

    void spend() throws Exhausted {
        if (--remaining < 0) {
            throw Exhausted.INSTANCE;
        }
    }

    void spendScan(int chars) throws Exhausted {
        remaining -= 1 + chars / CHARS_PER_UNIT;
        if (remaining < 0) {
            throw Exhausted.INSTANCE;
        }
    }

    /** Thrown when the budget runs out; carries no payload and no stack trace. */
    static final class Exhausted extends Exception {
        private static final long serialVersionUID = 1L;
        static final Exhausted INSTANCE = new Exhausted();

        private Exhausted() {
            super("search budget exhausted", null, false, false);
        }
    }
}
