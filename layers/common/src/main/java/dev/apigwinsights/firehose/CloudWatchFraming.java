package dev.apigwinsights.firehose;

import dev.apigwinsights.util.JsonWhitespace;
import java.io.ByteArrayInputStream;

/**
 * A CloudWatch Logs subscription envelope that reaches the processor uncompressed (Firehose's own
 * decompression is on): a JSON object whose first member is {@code messageType}, as CloudWatch
 * writes it. Read by {@link CloudWatchEnvelopeReader}.
 */
final class CloudWatchFraming implements RecordFraming {
    private static final byte[] PREFIX = "\"messageType\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Override
    public boolean accepts(byte[] data) {
        int i = JsonWhitespace.skip(data, 0, data.length);
        if (i >= data.length || data[i] != '{') {
            return false;
        }
        i = JsonWhitespace.skip(data, i + 1, data.length);
        return data.length - i >= PREFIX.length && java.util.Arrays.equals(data, i, i + PREFIX.length, PREFIX, 0, PREFIX.length);
    }

    @Override
    public RecordOutcome read(byte[] data, RecordContext ctx) throws RecordFailedException {
        return CloudWatchEnvelopeReader.read(() -> new ByteArrayInputStream(data), ctx);
    }
}
