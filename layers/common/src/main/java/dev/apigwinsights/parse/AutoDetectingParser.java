package dev.apigwinsights.parse;

import dev.apigwinsights.util.JsonWhitespace;

/**
 * The parser used when the operator has not told us the stage's format: JSON lines (with any key
 * names) go to the JSON parser, anything else to the console-preset detector (CLF, XML, CSV).
 */
public final class AutoDetectingParser implements AccessLogParser {
    private final AccessLogParser json;
    private final AccessLogParser other;

    public AutoDetectingParser(AccessLogParser json, AccessLogParser other) {
        this.json = json;
        this.other = other;
    }

    @Override
    public void parse(String line, RawAccessLog out) throws AccessLogParseException {
        int i = 0;
        while (i < line.length() && JsonWhitespace.is(line.charAt(i))) {
            i++;
        }
        if (i < line.length() && line.charAt(i) == '{') {
            json.parse(line, out);
        } else {
            other.parse(line, out);
        }
    }

    @Override
    public void parse(byte[] utf8, int offset, int length, RawAccessLog out) throws AccessLogParseException {
        int end = offset + length;
        int i = JsonWhitespace.skip(utf8, offset, end);
        if (i < end && utf8[i] == '{') {
            json.parse(utf8, offset, length, out);
        } else {
            other.parse(utf8, offset, length, out);
        }
    }
}
