package dev.apigwinsights.firehose;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of a CloudWatch Logs payload as {@link CloudWatchEnvelopeScanner} reads them: forwards
 * only, a window at a time, with every byte made available charged to the batch's work budget
 * ({@link CloudWatchEnvelopeReader#UNITS_PER_PAYLOAD_BYTE}) and the budget checked at each window,
 * as the Jackson reader's metered stream does. A plain payload is read in place (its windows are
 * ranges of the record's own bytes); a gzip payload is inflated into one reused window as it is read,
 * so a record that inflates to a million events is never held whole, and inflating stops at
 * {@link CloudWatchEnvelopeReader#MAX_INFLATED_BYTES}.
 */
final class CloudWatchPayload {
    /** Bytes made available at a time: the budget is checked this often. */
    static final int WINDOW = 16 * 1024;

    /** What stops reading a payload before its end: the batch's budget, or a gzip bomb. */
    static final class Stopped extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient RecordFailedException failure;

        Stopped(RecordFailedException failure) {
            super(null, null, false, false);
            this.failure = failure;
        }

        RecordFailedException failure() {
            return failure;
        }
    }

    private final InputStream stream;
    private final int end;
    private final int window;
    private final BatchWorkBudget work;
    byte[] buf;
    int pos;
    int limit;
    private long read;

    private CloudWatchPayload(byte[] buf, int end, int window, InputStream stream, BatchWorkBudget work) {
        this.buf = buf;
        this.end = end;
        this.window = window;
        this.stream = stream;
        this.work = work;
    }

    /** The plain payload {@code data[0, length)}, read in place. */
    static CloudWatchPayload of(byte[] data, int length, BatchWorkBudget work) {
        return of(data, length, WINDOW, work);
    }

    /** As {@link #of(byte[], int, BatchWorkBudget)}, {@code window} bytes at a time (tests use tiny windows). */
    static CloudWatchPayload of(byte[] data, int length, int window, BatchWorkBudget work) {
        return new CloudWatchPayload(data, length, window, null, work);
    }

    /** A payload inflated from {@code stream} into {@code window} as it is read. */
    static CloudWatchPayload streamed(InputStream stream, byte[] window, BatchWorkBudget work) {
        return new CloudWatchPayload(window, 0, window.length, stream, work);
    }

    /**
     * Makes more bytes available from {@code limit} on; {@code [pos, limit)} is dropped (the reader has
     * consumed everything before {@code limit} when it asks). False at the end of the payload.
     *
     * @throws IOException when the gzip data is corrupt
     */
    boolean fill() throws IOException, Stopped {
        int n;
        if (stream == null) {
            if (limit >= end) {
                return false;
            }
            n = Math.min(window, end - limit);
            pos = limit;
            limit += n;
        } else {
            n = stream.read(buf, 0, window);
            if (n <= 0) {
                pos = 0;
                limit = 0;
                return false;
            }
            pos = 0;
            limit = n;
        }
        read += n;
        work.charge(n * CloudWatchEnvelopeReader.UNITS_PER_PAYLOAD_BYTE);
        if (read > CloudWatchEnvelopeReader.MAX_INFLATED_BYTES) {
            throw new Stopped(CloudWatchEnvelopeReader.inflatedTooFar());
        }
        String exhausted = work.exhausted();
        if (exhausted != null) {
            throw new Stopped(new RecordFailedException(RecordFailedException.Cause.WORK_BUDGET, exhausted));
        }
        return true;
    }

    /** Whether a byte is available at {@code pos}, filling the window if needed. */
    boolean more() throws IOException, Stopped {
        return pos < limit || fill();
    }
}
