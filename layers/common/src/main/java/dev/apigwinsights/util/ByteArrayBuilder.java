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
        // the check alone is small enough for C1 to inline at every append; growing is the rare call
        if ((long) length + extra > bytes.length) {
            grow(extra);
        }
    }

    private void grow(int extra) {
        long needed = (long) length + extra;
        if (needed > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("buffer too large");
        }
        bytes = Arrays.copyOf(bytes, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 16, bytes.length * 2L)));
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

    public void append(byte[] b, int offset, int count) {
        ensure(count);
        System.arraycopy(b, offset, bytes, length, count);
        length += count;
    }

    public void appendAscii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            bytes[length++] = (byte) s.charAt(i);
        }
    }

    /** Appends {@code v} in decimal, as {@code Long.toString} writes it, without building a String. */
    public void appendDecimal(long v) {
        if (v == Long.MIN_VALUE) {
            appendAscii(Long.toString(v));
            return;
        }
        ensure(20);
        long rest = v;
        if (rest < 0) {
            bytes[length++] = '-';
            rest = -rest;
        }
        int digits = 1;
        for (long p = 10; p <= rest && digits < 19; p *= 10) {
            digits++;
        }
        int end = length + digits;
        for (int i = end - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        length = end;
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
