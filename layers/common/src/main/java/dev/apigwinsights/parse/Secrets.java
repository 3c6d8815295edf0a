package dev.apigwinsights.parse;

/**
 * Recognises values that must never be stored: API key values and certificates. By key name at
 * any depth (the last segment of a flattened key, compared in lower case with letters and digits
 * only: {@code apiKey}, {@code x-api-key}, {@code identity.apiKey}, {@code auth.api_key},
 * {@code clientCertPem}, {@code clientCert.clientCertPem}), and by content for PEM blocks
 * ({@code -----BEGIN ...}, also URL-encoded), whatever key or variable holds them. An API key id
 * ({@code apiKeyId}) is not a secret. Allocation-free: it runs for every value of every line.
 */
public final class Secrets {
    private static final String[] SECRET_KEY_ENDINGS = {"apikey", "apikeys", "apikeyvalue", "pem"};
    /** Shorter values cannot hold a PEM header ({@code -----BEGIN X-----}). */
    private static final int MIN_PEM_LENGTH = 16;

    private Secrets() {
    }

    /** Whether a (possibly dotted) key names an API key value or a certificate. */
    public static boolean isSecretKey(String key) {
        int start = key.lastIndexOf('.') + 1;
        for (String ending : SECRET_KEY_ENDINGS) {
            if (normalizedEndsWith(key, start, ending)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code key[start..]}, lower-cased with everything but letters and digits removed, ends with {@code ending}. */
    private static boolean normalizedEndsWith(String key, int start, String ending) {
        int k = ending.length();
        for (int i = key.length() - 1; i >= start && k > 0; i--) {
            char c = key.charAt(i);
            if (Character.isLetterOrDigit(c) && Character.toLowerCase(c) != ending.charAt(--k)) {
                return false;
            }
        }
        return k == 0;
    }

    /** Whether a value holds a PEM block header ({@code -----BEGIN}), plain or URL-encoded. */
    public static boolean looksLikePem(String value) {
        // small enough for C1 to inline into every put: most values are too short to search
        return value != null && value.length() >= MIN_PEM_LENGTH && holdsPemHeader(value);
    }

    private static boolean holdsPemHeader(String value) {
        for (int at = value.indexOf("BEGIN"); at >= 0; at = value.indexOf("BEGIN", at + 1)) {
            if (dashesBefore(value, at)) {
                return true;
            }
        }
        return false;
    }

    /** Five dashes (or five URL-encoded dashes, {@code %2D}) right before {@code at}. */
    private static boolean dashesBefore(String v, int at) {
        if (at >= 5 && v.startsWith("-----", at - 5)) {
            return true;
        }
        if (at < 15) {
            return false;
        }
        for (int i = at - 15; i < at; i += 3) {
            if (v.charAt(i) != '%' || v.charAt(i + 1) != '2' || (v.charAt(i + 2) != 'D' && v.charAt(i + 2) != 'd')) {
                return false;
            }
        }
        return true;
    }
}
