package dev.apigwinsights.local.ingest;

import dev.apigwinsights.local.util.ByteArrays;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads lines as bytes (no charset decoding: the transformer takes UTF-8 bytes). A line ends at
 * {@code \n}; a trailing {@code \r} is dropped. Only whole lines are returned: when the stream
 * fails (a truncated gzip), the unfinished line is discarded, so a re-run with the complete file
 * never leaves a half line behind as a failure. Memory is bounded by {@link #MAX_LINE}.
 */
final class LineReader {
    /** Longer than any Firehose record (1,000 KiB) or CloudWatch event (256 KiB) by far. */
    static final int MAX_LINE = 16 * 1024 * 1024;

    private final InputStream in;
    private byte[] buf = new byte[64 * 1024];
    private int start;
    private int end;
    private boolean eof;
    private long lineNumber;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at the end of the stream. */
    byte[] next() throws IOException {
        int scanFrom = start;
        while (true) {
            int i = ByteArrays.indexOf(buf, scanFrom, end, (byte) '\n');
            if (i >= 0) {
                int stop = i > start && buf[i - 1] == '\r' ? i - 1 : i;
                byte[] line = Arrays.copyOfRange(buf, start, stop);
                start = i + 1;
                lineNumber++;
                return line;
            }
            if (eof) {
                if (start == end) {
                    return null;
                }
                int stop = buf[end - 1] == '\r' ? end - 1 : end;
                byte[] line = Arrays.copyOfRange(buf, start, stop);
                start = end;
                lineNumber++;
                return line;
            }
            scanFrom = end - start;
            fill();
            scanFrom += start;
        }
    }

    /** Lines returned so far. */
    long lineNumber() {
        return lineNumber;
    }

    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buf.length) {
            if (buf.length >= MAX_LINE) {
                throw new IOException("line " + (lineNumber + 1) + " is longer than " + (MAX_LINE >> 20)
                        + " MiB: this is not a log file");
            }
            buf = Arrays.copyOf(buf, Math.min(MAX_LINE, buf.length * 2));
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
    }

    /** What a framing does with each non-blank line; {@code reader} lets it read on (a multi-line entry). */
    interface LineHandler {
        void line(byte[] line, LineReader reader) throws IOException;
    }

    /** Reads every line of {@code in}: blank ones are counted on {@code sink}, the others handed to {@code handler}. */
    static void forEach(InputStream in, RecordSink sink, LineHandler handler) throws IOException {
        LineReader lines = new LineReader(in);
        byte[] line;
        while ((line = lines.next()) != null) {
            if (isBlank(line)) {
                sink.blankLine();
            } else {
                handler.line(line, lines);
            }
        }
    }

    /** True for a line of nothing but whitespace. */
    static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != '\f') {
                return false;
            }
        }
        return true;
    }
}
