package dev.apigwinsights.util;

/**
 * Makes a value from the input fit to appear in a log line. Logs never carry payload values; the
 * only input they name are identifiers (record ids, API ids, key ids, stages), and even those come
 * from the outside: a newline would forge a log line, a megabyte would flood the log. So an
 * identifier keeps only letters, digits and {@code - _ . : / + = @}, anything else becoming
 * {@code ?}, and at most {@value #MAX_LENGTH} characters of it are shown.
 */
public final class LogSafe {
    public static final int MAX_LENGTH = 64;

    private LogSafe() {
    }

    public static String id(String value) {
        if (value == null) {
            return "null";
        }
        int n = Math.min(value.length(), MAX_LENGTH);
        StringBuilder sb = new StringBuilder(n + 16);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':' || c == '/' || c == '+' || c == '=' || c == '@';
            sb.append(safe ? c : '?');
        }
        if (value.length() > MAX_LENGTH) {
            sb.append("...(").append(value.length()).append(" chars)");
        }
        return sb.toString();
    }
}
