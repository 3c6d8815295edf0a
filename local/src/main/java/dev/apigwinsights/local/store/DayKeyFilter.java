package dev.apigwinsights.local.store;

/**
 * A Bloom filter of (day, dedupe key) hashes: the keys a day's stored files hold, as far as this
 * run knows them. "Not present" is certain, so a row it has not seen skips the anti-join against
 * the day's files, whose cost grows with every file the day already has; "maybe" sends the row
 * to that exact check. A false positive costs a little time, never a row.
 *
 * <p>Blocked (all of a key's bits in one 64-byte cache line: one cache miss per stage) and grown in
 * stages, each twice the one before, since the input's size is unknown up front; a lookup asks
 * every stage. Past {@code maxBytes} the last stage takes every further key and its false
 * positive rate climbs, so memory stays bounded whatever the input size and, at worst, every row
 * takes the exact path again.
 *
 * <p>Not thread-safe: the store's writer thread owns it.
 */
final class DayKeyFilter {
    /** About ten bits per key with five bits set per key: about 1% false positives. */
    private static final int BITS_PER_KEY = 10;
    private static final int BITS_SET = 5;
    private static final int BLOCK_LONGS = 8;

    /** {@link #hash} of no bytes, which {@link #hashNext} continues from. */
    static final long EMPTY_HASH = 0xcbf29ce484222325L;

    private final long maxBytes;
    private long[][] stages = new long[0][];
    private long[] capacities = new long[0];
    private long lastStageKeys;
    private long usedBytes;
    private long nextCapacity;

    /**
     * @param firstCapacity keys the first stage holds at about 1% false positives
     * @param maxBytes      the most the stages take together
     */
    DayKeyFilter(long firstCapacity, long maxBytes) {
        this.nextCapacity = Math.max(1024, firstCapacity);
        this.maxBytes = maxBytes;
    }

    /** Adds a key; true when it may have been added before (certainly so, when it was). */
    boolean add(long dayKeyHash) {
        long h = mix(dayKeyHash);
        boolean seen = mightContain(h);
        if (!seen) {
            set(lastStage(), h);
            lastStageKeys++;
        }
        return seen;
    }

    /** The hash of a key within a day, from {@link #hash} of each. */
    static long dayKey(long dayHash, long keyHash) {
        return keyHash ^ Long.rotateLeft(dayHash * 0x9e3779b97f4a7c15L, 29);
    }

    /** FNV-1a over {@code b[from, to)}: the hash the writer takes of a key's bytes. */
    static long hash(byte[] b, int from, int to) {
        long h = EMPTY_HASH;
        for (int i = from; i < to; i++) {
            h = hashNext(h, b[i]);
        }
        return h;
    }

    /** {@link #hash} of the bytes so far, {@code h}, followed by {@code b}. */
    static long hashNext(long h, byte b) {
        return (h ^ b) * 0x100000001b3L;
    }

    /** Bytes the filter holds now. */
    long bytes() {
        return usedBytes;
    }

    private boolean mightContain(long h) {
        for (long[] stage : stages) {
            if (isSet(stage, h)) {
                return true;
            }
        }
        return false;
    }

    private long[] lastStage() {
        int n = stages.length;
        if (n == 0 || lastStageKeys >= capacities[n - 1]) {
            long bytes = bytesFor(nextCapacity);
            if (n == 0 || usedBytes + bytes <= maxBytes) {
                stages = java.util.Arrays.copyOf(stages, n + 1);
                capacities = java.util.Arrays.copyOf(capacities, n + 1);
                stages[n] = new long[(int) (bytes / Long.BYTES)];
                capacities[n] = nextCapacity;
                usedBytes += bytes;
                nextCapacity *= 2;
                lastStageKeys = 0;
            } else {
                // At the cap: the last stage keeps filling and answers "maybe" more often.
                capacities[n - 1] = Long.MAX_VALUE;
            }
        }
        return stages[stages.length - 1];
    }

    private static long bytesFor(long capacity) {
        return Math.max(1, capacity * BITS_PER_KEY / (BLOCK_LONGS * Long.SIZE)) * BLOCK_LONGS * Long.BYTES;
    }

    private static boolean isSet(long[] stage, long h) {
        int block = block(stage, h);
        long bits = bitsHash(h);
        for (int i = 0; i < BITS_SET; i++) {
            int bit = (int) (bits & 511);
            if ((stage[block + (bit >>> 6)] & (1L << bit)) == 0) {
                return false;
            }
            bits >>>= 9;
        }
        return true;
    }

    private static void set(long[] stage, long h) {
        int block = block(stage, h);
        long bits = bitsHash(h);
        for (int i = 0; i < BITS_SET; i++) {
            int bit = (int) (bits & 511);
            stage[block + (bit >>> 6)] |= 1L << bit;
            bits >>>= 9;
        }
    }

    /** The block, from the hash's top 32 bits scaled to the block count (no power of two needed). */
    private static int block(long[] stage, long h) {
        long blocks = stage.length / BLOCK_LONGS;
        return (int) (((h >>> 32) * blocks) >>> 32) * BLOCK_LONGS;
    }

    /** The bits within a block, from a hash independent of the block's. */
    private static long bitsHash(long h) {
        return mix(h ^ 0x5bd1e9955bd1e995L);
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
