package dev.apigwinsights.derive;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua_parser.Client;
import ua_parser.Parser;

/**
 * Classifies {@code User-Agent} strings into family, OS and device with uap-java, behind a bounded
 * cache. Thread-safe; one instance is meant to be shared by every record of a Lambda container.
 *
 * <ul>
 *   <li><b>Parser.</b> uap-java compiles ~200 KB of YAML regexes when it is built (a few hundred
 *       ms, measured and logged once at INFO). It is built lazily, once per class loader, on the
 *       first cache miss or by {@link #preload()} (call it while priming a SnapStart snapshot).
 *       If it cannot be built, classification degrades to the API-client table below and
 *       {@code Other}, and never throws.</li>
 *   <li><b>Cache.</b> Two generations of concurrent maps of {@code maxCacheEntries / 2} each:
 *       when the young generation fills up it becomes the old one and the previous old one is
 *       dropped; a hit in the old generation is copied back to the young one. That is a cheap
 *       approximation of LRU whose size never exceeds {@code maxCacheEntries} (plus, at most, one
 *       entry per thread racing the rotation), whatever the input, so unique adversarial user
 *       agents cannot grow memory.</li>
 *   <li><b>Long input.</b> Only the first {@value #MAX_USER_AGENT_LENGTH} chars are parsed and used
 *       as the cache key: real user agents are far shorter, and it bounds both regex time and the
 *       memory a cache entry can hold.</li>
 *   <li><b>API clients.</b> Libraries and tools that call APIs are recognised by their leading
 *       product token before uap's answer is used, because uap calls many of them {@code Other}
 *       (aws-sdk-js, aws-sdk-go, Amazon CloudFront, node-fetch, Java HttpClient) or guesses a
 *       device for them ({@code Spider} for Boto3 and Java, a feature phone for HTTPie). For these
 *       the family comes from the table, the OS from uap (SDKs name it, e.g. {@code Linux}), and
 *       the device is {@code Other}.</li>
 *   <li><b>Unknowns.</b> Anything not recognised is {@code Other}, uap's own value; it is kept, not
 *       mapped to null, so that "a user agent we could not classify" stays distinct from "no user
 *       agent logged". Desktop browsers therefore have device {@code Other} (uap has no desktop
 *       device), except Macs, which uap calls {@code Mac}.</li>
 * </ul>
 */
public final class UserAgentClassifier {

    /** User agents are truncated to this many chars before parsing and caching. */
    public static final int MAX_USER_AGENT_LENGTH = 512;

    private static final Logger LOG = LoggerFactory.getLogger(UserAgentClassifier.class);

    /** Leading product tokens of API clients, matched case-insensitively, with their family. */
    private static final String[][] API_CLIENTS = {
        {"curl", "curl"},
        {"python-requests", "Python Requests"},
        {"Python-urllib", "Python-urllib"},
        {"okhttp", "okhttp"},
        {"Go-http-client", "Go-http-client"},
        {"Boto3", "Boto3"},
        {"Botocore", "Botocore"},
        {"aws-cli", "aws-cli"},
        {"Amazon CloudFront", "Amazon CloudFront"},
        {"PostmanRuntime", "PostmanRuntime"},
        {"axios", "axios"},
        {"node-fetch", "node-fetch"},
        {"undici", "undici"},
        {"Java-http-client", "Java HttpClient"},
        {"Java", "Java"},
        {"Apache-HttpClient", "Apache-HttpClient"},
        {"Apache-HttpAsyncClient", "Apache-HttpAsyncClient"},
        {"Wget", "Wget"},
        {"HTTPie", "HTTPie"},
        {"insomnia", "Insomnia"},
        {"GuzzleHttp", "Guzzle"},
        {"Guzzle", "Guzzle"},
        {"Dart", "Dart"},
        {"k6", "k6"},
        {"ELB-HealthChecker", "ELB-HealthChecker"},
        {"Amazon-Route53-Health-Check-Service", "Route 53 Health Check"},
    };

    /** AWS SDKs name themselves {@code aws-sdk-<language>[-v2]/<version>}; the token is the family. */
    private static final String AWS_SDK_PREFIX = "aws-sdk-";

    private static final Object PARSER_LOCK = new Object();
    private static volatile Parser parser;
    private static volatile boolean parserFailed;

    private final Function<String, UserAgentInfo> classifier;
    private final int generationCapacity;
    private final Object rotationLock = new Object();
    private volatile ConcurrentHashMap<String, UserAgentInfo> young;
    private volatile ConcurrentHashMap<String, UserAgentInfo> old;

    /**
     * @param maxCacheEntries upper bound on cached user agents (at least 2), e.g. 10,000: a few MB at most
     */
    public UserAgentClassifier(int maxCacheEntries) {
        this(maxCacheEntries, UserAgentClassifier::compute);
    }

    /** For tests: classify cache misses with {@code classifier} instead of uap-java. */
    UserAgentClassifier(int maxCacheEntries, Function<String, UserAgentInfo> classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        if (maxCacheEntries < 2) {
            throw new IllegalArgumentException("maxCacheEntries must be at least 2, was " + maxCacheEntries);
        }
        this.generationCapacity = maxCacheEntries / 2;
        this.young = newGeneration();
        this.old = newGeneration();
    }

    /**
     * Classifies a user agent; null for a null or blank one (nothing was logged). Never throws.
     */
    public UserAgentInfo classify(String userAgent) {
        if (userAgent == null) {
            return null;
        }
        String key = userAgent.length() > MAX_USER_AGENT_LENGTH ? truncate(userAgent) : userAgent;
        UserAgentInfo cached = young.get(key);
        if (cached != null) {
            return cached;
        }
        if (key.isBlank()) {
            return null;
        }
        cached = old.get(key);
        if (cached == null) {
            cached = classifier.apply(key);
            if (cached == null) {
                cached = UserAgentInfo.UNKNOWN;
            }
        }
        put(key, cached);
        return cached;
    }

    /** Builds the uap parser now rather than on the first cache miss (for snapshot priming). */
    public void preload() {
        parser();
    }

    /** Number of cached user agents, for tests and metrics. */
    int cachedEntries() {
        return young.size() + old.size();
    }

    private void put(String key, UserAgentInfo info) {
        ConcurrentHashMap<String, UserAgentInfo> current = young;
        if (current.size() >= generationCapacity) {
            synchronized (rotationLock) {
                if (young == current) {
                    old = current;
                    young = newGeneration();
                }
            }
            current = young;
        }
        current.put(key, info);
    }

    private ConcurrentHashMap<String, UserAgentInfo> newGeneration() {
        return new ConcurrentHashMap<>(Math.min(generationCapacity, 1024) * 2);
    }

    private static UserAgentInfo compute(String userAgent) {
        String apiClient = apiClientFamily(userAgent);
        Client client = parse(userAgent);
        String os = client == null ? UserAgentInfo.OTHER : orOther(client.os == null ? null : client.os.family);
        if (apiClient != null) {
            return new UserAgentInfo(apiClient, os, UserAgentInfo.OTHER);
        }
        if (client == null) {
            return UserAgentInfo.UNKNOWN;
        }
        return new UserAgentInfo(
                orOther(client.userAgent == null ? null : client.userAgent.family),
                os,
                orOther(client.device == null ? null : client.device.family));
    }

    /** The family of a known API client named by the leading product token, or null. */
    static String apiClientFamily(String userAgent) {
        if (userAgent.regionMatches(true, 0, AWS_SDK_PREFIX, 0, AWS_SDK_PREFIX.length())) {
            int end = AWS_SDK_PREFIX.length();
            while (end < userAgent.length() && !isTokenEnd(userAgent.charAt(end))) {
                end++;
            }
            return end > AWS_SDK_PREFIX.length() ? userAgent.substring(0, end).toLowerCase(java.util.Locale.ROOT) : null;
        }
        for (String[] entry : API_CLIENTS) {
            String token = entry[0];
            int n = token.length();
            if (userAgent.regionMatches(true, 0, token, 0, n)
                    && (userAgent.length() == n || isTokenEnd(userAgent.charAt(n)))) {
                return entry[1];
            }
        }
        return null;
    }

    private static boolean isTokenEnd(char c) {
        return c == '/' || c == ' ' || c == ';' || c == '(' || c == '\t';
    }

    private static Client parse(String userAgent) {
        Parser p = parser();
        if (p == null) {
            return null;
        }
        try {
            return p.parse(userAgent);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.debug("User agent could not be parsed: {}", e.getClass().getName()); // the message may quote it
            return null;
        }
    }

    private static Parser parser() {
        Parser p = parser;
        if (p != null || parserFailed) {
            return p;
        }
        synchronized (PARSER_LOCK) {
            if (parser == null && !parserFailed) {
                long started = System.nanoTime();
                try {
                    parser = new Parser();
                    LOG.info("uap-java user-agent parser loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
                } catch (RuntimeException | LinkageError e) {
                    parserFailed = true;
                    LOG.error("uap-java user-agent parser could not be loaded; user agents will be classified as Other: {}",
                            e.toString());
                }
            }
            return parser;
        }
    }

    private static String truncate(String userAgent) {
        int end = MAX_USER_AGENT_LENGTH;
        if (Character.isHighSurrogate(userAgent.charAt(end - 1))) {
            end--;
        }
        return userAgent.substring(0, end);
    }

    private static String orOther(String value) {
        return value == null || value.isEmpty() ? UserAgentInfo.OTHER : value;
    }
}
