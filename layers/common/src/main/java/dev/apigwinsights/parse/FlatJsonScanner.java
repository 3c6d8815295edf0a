package dev.apigwinsights.parse;

import dev.apigwinsights.schema.ContextVariable;
import dev.apigwinsights.util.ByteScan;
import dev.apigwinsights.util.JsonWhitespace;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The hot path for the overwhelmingly common access-log line: one flat JSON object whose values
 * are strings without escape sequences, numbers or literals. It reads the UTF-8 bytes directly,
 * resolves keys through a per-thread cache keyed by the key's bytes (no String for known keys),
 * and builds no String for API Gateway's {@code -} placeholders.
 *
 * <p>It accepts only what it can read exactly like Jackson would; anything else (an escape, a
 * nested object or array, a quote problem, trailing content) returns false and the caller takes
 * the general path, so the scanner can never change what a line means.
 */
final class FlatJsonScanner {
    private static final int CACHE_SLOTS = 512; // power of two
    private static final int MAX_CACHED_KEY_BYTES = 64;
    /** Linear probing; once full, new keys are resolved uncached (a stream of random keys cannot grow it). */
    private static final int MAX_PROBES = 8;
    private static final String DASH = "-";
    private static final Object UNKNOWN = new Object();

    private final KeyResolver resolver;
    private final ThreadLocal<KeyCache> caches = ThreadLocal.withInitial(KeyCache::new);

    FlatJsonScanner(KeyResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * Per-thread open-addressing table from key bytes to (key String, variable or UNKNOWN). A key is
     * found by its length and its first and last eight bytes ({@link ByteScan#prefix}), which are the
     * whole key up to sixteen bytes; only longer keys are compared byte by byte, so a field costs C1
     * two 64-bit reads instead of a loop over its key and a call to {@code Arrays.equals}.
     */
    private static final class KeyCache {
        final int[] lengths = new int[CACHE_SLOTS];
        final long[] firsts = new long[CACHE_SLOTS];
        final long[] lasts = new long[CACHE_SLOTS];
        final byte[][] keyBytes = new byte[CACHE_SLOTS][];
        final String[] keys = new String[CACHE_SLOTS];
        final Object[] variables = new Object[CACHE_SLOTS];
    }

    /**
     * @return true when the line was read completely into {@code out}; false (with {@code out}
     *         possibly half-filled: the caller clears it) when the general parser must decide
     */
    boolean tryParse(byte[] b, int offset, int length, RawAccessLog out) {
        int end = offset + length;
        int i = JsonWhitespace.skip(b, offset, end);
        if (i >= end || b[i] != '{') {
            return false;
        }
        i = JsonWhitespace.skip(b, i + 1, end);
        if (i < end && b[i] == '}') {
            return JsonWhitespace.skip(b, i + 1, end) == end;
        }
        KeyCache cache = caches.get();
        while (true) {
            if (i >= end || b[i] != '"') {
                return false;
            }
            int keyStart = i + 1;
            int keyEnd = ByteScan.quoteOrBackslash(b, keyStart, end);
            if (keyEnd >= end || b[keyEnd] == '\\') {
                return false;
            }
            i = JsonWhitespace.skip(b, keyEnd + 1, end);
            if (i >= end || b[i] != ':') {
                return false;
            }
            i = JsonWhitespace.skip(b, i + 1, end);
            if (i >= end) {
                return false;
            }
            String value;
            byte first = b[i];
            if (first == '"') {
                int vs = i + 1;
                int ve = ByteScan.quoteBackslashOrNotAscii(b, vs, end);
                Charset charset = StandardCharsets.ISO_8859_1; // the same String as UTF-8 for ASCII, with no check of every byte
                if (ve < end && b[ve] < 0) {
                    charset = StandardCharsets.UTF_8;
                    ve = ByteScan.quoteOrBackslash(b, ve, end);
                }
                if (ve >= end || b[ve] == '\\') {
                    return false;
                }
                value = (ve - vs == 1 && b[vs] == '-') ? DASH : new String(b, vs, ve - vs, charset);
                i = ve + 1;
            } else if (first == '-' || (first >= '0' && first <= '9') || first == 't' || first == 'f' || first == 'n') {
                int ve = i;
                while (ve < end && isBareChar(b[ve])) {
                    ve++;
                }
                String token = new String(b, i, ve - i, StandardCharsets.US_ASCII);
                if (!isJsonScalar(token)) {
                    return false; // e.g. an unquoted '-' from an unquoted template variable
                }
                value = token.equals("null") ? null : token;
                i = ve;
            } else {
                return false; // nested object, array, or something Jackson must judge
            }
            emit(cache, b, keyStart, keyEnd, value, out);
            i = JsonWhitespace.skip(b, i, end);
            if (i >= end) {
                return false;
            }
            if (b[i] == ',') {
                i = JsonWhitespace.skip(b, i + 1, end);
            } else if (b[i] == '}') {
                return JsonWhitespace.skip(b, i + 1, end) == end;
            } else {
                return false;
            }
        }
    }

    private void emit(KeyCache cache, byte[] b, int keyStart, int keyEnd, String value, RawAccessLog out) {
        int keyLength = keyEnd - keyStart;
        long first = ByteScan.prefix(b, keyStart, keyEnd);
        long last = keyLength > Long.BYTES ? ByteScan.word(b, keyEnd - Long.BYTES) : 0;
        String key = null;
        Object variable = null;
        int home = (int) ((first + last * 0x2545F4914F6CDD1DL + keyLength) * 0x9E3779B97F4A7C15L >>> 32) & (CACHE_SLOTS - 1);
        int free = -1;
        for (int probe = 0; probe < MAX_PROBES; probe++) {
            int slot = (home + probe) & (CACHE_SLOTS - 1);
            String cached = cache.keys[slot];
            if (cached == null) {
                free = slot;
                break;
            }
            if (cache.lengths[slot] == keyLength && cache.firsts[slot] == first && cache.lasts[slot] == last
                    && (keyLength <= 2 * Long.BYTES
                        || java.util.Arrays.equals(cache.keyBytes[slot], 0, keyLength, b, keyStart, keyEnd))) {
                key = cached;
                variable = cache.variables[slot];
                break;
            }
        }
        if (key == null) {
            key = new String(b, keyStart, keyLength, StandardCharsets.UTF_8);
            ContextVariable v = resolver.resolve(key);
            variable = v == null ? UNKNOWN : v;
            if (free >= 0 && keyLength <= MAX_CACHED_KEY_BYTES) {
                cache.lengths[free] = keyLength;
                cache.firsts[free] = first;
                cache.lasts[free] = last;
                cache.keyBytes[free] = java.util.Arrays.copyOfRange(b, keyStart, keyEnd);
                cache.keys[free] = key;
                cache.variables[free] = variable;
            }
        }
        if (variable != UNKNOWN) {
            out.put((ContextVariable) variable, value);
        } else if (value != null) {
            out.putExtra(key, value);
        }
    }

    private static boolean isBareChar(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-' || c == '+' || c == '.' || c == 'E';
    }

    /** A JSON number or literal, exactly as Jackson accepts it (so the fast path changes nothing). */
    private static boolean isJsonScalar(String t) {
        if (t.equals("true") || t.equals("false") || t.equals("null")) {
            return true;
        }
        int n = t.length();
        int i = 0;
        if (i < n && t.charAt(i) == '-') {
            i++;
        }
        if (i >= n) {
            return false;
        }
        if (t.charAt(i) == '0') {
            i++;
        } else if (t.charAt(i) >= '1' && t.charAt(i) <= '9') {
            while (i < n && Character.isDigit(t.charAt(i))) {
                i++;
            }
        } else {
            return false;
        }
        if (i < n && t.charAt(i) == '.') {
            i++;
            int digits = i;
            while (i < n && Character.isDigit(t.charAt(i))) {
                i++;
            }
            if (i == digits) {
                return false;
            }
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int digits = i;
            while (i < n && Character.isDigit(t.charAt(i))) {
                i++;
            }
            if (i == digits) {
                return false;
            }
        }
        return i == n;
    }

}
