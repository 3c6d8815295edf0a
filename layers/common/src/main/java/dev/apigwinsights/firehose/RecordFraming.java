package dev.apigwinsights.firehose;

/**
 * One way a Firehose record can hold access-log entries (direct put, a CloudWatch Logs
 * subscription envelope, gzip-compressed or not). The transformer asks each framing in turn
 * whether it reads a record and gives the record to the first that does; a new framing is a new
 * implementation added to that list (see CONTRIBUTING.md).
 */
interface RecordFraming {

    /** Whether this framing reads {@code data}; decided from its first bytes, cheaply. */
    boolean accepts(byte[] data);

    /**
     * Reads the record's entries into {@code ctx} ({@link RecordContext#entry}).
     *
     * @return {@link RecordOutcome#OK}, or {@code Dropped} with a reason
     * @throws RecordFailedException when the record must be answered {@code ProcessingFailed}
     */
    RecordOutcome read(byte[] data, RecordContext ctx) throws RecordFailedException;
}
