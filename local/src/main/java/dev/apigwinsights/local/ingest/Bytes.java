package dev.apigwinsights.local.ingest;

import java.util.Arrays;

/** A growable byte buffer (the transformer's lines go through several of these per batch). */
final class Bytes {
    private byte[] buf;
    private int len;

    Bytes(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    void append(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
    }

    void append(byte[] b) {
        append(b, 0, b.length);
    }

    void append(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    void appendAscii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(len + extra, buf.length * 2));
        }
    }

    byte[] array() {
        return buf;
    }

    int length() {
        return len;
    }

    void setLength(int n) {
        len = n;
    }
}
