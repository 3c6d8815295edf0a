package dev.apigwinsights.derive;

import static dev.apigwinsights.schema.CanonicalField.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwinsights.schema.CanonicalRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DerivationsUserAgentTest {

    static final String CHROME_MAC =
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36";
    static final String IPHONE_SAFARI =
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1";
    static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    static final String ANDROID_CHROME =
            "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36";
    static final String AWS_SDK_JAVA_V2 = "aws-sdk-java/2.21.0 Linux/5.10.199-190.747.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.9+8-LTS"
            + " Java/17.0.9 vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/legacy";
    static final String AWS_SDK_JS_V3 = "aws-sdk-js/3.470.0 ua/2.0 os/linux#5.10.201-213.748.amzn2.x86_64 lang/js md/nodejs#18.18.2"
            + " api/lambda#3.470.0 exec-env/AWS_Lambda_nodejs18.x";
    static final String BOTO3 = "Boto3/1.34.11 md/Botocore#1.34.11 ua/2.0 os/linux#5.10.201 md/arch#x86_64 lang/python#3.11.6"
            + " md/pyimpl#CPython exec-env/AWS_Lambda_python3.11 cfg/retry-mode#legacy Botocore/1.34.11";

    private final UserAgentClassifier classifier = new UserAgentClassifier(10_000);

    @Test
    void classifiesChromeOnMacOs() {
        assertThat(classifier.classify(CHROME_MAC)).isEqualTo(new UserAgentInfo("Chrome", "Mac OS X", "Mac"));
    }

    @Test
    void classifiesSafariOnAnIphone() {
        assertThat(classifier.classify(IPHONE_SAFARI)).isEqualTo(new UserAgentInfo("Mobile Safari", "iOS", "iPhone"));
    }

    @Test
    void classifiesChromeOnAnAndroidPhone() {
        assertThat(classifier.classify(ANDROID_CHROME))
                .isEqualTo(new UserAgentInfo("Chrome Mobile", "Android", "Samsung SM-S918B"));
    }

    @Test
    void classifiesGooglebotAsASpider() {
        assertThat(classifier.classify(GOOGLEBOT)).isEqualTo(new UserAgentInfo("Googlebot", "Other", "Spider"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "curl/8.4.0 | curl",
        "python-requests/2.31.0 | Python Requests",
        "okhttp/4.12.0 | okhttp",
        "Go-http-client/1.1 | Go-http-client",
        "Go-http-client/2.0 | Go-http-client",
        "PostmanRuntime/7.36.0 | PostmanRuntime",
        "axios/1.6.2 | axios",
        "node-fetch/1.0 (+https://github.com/bitinn/node-fetch) | node-fetch",
        "node-fetch | node-fetch",
        "Java-http-client/17.0.9 | Java HttpClient",
        "Java/17.0.9 | Java",
        "Apache-HttpClient/4.5.14 (Java/17.0.9) | Apache-HttpClient",
        "Amazon CloudFront | Amazon CloudFront",
        "HTTPie/3.2.2 | HTTPie",
        "ELB-HealthChecker/2.0 | ELB-HealthChecker",
        "aws-cli/2.15.8 Python/3.11.6 Darwin/23.2.0 exe/x86_64 prompt/off command/apigateway.get-rest-apis | aws-cli",
        "aws-sdk-go-v2/1.24.0 os/linux lang/go#1.21.5 md/GOOS#linux md/GOARCH#amd64 | aws-sdk-go-v2",
    })
    void namesApiClientsThatUapCallsOtherOrMistakesForDevices(String userAgent, String family) {
        UserAgentInfo info = classifier.classify(userAgent);

        assertThat(info.family()).isEqualTo(family);
        assertThat(info.device()).isEqualTo("Other");
    }

    @Test
    void namesAwsSdksByTheirProductTokenAndKeepsTheOsTheyReport() {
        assertThat(classifier.classify(AWS_SDK_JAVA_V2)).isEqualTo(new UserAgentInfo("aws-sdk-java", "Linux", "Other"));
        assertThat(classifier.classify(AWS_SDK_JS_V3)).isEqualTo(new UserAgentInfo("aws-sdk-js", "Linux", "Other"));
        assertThat(classifier.classify(BOTO3)).isEqualTo(new UserAgentInfo("Boto3", "Linux", "Other"));
    }

    @Test
    void doesNotMistakeAProductThatMerelyStartsLikeAClient() {
        assertThat(UserAgentClassifier.apiClientFamily("curlybrowser/1.0")).isNull();
        assertThat(UserAgentClassifier.apiClientFamily("JavaScriptEngine/2")).isNull();
        assertThat(UserAgentClassifier.apiClientFamily("aws-sdk-/1.0")).isNull();
    }

    @Test
    void callsAnUnrecognisedUserAgentOtherRatherThanNull() {
        assertThat(classifier.classify("zq-internal-agent")).isEqualTo(UserAgentInfo.UNKNOWN);
    }

    @Test
    void returnsNullForAMissingOrBlankUserAgent() {
        assertThat(classifier.classify(null)).isNull();
        assertThat(classifier.classify("")).isNull();
        assertThat(classifier.classify("   ")).isNull();
    }

    @Test
    void fillsTheThreeColumnsOfARecord() {
        CanonicalRecord r = new CanonicalRecord().set(USER_AGENT, IPHONE_SAFARI);

        new Derivations(classifier).derive(r);

        assertThat(r.getString(UA_FAMILY)).isEqualTo("Mobile Safari");
        assertThat(r.getString(UA_OS)).isEqualTo("iOS");
        assertThat(r.getString(UA_DEVICE)).isEqualTo("iPhone");
    }

    @Test
    void leavesTheColumnsNullWithoutAUserAgent() {
        CanonicalRecord r = new CanonicalRecord().setLong(STATUS, 200L);

        new Derivations(classifier).derive(r);

        assertThat(r.getString(UA_FAMILY)).isNull();
        assertThat(r.getString(UA_OS)).isNull();
        assertThat(r.getString(UA_DEVICE)).isNull();
    }

    @Test
    void neverOverwritesUserAgentColumnsTheLogProvided() {
        CanonicalRecord r = new CanonicalRecord().set(USER_AGENT, CHROME_MAC).set(UA_FAMILY, "MyBrowser");

        new Derivations(classifier).derive(r);

        assertThat(r.getString(UA_FAMILY)).isEqualTo("MyBrowser");
        assertThat(r.getString(UA_OS)).isEqualTo("Mac OS X");
        assertThat(r.getString(UA_DEVICE)).isEqualTo("Mac");
    }

    @Test
    void classifiesAnAbsurdlyLongUserAgentByItsFirstCharsOnly() {
        String huge = CHROME_MAC + " " + "(KHTML, like Gecko) ".repeat(50_000);

        UserAgentInfo info = org.junit.jupiter.api.Assertions.assertTimeout(Duration.ofSeconds(5),
                () -> classifier.classify(huge));

        assertThat(info).isEqualTo(classifier.classify(huge.substring(0, UserAgentClassifier.MAX_USER_AGENT_LENGTH)));
        assertThat(info.family()).isEqualTo("Chrome");
    }

    @Test
    void keepsTheCacheBoundedUnder100kUniqueUserAgents() {
        AtomicInteger misses = new AtomicInteger();
        UserAgentClassifier bounded = new UserAgentClassifier(10_000, ua -> {
            misses.incrementAndGet();
            return UserAgentInfo.UNKNOWN;
        });

        for (int i = 0; i < 100_000; i++) {
            bounded.classify("scanner-" + i + "/1.0 (+https://example.com/" + Integer.toHexString(i * 31) + ")");
            assertThat(bounded.cachedEntries()).isLessThanOrEqualTo(10_000);
        }
        assertThat(misses).hasValue(100_000);
    }

    @Test
    void keepsTheCacheBoundedWithTheRealParser() {
        UserAgentClassifier small = new UserAgentClassifier(200);

        for (int i = 0; i < 1_000; i++) {
            small.classify("curl/8." + i + ".0");
        }

        assertThat(small.cachedEntries()).isLessThanOrEqualTo(200);
        assertThat(small.classify("curl/8.999.0").family()).isEqualTo("curl");
    }

    @Test
    void keepsRecentlyUsedUserAgentsAcrossAGenerationRotation() {
        AtomicInteger misses = new AtomicInteger();
        UserAgentClassifier bounded = new UserAgentClassifier(100, ua -> {
            misses.incrementAndGet();
            return UserAgentInfo.UNKNOWN;
        });

        for (int i = 0; i < 1_000; i++) {
            bounded.classify(CHROME_MAC); // hot entry, touched between every unique one
            bounded.classify("unique-" + i);
        }

        assertThat(misses.get()).isLessThan(1_000 + 30); // the hot entry is re-parsed only rarely, if at all
    }

    @Test
    void servesTheSameAnswersFromManyThreads() throws Exception {
        String[] userAgents = {CHROME_MAC, IPHONE_SAFARI, GOOGLEBOT, "curl/8.4.0", "python-requests/2.31.0", BOTO3};
        UserAgentInfo[] expected = new UserAgentInfo[userAgents.length];
        for (int i = 0; i < userAgents.length; i++) {
            expected[i] = classifier.classify(userAgents[i]);
        }
        UserAgentClassifier shared = new UserAgentClassifier(4);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    for (int n = 0; n < 200; n++) {
                        int i = (n + offset) % userAgents.length;
                        if (!expected[i].equals(shared.classify(userAgents[i]))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(shared.cachedEntries()).isLessThanOrEqualTo(4 + 4);
    }
}
