package dev.apigwinsights.util;

/**
 * JSON's insignificant whitespace (space, tab, line feed, carriage return): what every parser and
 * splitter here skips around entries, keys and values, in chars or in UTF-8 bytes alike.
 */
public final class JsonWhitespace {
    private JsonWhitespace() {
    }

    public static boolean is(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    public static boolean is(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    /** The first index at or after {@code from} (and before {@code end}) that is not whitespace. */
    public static int skip(byte[] b, int from, int end) {
        int i = from;
        while (i < end && is(b[i])) {
            i++;
        }
        return i;
    }
}
