package dev.apigwinsights.parse;

import dev.apigwinsights.schema.ContextVariable;
import java.util.ArrayList;
import java.util.List;

/**
 * What a parser extracted from one access-log line, before typing: the raw string value of each
 * {@link ContextVariable} it recognised, and every other key (in order) for {@code extra}.
 * The log's {@code -} placeholder and empty strings are stored as-is; the canonical mapper turns
 * them into nulls. Reusable: {@link #reset()} between lines keeps allocation down.
 *
 * <p>Secrets never get in: a secret variable, a key that names an API key value or a certificate,
 * and any value holding a PEM block are dropped here, the one door every parser goes through
 * (see {@link Secrets}).
 *
 * <p>Parsers also record here the work a line cost beyond reading it once ({@link #addWork}), in
 * the units of the Firehose batch budget: about one nanosecond of one core (JDK 17, C2).
 */
public final class RawAccessLog {
    private final String[] values = new String[ContextVariable.count()];
    private final List<String> extraKeys = new ArrayList<>();
    private final List<String> extraValues = new ArrayList<>();

    private long work;

    public void put(ContextVariable variable, String value) {
        if (variable.secret() || Secrets.looksLikePem(value)) {
            return; // API key values and certificate PEMs are never kept
        }
        String existing = values[variable.ordinal()];
        if (existing != null && isAbsent(value) && !isAbsent(existing)) {
            return; // two keys for one variable (Sumo logs both): a real value beats a '-'
        }
        values[variable.ordinal()] = value;
    }

    /** API Gateway writes '-' for a missing value; some pipelines write empty or blank strings. */
    public static boolean isAbsent(String v) {
        if (v == null) {
            return true;
        }
        // Two characters or more, starting with a visible ASCII one: a value. Kept within the 35 bytes
        // of bytecode that C1 inlines, as this runs for every column's every source.
        if (v.length() > 1 && (char) (v.charAt(0) - '!') < 0x7F - '!') {
            return false;
        }
        return isBlankOrDash(v);
    }

    private static boolean isBlankOrDash(String v) {
        if (v.isEmpty()) {
            return true;
        }
        char first = v.charAt(0);
        if (first > ' ' && first < 0x80) {
            // not blank: only API Gateway's '-' is absent (decided without isBlank's calls, which C1 does not inline)
            return first == '-' && v.length() == 1;
        }
        return v.isBlank();
    }

    public String get(ContextVariable variable) {
        return values[variable.ordinal()];
    }

    /** A key with no context variable, kept so that no logged field is lost. */
    public void putExtra(String key, String value) {
        if (Secrets.isSecretKey(key) || Secrets.looksLikePem(value)) {
            return;
        }
        extraKeys.add(key);
        extraValues.add(value);
    }

    public int extraCount() {
        return extraKeys.size();
    }

    public String extraKey(int i) {
        return extraKeys.get(i);
    }

    public String extraValue(int i) {
        return extraValues.get(i);
    }

    /** The extra keys and values in the order they appeared (a copy; the last value of a repeated key). */
    public java.util.Map<String, String> extras() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < extraKeys.size(); i++) {
            m.put(extraKeys.get(i), extraValues.get(i));
        }
        return m;
    }

    /**
     * True when a context variable that describes a request has a value: anything but a time, an
     * error text or the X-Ray trace id. An application's own JSON log ({@code {"level":"INFO",
     * "message":"processing order 42","timestamp":…}}, Lambda Powertools) fills only
     * {@code error.message} through the aliases; taken as an access log it would be a row of one
     * message, counted as a request by every dashboard.
     */
    public boolean hasRequestFacts() {
        for (int i = 0; i < values.length; i++) {
            if (!DESCRIPTIVE_ONLY[i] && !isAbsent(values[i])) {
                return true;
            }
        }
        return false;
    }

    private static final boolean[] DESCRIPTIVE_ONLY = new boolean[ContextVariable.count()];

    static {
        for (ContextVariable v : ContextVariable.values()) {
            String name = v.path();
            DESCRIPTIVE_ONLY[v.ordinal()] = v == ContextVariable.REQUEST_TIME || v == ContextVariable.REQUEST_TIME_EPOCH
                    || v == ContextVariable.XRAY_TRACE_ID || name.toLowerCase(java.util.Locale.ROOT).contains("error");
        }
    }

    public boolean isEmpty() {
        for (String v : values) {
            if (v != null) {
                return false;
            }
        }
        return extraKeys.isEmpty();
    }

    /** Forgets the values (a parser starting over on the same line); the work spent so far stays. */
    public void clear() {
        java.util.Arrays.fill(values, null);
        extraKeys.clear();
        extraValues.clear();
    }

    /** Ready for the next line: no values, no work. */
    public void reset() {
        clear();
        work = 0;
    }

    /** Records extra work spent on this line (a template search, a repair), in batch-budget units. */
    public void addWork(long units) {
        work += units;
    }

    /** The work recorded since the last {@link #reset()}. */
    public long work() {
        return work;
    }
}
