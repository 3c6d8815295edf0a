package dev.apigwinsights.firehose;

import java.io.IOException;

/**
 * A CloudWatch Logs subscription envelope as the subscription filter sends it: gzip-compressed
 * (often 10 to 30 times). Every gzip member is inflated and read, as it is read
 * ({@link GzipMembers}, {@link CloudWatchEnvelopeScanner}); a gzip payload that is not an envelope
 * fails.
 */
final class GzipCloudWatchFraming implements RecordFraming {

    @Override
    public boolean accepts(byte[] data, int length) {
        return length >= 2 && (data[0] & 0xFF) == 0x1F && (data[1] & 0xFF) == 0x8B;
    }

    @Override
    public RecordOutcome read(byte[] data, int length, RecordContext ctx) throws RecordFailedException {
        GzipMembers inflated;
        try {
            inflated = new GzipMembers(data, length);
        } catch (IOException e) {
            throw CloudWatchEnvelopeReader.corrupt(e);
        }
        try (inflated) {
            return CloudWatchEnvelopeScanner.read(CloudWatchPayload.streamed(inflated, ctx.buffers().window(), ctx.work()),
                    () -> new GzipMembers(data, length), ctx);
        }
    }
}
