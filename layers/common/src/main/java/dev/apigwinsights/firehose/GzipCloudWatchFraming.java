package dev.apigwinsights.firehose;

/**
 * A CloudWatch Logs subscription envelope as the subscription filter sends it: gzip-compressed
 * (often 10 to 30 times). Every gzip member is inflated and read, as it is read
 * ({@link GzipMembers}, {@link CloudWatchEnvelopeReader}); a gzip payload that is not an envelope
 * fails.
 */
final class GzipCloudWatchFraming implements RecordFraming {

    @Override
    public boolean accepts(byte[] data) {
        return data.length >= 2 && (data[0] & 0xFF) == 0x1F && (data[1] & 0xFF) == 0x8B;
    }

    @Override
    public RecordOutcome read(byte[] data, RecordContext ctx) throws RecordFailedException {
        return CloudWatchEnvelopeReader.read(() -> new GzipMembers(data), ctx);
    }
}
