package dev.apigwinsights.local.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A text input without its NUL bytes. A log file can hold a block of zeros where it was being
 * written when the machine crashed, or where {@code logrotate copytruncate} truncated it under a
 * writer still at its old offset; no log line holds a NUL (JSON cannot, the text formats do not),
 * so dropping them loses nothing and lets the lines around the block be read.
 */
final class NulDroppingInput extends FilterInputStream {

    NulDroppingInput(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b;
        do {
            b = super.read();
        } while (b == 0);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            int n = super.read(b, off, len);
            if (n < 0) {
                return n;
            }
            int kept = off;
            for (int i = off; i < off + n; i++) {
                if (b[i] != 0) {
                    b[kept++] = b[i];
                }
            }
            if (kept > off) {
                return kept - off;
            }
        }
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(n, 8192)];
        long left = n;
        while (left > 0) {
            int r = read(scratch, 0, (int) Math.min(left, scratch.length));
            if (r < 0) {
                break;
            }
            left -= r;
        }
        return n - left;
    }

    /** Unknown: the bytes waiting below may all be NULs, and a buffer over this must not wait for more. */
    @Override
    public int available() {
        return 0;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
