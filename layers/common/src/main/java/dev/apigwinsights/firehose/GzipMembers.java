package dev.apigwinsights.firehose;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Inflates every member of a gzip stream (RFC 1952), checking each member's CRC and length, as
 * one stream. Unlike {@link java.util.zip.GZIPInputStream}, which silently ignores whatever
 * follows a member when it is not a valid header, anything after the last member that is not
 * another member is an error: a record is read completely or fails, never partly.
 *
 * <p>Reads as it is read, so a record never inflates further than its reader asks, and
 * {@link #inflated()} says how far that is.
 */
final class GzipMembers extends InputStream {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final byte[] data;
    /** Where the gzip data ends in {@code data}. */
    private final int end;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private long memberSize;
    private long inflated;
    private boolean done;

    /** The gzip data {@code data[0, length)}. */
    GzipMembers(byte[] data, int length) throws IOException {
        this.data = data;
        this.end = length;
        openMember(0);
    }

    /** Bytes inflated so far, all members together. */
    long inflated() {
        return inflated;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!done) {
            if (inflater.finished()) {
                endMember();
                continue;
            }
            int n;
            try {
                n = inflater.inflate(buf, off, len);
            } catch (DataFormatException e) {
                throw new ZipException("invalid deflate data");
            }
            if (n > 0) {
                crc.update(buf, off, n);
                memberSize += n;
                inflated += n;
                return n;
            }
            if (inflater.needsDictionary()) {
                throw new ZipException("deflate data needs a preset dictionary");
            }
            if (inflater.needsInput()) {
                throw new EOFException("gzip data is truncated");
            }
        }
        return -1;
    }

    @Override
    public void close() {
        inflater.end();
    }

    private void openMember(int at) throws IOException {
        int p = at;
        if (end - p < 10 || (data[p] & 0xFF) != 0x1F || (data[p + 1] & 0xFF) != 0x8B) {
            throw new ZipException(at == 0 ? "not gzip data" : "data after a gzip member is not another gzip member");
        }
        if (data[p + 2] != 8) {
            throw new ZipException("unsupported gzip compression method");
        }
        int flags = data[p + 3] & 0xFF;
        p += 10;
        if ((flags & FEXTRA) != 0) {
            need(p, 2);
            int xlen = (data[p] & 0xFF) | (data[p + 1] & 0xFF) << 8;
            p += 2;
            need(p, xlen);
            p += xlen;
        }
        if ((flags & FNAME) != 0) {
            p = afterZero(p);
        }
        if ((flags & FCOMMENT) != 0) {
            p = afterZero(p);
        }
        if ((flags & FHCRC) != 0) {
            need(p, 2);
            p += 2;
        }
        memberSize = 0;
        crc.reset();
        inflater.reset();
        inflater.setInput(data, p, end - p);
    }

    private void endMember() throws IOException {
        int trailer = end - inflater.getRemaining();
        need(trailer, 8);
        long expectedCrc = le32(trailer);
        long expectedSize = le32(trailer + 4);
        if (expectedCrc != crc.getValue() || expectedSize != (memberSize & 0xFFFFFFFFL)) {
            throw new ZipException("gzip member fails its CRC or length check");
        }
        int next = trailer + 8;
        if (next == end) {
            done = true;
        } else {
            openMember(next);
        }
    }

    private long le32(int at) {
        return (data[at] & 0xFFL) | (data[at + 1] & 0xFFL) << 8 | (data[at + 2] & 0xFFL) << 16 | (data[at + 3] & 0xFFL) << 24;
    }

    private int afterZero(int p) throws IOException {
        int i = p;
        while (i < end && data[i] != 0) {
            i++;
        }
        if (i >= end) {
            throw new EOFException("truncated gzip header");
        }
        return i + 1;
    }

    private void need(int at, int n) throws IOException {
        if ((long) at + n > end) {
            throw new EOFException("gzip data is truncated");
        }
    }
}
