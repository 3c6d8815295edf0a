package dev.apigwinsights.firehose;

/**
 * A record that is answered {@code ProcessingFailed}: why (never quoting the payload), and whether
 * it was a budget that stopped it. Carries no stack trace: it is control flow, not a bug.
 */
final class RecordFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What stopped the record. */
    enum Cause {
        /** Its data cannot be read: framing, base64, gzip, envelope, or an entry no parser reads. */
        UNREADABLE,
        /** Its output would push the response over the size limit. */
        RESPONSE_BUDGET,
        /** The batch's work or time budget ran out. */
        WORK_BUDGET
    }

    private final Cause cause;

    RecordFailedException(Cause cause, String reason) {
        super(reason, null, false, false);
        this.cause = cause;
    }

    static RecordFailedException unreadable(String reason) {
        return new RecordFailedException(Cause.UNREADABLE, reason);
    }

    Cause kind() {
        return cause;
    }
}
