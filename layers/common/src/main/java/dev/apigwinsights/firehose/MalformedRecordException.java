package dev.apigwinsights.firehose;

/** A record whose framing (base64, gzip, CloudWatch envelope) is broken. Message never quotes data. */
public final class MalformedRecordException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedRecordException(String message) {
        super(message, null, false, false);
    }
}
