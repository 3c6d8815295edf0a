package dev.apigwinsights.parse.template;

import java.util.Arrays;

/**
 * A set of non-negative longs with open addressing: the matcher's memo of failed (variable,
 * position) pairs. Its size is bounded by the work budget, not by the line length.
 */
final class LongSet {
    private static final long EMPTY = -1L;

    private long[] slots = newSlots(64);
    private int size;

    boolean contains(long key) {
        int mask = slots.length - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            long k = slots[i];
            if (k == key) {
                return true;
            }
            if (k == EMPTY) {
                return false;
            }
        }
    }

    void add(long key) {
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        if (insert(slots, key)) {
            size++;
        }
    }

    private static boolean insert(long[] table, long key) {
        int mask = table.length - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            long k = table[i];
            if (k == key) {
                return false;
            }
            if (k == EMPTY) {
                table[i] = key;
                return true;
            }
        }
    }

    private void grow() {
        long[] bigger = newSlots(slots.length * 2);
        for (long k : slots) {
            if (k != EMPTY) {
                insert(bigger, k);
            }
        }
        slots = bigger;
    }

    private static long[] newSlots(int n) {
        long[] a = new long[n];
        Arrays.fill(a, EMPTY);
        return a;
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
