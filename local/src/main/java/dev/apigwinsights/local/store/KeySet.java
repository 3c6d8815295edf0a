package dev.apigwinsights.local.store;

import java.util.Arrays;

/**
 * An open-addressing set of 64-bit key hashes, to notice cheaply whether a chunk holds the same
 * key twice. A hash collision only sends that day down the exact (slower) dedupe path, so
 * collisions cost time, never rows.
 */
final class KeySet {
    private long[] slots = new long[1 << 16];
    private boolean hasZero;
    private int size;

    /** Adds a hash; false when it was already present. */
    boolean add(long hash) {
        if (hash == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if (size * 2 >= slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int i = (int) mix(hash) & mask;
        while (slots[i] != 0) {
            if (slots[i] == hash) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = hash;
        size++;
        return true;
    }

    void clear() {
        if (slots.length > 1 << 16) {
            slots = new long[1 << 16];
        } else {
            Arrays.fill(slots, 0);
        }
        hasZero = false;
        size = 0;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        for (long h : old) {
            if (h != 0) {
                add(h);
            }
        }
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
