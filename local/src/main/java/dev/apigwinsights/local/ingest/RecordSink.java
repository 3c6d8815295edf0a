package dev.apigwinsights.local.ingest;

import java.io.IOException;

/** Where a framing hands what it reads from one input. Calls may block (back-pressure). */
interface RecordSink {
    /** A record for the Firehose simulator. */
    void record(SourceRecord record) throws IOException;

    /**
     * A row already in the stored canonical form (a Firehose-delivered object of this stack),
     * which bypasses the transformer.
     *
     * @param line the JSON line with its trailing newline
     * @param day  its partition day, {@code yyyy-MM-dd}
     */
    void canonicalRow(byte[] line, String day) throws IOException;

    /** A blank line: read and skipped (counted, never a record). */
    void blankLine();
}
