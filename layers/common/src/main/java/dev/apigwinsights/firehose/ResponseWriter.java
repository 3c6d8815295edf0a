package dev.apigwinsights.firehose;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Writes the Firehose response, byte for byte as {@link ResponseBudget} costs it:
 * <pre>
 * {"records":[R1,R2,...]}
 * Ok:               {"recordId":ID,"result":"Ok","data":"BASE64","metadata":{"partitionKeys":{"year":"YYYY","month":"MM","day":"DD"}}}
 * Dropped:          {"recordId":ID,"result":"Dropped","data":""}
 * ProcessingFailed: {"recordId":ID,"result":"ProcessingFailed","data":ECHO}
 * </pre>
 * ID is the id exactly as the request sent it; ECHO the request's data string as sent, or
 * {@code ""}. No whitespace. Base64 is encoded in chunks straight into the output buffer (the
 * JDK's vectorised encoder), so no copy of a record's data is made. The caller owns {@code out}.
 */
final class ResponseWriter {
    static final byte[] OPEN = ascii("{\"records\":[");
    static final byte[] CLOSE = ascii("]}");
    static final int SEPARATOR = 1;
    static final byte[] RECORD_ID = ascii("{\"recordId\":");
    static final byte[] OK = ascii(",\"result\":\"Ok\",\"data\":\"");
    static final byte[] YEAR = ascii("\",\"metadata\":{\"partitionKeys\":{\"year\":\"");
    static final byte[] MONTH = ascii("\",\"month\":\"");
    static final byte[] DAY = ascii("\",\"day\":\"");
    static final byte[] OK_END = ascii("\"}}}");
    static final byte[] DROPPED = ascii(",\"result\":\"Dropped\",\"data\":\"\"}");
    static final byte[] FAILED = ascii(",\"result\":\"ProcessingFailed\",\"data\":");
    static final byte[] FAILED_END = ascii("}");
    /** Characters of each partition key value: the request-time window keeps years at four digits. */
    static final int YEAR_DIGITS = 4;
    static final int MONTH_DIGITS = 2;
    static final int DAY_DIGITS = 2;

    private static final int BUFFER = 64 * 1024;
    /** Input bytes per base64 chunk: a multiple of 3, so chunks need no padding. */
    private static final int CHUNK = 48 * 1024;

    private final OutputStream out;
    private final byte[] buf = new byte[BUFFER];
    private final byte[] chunk = new byte[CHUNK];
    private final byte[] encoded = new byte[CHUNK / 3 * 4];
    private int pos;
    private long written;
    private int results;

    ResponseWriter(OutputStream out) throws IOException {
        this.out = out;
        put(OPEN);
    }

    long bytesWritten() {
        return written + pos;
    }

    void ok(InputRecord r, byte[] data, int length, int[] ymd) throws IOException {
        start(r);
        put(OK);
        base64(data, length);
        put(YEAR);
        digits(ymd[0], YEAR_DIGITS);
        put(MONTH);
        digits(ymd[1], MONTH_DIGITS);
        put(DAY);
        digits(ymd[2], DAY_DIGITS);
        put(OK_END);
    }

    void dropped(InputRecord r) throws IOException {
        start(r);
        put(DROPPED);
    }

    /** A failed result, with the record's data echoed ({@link InputRecord#echoLength()} bytes) or empty. */
    void failed(InputRecord r, boolean echo) throws IOException {
        start(r);
        put(FAILED);
        if (echo) {
            copy(r.echoLength(), r::copyEchoTo);
        } else {
            put((byte) '"');
            put((byte) '"');
        }
        put(FAILED_END);
    }

    private void start(InputRecord r) throws IOException {
        if (results++ > 0) {
            put((byte) ',');
        }
        put(RECORD_ID);
        copy(r.idLength(), r::copyIdTo);
    }

    /** Bytes the request held (an id, an echo), copied straight from the event. */
    private interface Source {
        void copyTo(byte[] dst, int at);
    }

    private void copy(int n, Source source) throws IOException {
        room(n);
        if (n > buf.length) {
            byte[] big = new byte[n];
            source.copyTo(big, 0);
            out.write(big);
            written += n;
        } else {
            source.copyTo(buf, pos);
            pos += n;
        }
    }

    private void base64(byte[] data, int length) throws IOException {
        Base64.Encoder encoder = Base64.getEncoder();
        int done = 0;
        while (length - done >= CHUNK) {
            System.arraycopy(data, done, chunk, 0, CHUNK);
            int n = encoder.encode(chunk, encoded);
            flushBuffer();
            out.write(encoded, 0, n);
            written += n;
            done += CHUNK;
        }
        if (done < length) {
            byte[] tail = new byte[length - done];
            System.arraycopy(data, done, tail, 0, tail.length);
            int n = encoder.encode(tail, encoded);
            room(n);
            System.arraycopy(encoded, 0, buf, pos, n);
            pos += n;
        }
    }

    private void digits(int value, int width) throws IOException {
        room(width);
        int v = value;
        for (int i = pos + width - 1; i >= pos; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        pos += width;
    }

    private void put(byte[] bytes) throws IOException {
        room(bytes.length);
        if (bytes.length > buf.length) {
            out.write(bytes);
            written += bytes.length;
            return;
        }
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    private void put(byte b) throws IOException {
        room(1);
        buf[pos++] = b;
    }

    /** Makes room for {@code n} bytes in the buffer, flushing it if needed. */
    private void room(int n) throws IOException {
        if (pos + n > buf.length) {
            flushBuffer();
        }
    }

    private void flushBuffer() throws IOException {
        out.write(buf, 0, pos);
        written += pos;
        pos = 0;
    }

    /** Ends the document and flushes it; the response is complete after this. */
    void finish() throws IOException {
        put(CLOSE);
        flushBuffer();
        out.flush();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
