package dev.apigwinsights.firehose;

import dev.apigwinsights.util.Base64Codec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the Firehose response, byte for byte as {@link ResponseBudget} costs it:
 * <pre>
 * {"records":[R1,R2,...]}
 * Ok:               {"recordId":ID,"result":"Ok","data":"BASE64","metadata":{"partitionKeys":{"year":"YYYY","month":"MM","day":"DD"}}}
 * Dropped:          {"recordId":ID,"result":"Dropped","data":""}
 * ProcessingFailed: {"recordId":ID,"result":"ProcessingFailed","data":ECHO}
 * </pre>
 * ID is the id exactly as the request sent it; ECHO the request's data string as sent, or
 * {@code ""}. No whitespace. Base64 is encoded straight into the response buffer
 * ({@link Base64Codec}: the JDK's encoder, vectorised by C2), so nothing is allocated per record.
 * The caller owns {@code out}.
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

    private final OutputStream out;
    private final byte[] buf;
    private final Base64Codec base64;
    private int pos;
    private long written;
    private int results;

    /** Writes to {@code out} through the batch's response buffer and base64 pieces. */
    ResponseWriter(OutputStream out, BatchBuffers buffers) throws IOException {
        this.out = out;
        this.buf = buffers.response();
        this.base64 = buffers.base64();
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

    /** Encodes straight into the response buffer, a buffer's worth of output at a time: no copy of the data is made. */
    private void base64(byte[] data, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = Math.min(length - done, Base64Codec.MAX_ENCODE_CHUNK);
            room(Base64Codec.encodedLength(n));
            pos += base64.encode(data, done, n, buf, pos);
            done += n;
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
