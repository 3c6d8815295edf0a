package dev.apigwinsights.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/**
 * Per-round measurements of two alternatives A and B taken in one JVM, alternating A B / B A, and
 * how they are reported: each side's median per batch and per record, and the paired per-round
 * ratios B/A with their quartiles (the spread), which load changes between rounds hardly move.
 */
final class PairedTimes {
    private final long[][] values;

    PairedTimes(int rounds) {
        this.values = new long[2][rounds];
    }

    /** Which side runs at position {@code k} (0 or 1) of round {@code i}: A B, then B A. */
    static int side(int round, int k) {
        return (round % 2 == 0) == (k == 0) ? 0 : 1;
    }

    void set(int side, int round, long value) {
        values[side][round] = value;
    }

    /** One line: medians of A and B (in ms and ns per record for times), and the per-round B/A ratios. */
    String report(String what, int records, boolean nanos) {
        int n = values[0].length;
        double[] ratios = new double[n];
        for (int i = 0; i < n; i++) {
            ratios[i] = (double) values[1][i] / values[0][i];
        }
        Arrays.sort(ratios);
        long[] a = values[0].clone();
        long[] b = values[1].clone();
        Arrays.sort(a);
        Arrays.sort(b);
        String sides = nanos
                ? String.format(Locale.ROOT, "A median %.2f ms (%.0f ns/record), B median %.2f ms (%.0f ns/record)",
                        a[n / 2] / 1e6, (double) a[n / 2] / records, b[n / 2] / 1e6, (double) b[n / 2] / records)
                : String.format(Locale.ROOT, "A median %.0f bytes/record, B median %.0f bytes/record",
                        (double) a[n / 2] / records, (double) b[n / 2] / records);
        return String.format(Locale.ROOT, "%s: %s; B/A per round: median %+.1f%%, p25 %+.1f%%, p75 %+.1f%%; ratio of medians %+.1f%%",
                what, sides, (ratios[n / 2] - 1) * 100, (ratios[n / 4] - 1) * 100, (ratios[3 * n / 4] - 1) * 100,
                ((double) b[n / 2] / a[n / 2] - 1) * 100);
    }
}
