package dev.apigwinsights.local.util;

/** Byte-array tests the ingest's hot paths use instead of decoding lines to strings. */
public final class ByteArrays {
    private ByteArrays() {
    }

    /** True when {@code b[off, off+len)} starts with {@code prefix}. */
    public static boolean startsWith(byte[] b, int off, int len, byte[] prefix) {
        if (len < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[off + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
