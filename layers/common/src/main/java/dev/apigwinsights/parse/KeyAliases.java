package dev.apigwinsights.parse;

import dev.apigwinsights.schema.CanonicalField;
import dev.apigwinsights.schema.ContextVariable;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The standard {@link KeyResolver}: maps the JSON key names seen in the wild to context
 * variables, so a JSON access log works without telling us its format.
 *
 * <p>Keys are compared after lower-casing and removing everything but letters and digits, so
 * {@code identity.sourceIp}, {@code identitySourceIp}, {@code identity_source_ip} and
 * {@code $context.identity.sourceIp} are one key. Recognised, in order of precedence:
 * <ol>
 *   <li>the exact variable path ({@code integration.status} is not {@code integrationStatus});</li>
 *   <li>explicit aliases from known formats: the AWS console presets ({@code ip}, {@code caller},
 *       {@code user}), the AWS reference sample ({@code sub}, {@code clientId} = claims iss,
 *       {@code aud}), Sumo Logic ({@code contextIntegrationLatency}), Elastic
 *       ({@code clientsubjectDN}, {@code userAgent}), the names custom formats commonly give
 *       ({@code timestamp}, {@code time}, {@code statusCode}, {@code latencyMs}, {@code request.method},
 *       {@code response.status}), and our own canonical column names, so re-ingesting our output
 *       is lossless;</li>
 *   <li>every variable's flattened path ({@code identitySourceIp}), and its last segment when
 *       that is unique and not itself a top-level variable ({@code sourceIp}, {@code apiKeyId};
 *       not {@code latency} or {@code status}, which several groups share).</li>
 * </ol>
 */
public final class KeyAliases implements KeyResolver {
    private static final KeyAliases STANDARD = new KeyAliases();
    /** Bounds the per-key cache so a stream of random keys cannot grow memory. */
    private static final int MAX_CACHED_KEYS = 4096;
    private static final ContextVariable UNKNOWN = null;

    private final Map<String, ContextVariable> byNormalizedKey;
    private final Map<String, Object> cache = new ConcurrentHashMap<>();
    private static final Object NOT_FOUND = new Object();

    private KeyAliases() {
        this.byNormalizedKey = Collections.unmodifiableMap(buildTable());
    }

    public static KeyAliases standard() {
        return STANDARD;
    }

    @Override
    public ContextVariable resolve(String key) {
        Object hit = cache.get(key);
        if (hit != null) {
            return hit == NOT_FOUND ? UNKNOWN : (ContextVariable) hit;
        }
        ContextVariable v = lookup(key);
        if (cache.size() < MAX_CACHED_KEYS) {
            cache.put(key, v == null ? NOT_FOUND : v);
        }
        return v;
    }

    private ContextVariable lookup(String key) {
        return ContextVariable.byPath(key).orElseGet(() -> byNormalizedKey.get(normalize(key)));
    }

    /** Lower-case letters and digits only: the form all aliases are compared in. */
    public static String normalize(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                sb.append((char) (c + 32));
            } else if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    private static Map<String, ContextVariable> buildTable() {
        Map<String, ContextVariable> table = new HashMap<>();
        Map<String, Integer> lastSegmentUses = new HashMap<>();
        Map<String, ContextVariable> lastSegmentOwner = new HashMap<>();
        for (ContextVariable v : ContextVariable.values()) {
            String path = v.path();
            int dot = path.lastIndexOf('.');
            if (dot > 0) {
                String last = normalize(path.substring(dot + 1));
                lastSegmentUses.merge(last, 1, Integer::sum);
                lastSegmentOwner.put(last, v);
            }
        }
        // Weakest first: later puts override earlier ones.
        lastSegmentUses.forEach((last, uses) -> {
            if (uses == 1 && ContextVariable.byPath(last).isEmpty()) {
                table.put(last, lastSegmentOwner.get(last));
            }
        });
        for (ContextVariable v : ContextVariable.values()) {
            table.put(normalize(v.path()), v);
            table.put(normalize("context." + v.path()), v);
        }
        // The flattened spelling of these two collides with a top-level variable of the same
        // meaning; the top-level one wins (exact dotted paths still resolve exactly).
        table.put(normalize("integrationStatus"), ContextVariable.INTEGRATION_STATUS);
        table.put(normalize("integrationLatency"), ContextVariable.INTEGRATION_LATENCY);
        // Sumo Logic's "integrationError" means $context.integration.error.
        table.put(normalize("integrationError"), ContextVariable.INTEGRATION_ERROR);

        for (CanonicalField f : CanonicalField.values()) {
            if (!f.sources().isEmpty()) {
                table.put(normalize(f.column()), f.sources().get(0));
            }
        }
        table.put("requesttimeepochms", ContextVariable.REQUEST_TIME_EPOCH);

        explicit(table, ContextVariable.IDENTITY_SOURCE_IP, "ip", "sourceIp", "clientIp", "remoteAddr", "remoteIp");
        explicit(table, ContextVariable.IDENTITY_CALLER, "caller");
        explicit(table, ContextVariable.IDENTITY_USER, "user");
        explicit(table, ContextVariable.IDENTITY_USER_AGENT, "userAgent", "ua");
        explicit(table, ContextVariable.IDENTITY_API_KEY_ID, "apiKeyId", "keyId");
        explicit(table, ContextVariable.IDENTITY_API_KEY, "apiKey", "identityApiKey", "xApiKey");
        explicit(table, ContextVariable.AUTHORIZER_CLAIMS_SUB, "sub", "claimsSub", "authorizerSub");
        // The AWS reference sample logs "clientId":"$context.authorizer.claims.iss".
        explicit(table, ContextVariable.AUTHORIZER_CLAIMS_ISS, "iss", "clientId", "claimsIss");
        explicit(table, ContextVariable.AUTHORIZER_CLAIMS_AUD, "aud", "claimsAud");
        explicit(table, ContextVariable.HTTP_METHOD, "method", "verb", "requestMethod", "httpVerb");
        explicit(table, ContextVariable.PATH, "requestPath");
        // Custom formats name the request time every way; any form RequestTimes reads works.
        explicit(table, ContextVariable.REQUEST_TIME, "time", "timestamp", "dateTime");
        explicit(table, ContextVariable.ROUTE_KEY, "route");
        explicit(table, ContextVariable.STATUS, "statusCode", "httpStatus", "responseStatus", "httpStatusCode");
        explicit(table, ContextVariable.DOMAIN_NAME, "domain", "host");
        explicit(table, ContextVariable.RESPONSE_LENGTH, "bytes", "bytesSent");
        explicit(table, ContextVariable.RESPONSE_LATENCY, "latency", "responseTime", "latencyMs", "durationMs");
        explicit(table, ContextVariable.CLIENT_CERT_PEM, "clientCertPem", "certPem");
        explicit(table, ContextVariable.CLIENT_CERT_SUBJECT_DN, "clientSubjectDN", "subjectDN");
        explicit(table, ContextVariable.CLIENT_CERT_ISSUER_DN, "clientIssuerDN", "issuerDN");
        explicit(table, ContextVariable.CLIENT_CERT_SERIAL_NUMBER, "clientSerialNumber");
        explicit(table, ContextVariable.CLIENT_CERT_NOT_BEFORE, "clientNotBefore");
        explicit(table, ContextVariable.CLIENT_CERT_NOT_AFTER, "clientNotAfter");
        explicit(table, ContextVariable.INTEGRATION_LATENCY, "contextIntegrationLatency");
        explicit(table, ContextVariable.ERROR_MESSAGE, "error", "errorMessage");
        return table;
    }

    private static void explicit(Map<String, ContextVariable> table, ContextVariable v, String... keys) {
        for (String k : keys) {
            table.put(normalize(k), v);
        }
    }
}
