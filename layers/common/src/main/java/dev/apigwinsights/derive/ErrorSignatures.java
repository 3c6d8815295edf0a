package dev.apigwinsights.derive;

/**
 * Turns an error message into a signature that groups occurrences of the same error: the parts
 * that change from request to request are masked, so that
 * {@code The Lambda function returned the following error: RequestId: 01fe3839-4974-40d5-960a-173fcb5ec786 Error: Task timed out after 5.00 seconds. ...}
 * from any function and with any timeout becomes
 * {@code The Lambda function returned the following error: RequestId: <uuid> Error: Task timed out after <n> seconds. ...}.
 *
 * <p>Masks, applied to tokens that start at a word boundary:
 * <ul>
 *   <li>{@code <uuid>}: 8-4-4-4-12 hex UUIDs (request ids, Lambda request ids);</li>
 *   <li>{@code <arn>}: ARNs, up to the next space, quote or bracket;</li>
 *   <li>{@code <ip>}: IPv4 addresses and IPv6 addresses with {@code ::} or eight groups;</li>
 *   <li>{@code <n>}: numbers, including decimals and thousands separators ({@code 5.00},
 *       {@code 1,024}); a number with a short unit keeps the unit ({@code 30s} &rarr;
 *       {@code <n>s}, {@code 5xx} &rarr; {@code <n>xx});</li>
 *   <li>{@code <hex>}: {@code 0x}-prefixed hex;</li>
 *   <li>{@code <id>}: other words mixing letters and digits that look generated: starting with
 *       a digit, or with two or more digit runs, or a run of four or more digits, or twenty or more
 *       characters long (e.g. extended request ids {@code Sca3bFUQgi0EYeA=}, hex ids, API ids).
 *       Words with a single short digit run such as {@code X509Certificate}, {@code SHA256withRSA},
 *       {@code node18} or {@code EC2} are kept;</li>
 *   <li>{@code "<v>"} / {@code '<v>'}: quoted values (up to 512 characters between the quotes;
 *       a double-quoted string followed by {@code :} is a JSON key and is kept, and an apostrophe
 *       inside a word such as {@code function's} never opens a quote).</li>
 * </ul>
 * Whitespace runs (including newlines and control characters) collapse to one space, the result
 * is trimmed, a message wholly wrapped in double quotes ({@code $context.error.messageString}) is
 * unwrapped first, and the signature is capped at {@value #MAX_LENGTH} characters.
 *
 * <p>The scanner is hand-written and runs in time linear in the input, with no regular
 * expressions; it stops as soon as the signature is full, so a 1 MB message costs about as much as
 * its first few hundred characters.
 */
public final class ErrorSignatures {

    /** Longest signature returned, in chars. */
    public static final int MAX_LENGTH = 256;

    /** Longest quoted span masked as a value; longer spans are scanned as text. */
    private static final int MAX_QUOTED = 512;

    private ErrorSignatures() {
    }

    /**
     * The signature of an error message, or null when the message is null or blank.
     */
    public static String of(String message) {
        if (message == null) {
            return null;
        }
        int start = 0;
        int end = message.length();
        while (start < end && isSpace(message.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(message.charAt(end - 1))) {
            end--;
        }
        if (end - start >= 2 && message.charAt(start) == '"' && message.charAt(end - 1) == '"'
                && message.indexOf('"', start + 1) == end - 1) {
            start++;
            end--;
        }
        if (start >= end) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(end - start, MAX_LENGTH) + 8);
        boolean pendingSpace = false;
        int i = start;
        while (i < end && out.length() < MAX_LENGTH) {
            char c = message.charAt(i);
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
                i++;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            if (i > start && isWordChar(message.charAt(i - 1))) {
                out.append(c);
                i++;
                continue;
            }
            int next;
            if ((next = matchUuid(message, i, end)) > 0) {
                out.append("<uuid>");
            } else if ((next = matchArn(message, i, end)) > 0) {
                out.append("<arn>");
            } else if ((next = matchIpv4(message, i, end)) > 0 || (next = matchIpv6(message, i, end)) > 0) {
                out.append("<ip>");
            } else if ((c == '"' || c == '\'') && (next = matchQuoted(message, i, end)) > 0) {
                out.append(c).append("<v>").append(c);
            } else if (isWordChar(c)) {
                next = appendWord(message, i, end, out);
            } else {
                out.append(c);
                next = i + 1;
            }
            i = next;
        }
        int length = Math.min(out.length(), MAX_LENGTH);
        if (length > 0 && Character.isHighSurrogate(out.charAt(length - 1))) { // its pair was cut off
            length--;
        }
        while (length > 0 && out.charAt(length - 1) == ' ') {
            length--;
        }
        out.setLength(length);
        return length == 0 ? null : out.toString();
    }

    /** Appends the masked form of the word at {@code s[i]} and returns the index after it. */
    private static int appendWord(String s, int i, int end, StringBuilder out) {
        int j = i;
        int digits = 0;
        int letters = 0;
        int digitRuns = 0;
        int longestRun = 0;
        int run = 0;
        while (j < end && isWordChar(s.charAt(j))) {
            char c = s.charAt(j);
            if (isDigit(c)) {
                digits++;
                if (run == 0) {
                    digitRuns++;
                }
                run++;
                longestRun = Math.max(longestRun, run);
            } else {
                run = 0;
                if (c != '_') {
                    letters++;
                }
            }
            j++;
        }
        if (digits == 0) {
            appendCapped(out, s, i, j);
            return j;
        }
        if (letters == 0) {
            // A number; take decimal and thousands groups along ("5.00", "1,024").
            while (j + 1 < end && (s.charAt(j) == '.' || s.charAt(j) == ',') && isDigit(s.charAt(j + 1))) {
                int k = j + 1;
                while (k < end && isDigit(s.charAt(k))) {
                    k++;
                }
                if (k < end && isWordChar(s.charAt(k))) {
                    break;
                }
                j = k;
            }
            out.append("<n>");
            return j;
        }
        int length = j - i;
        if (isDigit(s.charAt(i))) {
            if (length > 2 && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X') && isHex(s, i + 2, j)) {
                out.append("<hex>");
                return j;
            }
            // A number with a short unit: "30s", "250ms", "5xx", "64KB".
            int unitStart = i;
            while (isDigit(s.charAt(unitStart))) {
                unitStart++;
            }
            if (j - unitStart <= 3 && isLetters(s, unitStart, j)) {
                out.append("<n>").append(s, unitStart, j);
                return j;
            }
            out.append("<id>");
            return j;
        }
        if (digitRuns >= 2 || longestRun >= 4 || length >= 20) {
            out.append("<id>");
        } else {
            out.append(s, i, j);
        }
        return j;
    }

    /** Appends {@code s[from, to)}, but no more than the signature can still hold (plus one char to detect overflow). */
    private static void appendCapped(StringBuilder out, String s, int from, int to) {
        int room = MAX_LENGTH + 1 - out.length();
        out.append(s, from, Math.min(to, from + Math.max(room, 0)));
    }

    private static int matchUuid(String s, int i, int end) {
        int stop = i + 36;
        if (stop > end) {
            return -1;
        }
        for (int k = i; k < stop; k++) {
            int offset = k - i;
            char c = s.charAt(k);
            if (offset == 8 || offset == 13 || offset == 18 || offset == 23) {
                if (c != '-') {
                    return -1;
                }
            } else if (!isHexDigit(c)) {
                return -1;
            }
        }
        return stop == end || !isWordChar(s.charAt(stop)) ? stop : -1;
    }

    private static int matchArn(String s, int i, int end) {
        if (i + 5 > end || !s.startsWith("arn:", i) || !isAsciiLetter(s.charAt(i + 4))) {
            return -1;
        }
        int j = i + 4;
        while (j < end && !isArnTerminator(s.charAt(j))) {
            j++;
        }
        // Sentence punctuation after an ARN is not part of it.
        while (j > i + 4 && (s.charAt(j - 1) == '.' || s.charAt(j - 1) == ':')) {
            j--;
        }
        return j;
    }

    private static boolean isArnTerminator(char c) {
        return isSpace(c) || c == '"' || c == '\'' || c == ',' || c == ';' || c == '(' || c == ')'
                || c == '[' || c == ']' || c == '{' || c == '}' || c == '<' || c == '>';
    }

    private static int matchIpv4(String s, int i, int end) {
        int j = i;
        for (int part = 0; part < 4; part++) {
            int digitsStart = j;
            while (j < end && j - digitsStart < 3 && isDigit(s.charAt(j))) {
                j++;
            }
            if (j == digitsStart) {
                return -1;
            }
            if (part < 3) {
                if (j >= end || s.charAt(j) != '.') {
                    return -1;
                }
                j++;
            }
        }
        if (j < end && (isWordChar(s.charAt(j)) || (s.charAt(j) == '.' && j + 1 < end && isDigit(s.charAt(j + 1))))) {
            return -1;
        }
        return j;
    }

    private static int matchIpv6(String s, int i, int end) {
        int j = i;
        int colons = 0;
        int group = 0;
        boolean doubleColon = false;
        while (j < end && j - i < 45) {
            char c = s.charAt(j);
            if (c == ':') {
                if (j > i && s.charAt(j - 1) == ':') {
                    doubleColon = true;
                }
                colons++;
                group = 0;
            } else if (isHexDigit(c)) {
                if (++group > 4) {
                    return -1;
                }
            } else {
                break;
            }
            j++;
        }
        if (colons < 2 || colons > 7 || !(doubleColon || colons == 7)) {
            return -1;
        }
        if (j < end && isWordChar(s.charAt(j))) {
            return -1;
        }
        // "::" alone, or a trailing single colon, is punctuation rather than an address.
        if (j - i <= 2 || (s.charAt(j - 1) == ':' && s.charAt(j - 2) != ':')) {
            return -1;
        }
        return j;
    }

    /** The index after the closing quote of a quoted value starting at {@code s[i]}, or -1. */
    private static int matchQuoted(String s, int i, int end) {
        char quote = s.charAt(i);
        int limit = Math.min(end, i + 1 + MAX_QUOTED + 1);
        for (int k = i + 1; k < limit; k++) {
            if (s.charAt(k) != quote || s.charAt(k - 1) == '\\') {
                continue;
            }
            if (k == i + 1 || (k + 1 < end && isWordChar(s.charAt(k + 1)))) {
                return -1;
            }
            if (quote == '"') {
                int after = k + 1;
                while (after < end && after < k + 4 && isSpace(s.charAt(after))) {
                    after++;
                }
                if (after < end && s.charAt(after) == ':') {
                    return -1; // a JSON key: keep it
                }
            }
            return k + 1;
        }
        return -1;
    }

    private static boolean isHex(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!isHexDigit(s.charAt(k))) {
                return false;
            }
        }
        return to > from;
    }

    private static boolean isLetters(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!isAsciiLetter(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** Whitespace and control characters, which collapse to one space. */
    private static boolean isSpace(char c) {
        if (c < 128) {
            return c <= ' ' || c == 127;
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
    }

    private static boolean isWordChar(char c) {
        return isAsciiLetter(c) || isDigit(c) || c == '_';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
