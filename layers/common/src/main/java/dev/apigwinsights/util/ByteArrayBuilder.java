package dev.apigwinsights.util;

import java.util.Arrays;

/** A growable byte array, reused across records to keep allocation down. Not thread-safe. */
public final class ByteArrayBuilder {
    private byte[] bytes;
    private int length;

    public ByteArrayBuilder(int initialCapacity) {
        this.bytes = new byte[Math.max(16, initialCapacity)];
    }

    public void ensure(int extra) {
        long needed = (long) length + extra;
        if (needed > bytes.length) {
            if (needed > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("buffer too large");
            }
            bytes = Arrays.copyOf(bytes, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 16, bytes.length * 2L)));
        }
    }

    public void append(byte b) {
        ensure(1);
        bytes[length++] = b;
    }

    public void append(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, length, b.length);
        length += b.length;
    }

    public void appendAscii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            bytes[length++] = (byte) s.charAt(i);
        }
    }

    public byte[] array() {
        return bytes;
    }

    public int length() {
        return length;
    }

    public void setLength(int length) {
        this.length = length;
    }

    public void clear() {
        length = 0;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }
}
