package dev.apigwinsights.local.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.apigwinsights.local.util.ByteArrays;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Raw access-log lines, one record each, as API Gateway puts them to Firehose: any format the
 * transformer reads (JSON, broken JSON, the console's CLF/CSV/XML presets, a stage template).
 * Also what a Firehose stream without a processor delivers to S3, and the AWS reference sample's
 * bucket objects (its JSON objects, one per line or back to back). Two layouts beyond one line
 * per entry are recognised: a pretty-printed JSON object (a line holding only <code>{</code> up
 * to its closing brace) and valid JSON objects written back to back on one line.
 */
final class AccessLogLinesFraming implements Framing {
    /** A pretty-printed object longer than this is not an access-log entry: its lines go one by one. */
    private static final int MAX_OBJECT_BYTES = 1024 * 1024;
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public void read(InputStream in, InputContext context, RecordSink sink) throws IOException {
        LineReader.forEach(in, sink, (line, lines) -> {
            if (isOpeningBrace(line)) {
                readObject(line, lines, context, sink);
            } else {
                emit(line, context, sink);
            }
        });
    }

    private static void emit(byte[] line, InputContext context, RecordSink sink) throws IOException {
        List<byte[]> objects = backToBack(line);
        if (objects == null) {
            sink.record(SourceRecord.direct(line, context.runStartMs()));
        } else {
            for (byte[] o : objects) {
                sink.record(SourceRecord.direct(o, context.runStartMs()));
            }
        }
    }

    /** Gathers a pretty-printed object; if it never closes within bounds, its lines go one by one. */
    private static void readObject(byte[] first, LineReader lines, InputContext context, RecordSink sink) throws IOException {
        List<byte[]> parts = new ArrayList<>();
        parts.add(first);
        BraceDepth depth = new BraceDepth();
        depth.scan(first);
        int size = first.length;
        byte[] line = null;
        while (depth.depth > 0 && size <= MAX_OBJECT_BYTES && (line = lines.next()) != null) {
            parts.add(line);
            size += line.length + 1;
            depth.scan(line);
        }
        if (depth.depth == 0) {
            ByteArrayOutputStream joined = new ByteArrayOutputStream(size);
            for (byte[] p : parts) {
                joined.write(p);
                joined.write('\n');
            }
            sink.record(SourceRecord.direct(joined.toByteArray(), context.runStartMs()));
            return;
        }
        for (byte[] p : parts) {
            if (LineReader.isBlank(p)) {
                sink.blankLine();
            } else {
                emit(p, context, sink);
            }
        }
    }

    private static boolean isOpeningBrace(byte[] line) {
        int n = 0;
        for (byte b : line) {
            if (b == '{') {
                n++;
            } else if (b != ' ' && b != '\t' && (b & 0xFF) != 0xEF && (b & 0xFF) != 0xBB && (b & 0xFF) != 0xBF) {
                return false;
            }
        }
        return n == 1;
    }

    /** Brace depth outside JSON strings, across lines. */
    private static final class BraceDepth {
        int depth;
        boolean inString;
        boolean escaped;

        void scan(byte[] line) {
            for (byte b : line) {
                if (inString) {
                    if (escaped) {
                        escaped = false;
                    } else if (b == '\\') {
                        escaped = true;
                    } else if (b == '"') {
                        inString = false;
                    }
                } else if (b == '"') {
                    inString = true;
                } else if (b == '{') {
                    depth++;
                } else if (b == '}') {
                    depth--;
                }
            }
        }
    }

    /**
     * The objects of a line holding two or more valid JSON objects back to back (<code>}{</code>),
     * or null when it is anything else (one object, broken JSON, another format).
     */
    static List<byte[]> backToBack(byte[] line) {
        if (indexOfBraces(line) < 0) {
            return null;
        }
        List<byte[]> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(line)) {
            JsonToken t;
            long from = 0;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_OBJECT) {
                    return null;
                }
                from = p.currentTokenLocation().getByteOffset();
                p.skipChildren();
                long to = p.currentLocation().getByteOffset();
                out.add(Arrays.copyOfRange(line, (int) from, (int) to));
            }
        } catch (IOException e) {
            return null;
        }
        return out.size() >= 2 ? out : null;
    }

    /** Every line is searched: closing braces are rare in a line, so they are found eight bytes at a time. */
    private static int indexOfBraces(byte[] line) {
        for (int i = 0; (i = ByteArrays.indexOf(line, i, line.length - 1, (byte) '}')) >= 0; i++) {
            if (line[i + 1] == '{') {
                return i;
            }
        }
        return -1;
    }
}
