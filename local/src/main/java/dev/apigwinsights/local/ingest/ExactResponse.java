package dev.apigwinsights.local.ingest;

import dev.apigwinsights.firehose.FirehoseResult;
import dev.apigwinsights.local.util.ByteArrays;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a transformation response written in the transformer's own layout, byte for byte (the one
 * its {@code ResponseWriter} documents), for records the simulator numbered {@code 0..n-1}:
 * <pre>
 * {"records":[{"recordId":"7","result":"Ok","data":"BASE64","metadata":{"partitionKeys":{"year":"2024","month":"02","day":"01"}}},
 *             {"recordId":"8","result":"Dropped","data":""},{"recordId":"9","result":"ProcessingFailed","data":"BASE64"}]}
 * </pre>
 * Anything else (whitespace, another member order, an escape) reads as null, and the simulator
 * reads that response with Jackson instead: this only saves the general parser's work on every
 * batch, it never decides what a response means. Ok data stays where it is, as a byte range.
 */
final class ExactResponse {
    /** One result: the record's index, its result, its data's range in the response and the partition day, when Ok. */
    record Result(int index, FirehoseResult result, int dataFrom, int dataTo, String day) {
    }

    private static final byte[] OPEN = ascii("{\"records\":[");
    private static final byte[] RECORD_ID = ascii("{\"recordId\":\"");
    private static final byte[] RESULT = ascii("\",\"result\":\"");
    private static final byte[] OK = ascii("Ok\",\"data\":\"");
    private static final byte[] YEAR = ascii("\",\"metadata\":{\"partitionKeys\":{\"year\":\"");
    private static final byte[] MONTH = ascii("\",\"month\":\"");
    private static final byte[] DAY = ascii("\",\"day\":\"");
    private static final byte[] OK_END = ascii("\"}}}");
    private static final byte[] DROPPED = ascii("Dropped\",\"data\":\"\"}");
    private static final byte[] FAILED = ascii("ProcessingFailed\",\"data\":\"");
    private static final byte[] FAILED_END = ascii("\"}");

    private final byte[] b;
    private final int end;
    private int pos;

    private ExactResponse(byte[] b, int size) {
        this.b = b;
        this.end = size;
    }

    /** The results in order, or null when the response is not in the exact layout or names a record not in {@code [0, records)}. */
    static List<Result> read(byte[] response, int size, int records) {
        return new ExactResponse(response, size).results(records);
    }

    private List<Result> results(int records) {
        if (!take(OPEN)) {
            return null;
        }
        List<Result> out = new ArrayList<>(records);
        if (pos < end && b[pos] == ']') {
            return pos + 2 == end && b[pos + 1] == '}' ? out : null;
        }
        while (true) {
            Result r = result(records);
            if (r == null) {
                return null;
            }
            out.add(r);
            if (pos >= end) {
                return null;
            }
            byte next = b[pos++];
            if (next == ']') {
                return pos + 1 == end && b[pos] == '}' ? out : null;
            }
            if (next != ',') {
                return null;
            }
        }
    }

    private Result result(int records) {
        if (!take(RECORD_ID)) {
            return null;
        }
        int index = index(records);
        if (index < 0 || !take(RESULT)) {
            return null;
        }
        if (take(OK)) {
            int from = pos;
            int to = ByteArrays.indexOf(b, from, end, (byte) '"');
            if (to < 0) {
                return null;
            }
            pos = to;
            String year = take(YEAR) ? digits(4) : null;
            String month = year != null && take(MONTH) ? digits(2) : null;
            String day = month != null && take(DAY) ? digits(2) : null;
            return day != null && take(OK_END) ? new Result(index, FirehoseResult.Ok, from, to, year + '-' + month + '-' + day) : null;
        }
        if (take(DROPPED)) {
            return new Result(index, FirehoseResult.Dropped, pos, pos, null);
        }
        if (take(FAILED)) {
            // the echo is the request's base64 as sent: no quote or escape inside
            int to = ByteArrays.indexOf(b, pos, end, (byte) '"');
            if (to < 0 || ByteArrays.indexOf(b, pos, to, (byte) '\\') >= 0) {
                return null;
            }
            pos = to;
            return take(FAILED_END) ? new Result(index, FirehoseResult.ProcessingFailed, pos, pos, null) : null;
        }
        return null;
    }

    /** The decimal record id as the simulator wrote it (no sign, no leading zero), or -1. */
    private int index(int records) {
        int start = pos;
        long v = 0;
        while (pos < end && b[pos] >= '0' && b[pos] <= '9' && pos - start < 10) {
            v = v * 10 + (b[pos++] - '0');
        }
        int n = pos - start;
        if (n == 0 || n > 1 && b[start] == '0' || v >= records) {
            return -1;
        }
        return (int) v;
    }

    private String digits(int n) {
        if (pos + n > end) {
            return null;
        }
        for (int i = pos; i < pos + n; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return null;
            }
        }
        String s = new String(b, pos, n, StandardCharsets.US_ASCII);
        pos += n;
        return s;
    }

    private boolean take(byte[] expected) {
        if (!ByteArrays.startsWith(b, pos, end - pos, expected)) {
            return false;
        }
        pos += expected.length;
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
