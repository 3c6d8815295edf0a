package dev.apigwinsights.parse;

/**
 * Parses one access-log line (already decoded from Firehose or CloudWatch framing) into raw
 * context-variable values. Implementations are thread-safe and reusable.
 */
public interface AccessLogParser {

    /**
     * @param line one log entry; for pretty-printed JSON this may span several physical lines
     * @param out  cleared by the caller; receives the values found
     * @throws AccessLogParseException when the line cannot be read in this format; the message
     *         says why without quoting the line (it may hold personal data)
     */
    void parse(String line, RawAccessLog out) throws AccessLogParseException;

    /**
     * Parses one entry given as UTF-8 bytes. Parsers that can read bytes directly override this to
     * skip building a String on the hot path; the default decodes and delegates.
     */
    default void parse(byte[] utf8, int offset, int length, RawAccessLog out) throws AccessLogParseException {
        parse(new String(utf8, offset, length, java.nio.charset.StandardCharsets.UTF_8), out);
    }
}
