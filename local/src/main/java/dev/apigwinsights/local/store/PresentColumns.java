package dev.apigwinsights.local.store;

import dev.apigwinsights.local.util.ByteArrays;
import dev.apigwinsights.schema.CanonicalField;
import dev.apigwinsights.util.ByteScan;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The stored columns that hold a value in at least one of a day's spooled rows, so that its row
 * file is written with those columns only. An all-null column is not free in a Parquet file:
 * DuckDB encodes every one of its nulls, and the canonical table has 88 columns of which a log
 * format fills about 35; writing only the filled ones halved the Parquet encoding's CPU (measured:
 * docs/local-mode.md). The {@code access_logs} view reads row files by column name and gives a
 * column no file has as null, so the rows read back exactly the same.
 *
 * <p>Only lines the transformer wrote are scanned ({@code CanonicalJsonWriter}: compact JSON, no
 * null values, every top-level key right after the object's {@code {} or a {@code ,}). Inside a
 * JSON string a quote is always escaped, so a quote right after {@code {} or {@code ,} followed by
 * a name and {@code ":} is a key: finding those pairs eight bytes at a time finds every top-level
 * key. A key of the nested {@code extra} map can be found too; that only writes an all-null
 * column, never loses a value. Any other row ({@link #addAll}) keeps every column.
 */
final class PresentColumns {
    private static final long QUOTES = 0x2222222222222222L;
    private static final long COMMAS = 0x2C2C2C2C2C2C2C2CL;
    private static final long BRACES = 0x7B7B7B7B7B7B7B7BL;
    /** Stored column names: the canonical columns in schema order, then the line hash. */
    private static final byte[][] NAMES;
    /** Per name, the first eight bytes of its key as written ({@code name":...}) and the mask of those that are known. */
    private static final long[] HEADS;
    private static final long[] HEAD_MASKS;
    /** Columns every row file has: the dedupe key's, which the anti-join and the window read by name. */
    private static final int[] ALWAYS;

    static {
        CanonicalField[] fields = CanonicalField.values();
        NAMES = new byte[fields.length + 1][];
        for (CanonicalField f : fields) {
            NAMES[f.ordinal()] = f.column().getBytes(StandardCharsets.US_ASCII);
        }
        NAMES[fields.length] = StoreSchema.LINE_HASH.getBytes(StandardCharsets.US_ASCII);
        HEADS = new long[NAMES.length];
        HEAD_MASKS = new long[NAMES.length];
        for (int c = 0; c < NAMES.length; c++) {
            byte[] key = (new String(NAMES[c], StandardCharsets.US_ASCII) + "\":").getBytes(StandardCharsets.US_ASCII);
            for (int k = 0; k < Math.min(Long.BYTES, key.length); k++) {
                HEADS[c] |= (key[k] & 0xFFL) << (k << 3);
                HEAD_MASKS[c] |= 0xFFL << (k << 3);
            }
        }
        ALWAYS = new int[] {CanonicalField.REQUEST_ID.ordinal(), fields.length};
    }

    private final boolean[] present = new boolean[NAMES.length];
    private boolean all;

    PresentColumns() {
        for (int i : ALWAYS) {
            present[i] = true;
        }
    }

    /** Whether stored column {@code name} (a canonical column or the line hash) is written. */
    boolean has(String name) {
        if (all) {
            return true;
        }
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < NAMES.length; i++) {
            if (Arrays.equals(NAMES[i], n)) {
                return present[i];
            }
        }
        return false;
    }

    /** Whether every column is written. */
    boolean all() {
        return all;
    }

    /** Keeps every column: for rows not written by the transformer (stored rows passed through). */
    void addAll() {
        all = true;
    }

    /** Marks the columns of one line the transformer wrote, {@code b[off, off + len)}. */
    void add(byte[] b, int off, int len) {
        if (all) {
            return;
        }
        int end = off + len;
        if (len < 2 || b[off] != '{' || b[off + 1] != '"') {
            all = true; // not the transformer's compact shape: keep everything rather than guess
            return;
        }
        int hint = 0;
        int i = off;
        long carry = 0;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long w = ByteScan.word(b, i);
            long openers = ByteArrays.equalBytes(w, COMMAS) | ByteArrays.equalBytes(w, BRACES);
            long keys = ByteArrays.equalBytes(w, QUOTES) & (openers << 8 | carry);
            carry = openers >>> 56;
            while (keys != 0) {
                int quote = i + (Long.numberOfTrailingZeros(keys) >>> 3);
                hint = key(b, quote + 1, end, hint);
                keys &= keys - 1;
            }
        }
        for (; i < end; i++) {
            if (b[i] == '"' && (i == off ? false : b[i - 1] == ',' || b[i - 1] == '{')) {
                hint = key(b, i + 1, end, hint);
            }
        }
    }

    /**
     * Marks the column whose key starts at {@code from}, if it is one; returns the next search hint.
     * Keys come in schema order with null columns skipped, so the search runs forward from the column
     * after the previous key and wraps around, each column tried by its first eight bytes where the row
     * has eight more.
     */
    private int key(byte[] b, int from, int end, int hint) {
        boolean whole = from + Long.BYTES <= end;
        long head = whole ? ByteScan.word(b, from) : 0;
        int n = NAMES.length;
        for (int k = 0, c = hint; k < n; k++, c = c + 1 == n ? 0 : c + 1) {
            if ((!whole || (head & HEAD_MASKS[c]) == HEADS[c]) && isKey(b, from, end, NAMES[c])) {
                present[c] = true;
                return c + 1 == n ? 0 : c + 1;
            }
        }
        return hint;
    }

    /** Whether {@code name":} is written at {@code from}. */
    private static boolean isKey(byte[] b, int from, int end, byte[] name) {
        int close = from + name.length;
        return close + 1 < end && b[close] == '"' && b[close + 1] == ':' && Arrays.equals(name, 0, name.length, b, from, close);
    }

}
