package dev.apigwinsights.firehose;

/**
 * One way a Firehose record can hold access-log entries (direct put, a CloudWatch Logs
 * subscription envelope, gzip-compressed or not). The transformer asks each framing in turn
 * whether it reads a record and gives the record to the first that does; a new framing is a new
 * implementation added to that list (see CONTRIBUTING.md).
 */
interface RecordFraming {

    /**
     * Whether this framing reads the record {@code data[0, length)}; decided from its first bytes,
     * cheaply. {@code data} is a buffer reused for every record of the batch: longer than the record.
     */
    boolean accepts(byte[] data, int length);

    /**
     * Reads the entries of the record {@code data[0, length)} into {@code ctx} ({@link RecordContext#entry}).
     *
     * @return {@link RecordOutcome#OK}, or {@code Dropped} with a reason
     * @throws RecordFailedException when the record must be answered {@code ProcessingFailed}
     */
    RecordOutcome read(byte[] data, int length, RecordContext ctx) throws RecordFailedException;
}
