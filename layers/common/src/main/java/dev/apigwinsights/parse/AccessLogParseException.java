package dev.apigwinsights.parse;

/**
 * A log line that cannot be parsed. The message is safe to log and to return to Firehose as the
 * processing-failed reason: it describes the problem (and a character offset) but never quotes
 * the payload.
 */
public final class AccessLogParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public AccessLogParseException(String message) {
        super(message, null, false, false);
    }
}
