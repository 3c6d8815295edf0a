package dev.apigwinsights.benchmarks;

/**
 * The 3 MB of {@link RealisticBatch} lines in each framing the transformer reads, so that a cost
 * per access-log entry compares framings on exactly the same lines: one line per direct-put
 * record (REST APIs), or {@value #EVENTS_PER_ENVELOPE} log events per CloudWatch Logs subscription
 * envelope, plain (the stack's decompressing CloudWatch Logs stream: re-serialised, owner first,
 * pretty-printed, as the Firehose guide shows it) or gzip (a subscription straight into a stream
 * without decompression).
 */
enum BatchShape {
    REST, CLOUDWATCH, CLOUDWATCH_GZIP;

    static final int RAW_BYTES = 3_000_000;
    static final int EVENTS_PER_ENVELOPE = 100;

    /** The Firehose transformation event. */
    byte[] event() {
        return switch (this) {
            case REST -> RealisticBatch.event(RAW_BYTES);
            case CLOUDWATCH -> RealisticBatch.cloudWatchEvent(RAW_BYTES, EVENTS_PER_ENVELOPE, false);
            case CLOUDWATCH_GZIP -> RealisticBatch.cloudWatchEvent(RAW_BYTES, EVENTS_PER_ENVELOPE, true);
        };
    }

    /** Access-log entries in the event (the same for every shape). */
    int entries() {
        return RealisticBatch.lines(RAW_BYTES).size();
    }

    /** The shape named on a command line or in a JMH parameter: {@code rest}, {@code cloudwatch}, {@code cloudwatch-gzip}. */
    static BatchShape named(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
