package dev.apigwinsights.benchmarks;

import dev.apigwinsights.eventkit.FirehoseEventBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A realistic Firehose batch for REST direct put: access-log lines in the AWS reference sample's
 * 46-key JSON format (~1.3 KB each), with varied request ids, clients, routes, statuses, keys,
 * user agents and latencies, up to the 3 MB processor buffer. Deterministic (fixed seed).
 */
final class RealisticBatch {
    private static final String[] UAS = {
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0",
        "curl/8.4.0", "python-requests/2.31.0", "okhttp/4.12.0", "PostmanRuntime/7.36.0", "Go-http-client/1.1",
        "aws-sdk-java/2.25.1 Linux/5.10.205 OpenJDK_64-Bit_Server_VM/17.0.9+9-LTS Java/17.0.9 vendor/Amazon.com_Inc.",
        "axios/1.6.5", "Apache-HttpClient/4.5.14 (Java/17.0.9)", "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)"};
    private static final String[] KEYS = {"k1acme0001", "k2globex02", "k3initech3", "k4umbrella", "kzunknown9", "-"};
    private static final String[][] ROUTES = {{"GET", "/pets"}, {"GET", "/pets/{petId}"}, {"POST", "/pets"},
        {"GET", "/orders/{orderId}"}, {"PUT", "/orders/{orderId}"}, {"DELETE", "/pets/{petId}"}, {"GET", "/health"}};

    private RealisticBatch() {
    }

    static String line(SplittableRandom r, int i) {
        String[] route = ROUTES[r.nextInt(ROUTES.length)];
        int roll = r.nextInt(100);
        int status = roll < 88 ? 200 : roll < 92 ? 404 : roll < 95 ? 403 : roll < 97 ? 429 : roll < 99 ? 502 : 504;
        String err = status == 200 ? "-" : status == 404 ? "Resource not found" : status == 403 ? "Forbidden"
                : status == 429 ? "Limit Exceeded" : status == 502 ? "Internal server error" : "Endpoint request timed out";
        String type = status == 200 ? "-" : status == 404 ? "RESOURCE_NOT_FOUND" : status == 403 ? "INVALID_API_KEY"
                : status == 429 ? "QUOTA_EXCEEDED" : status == 502 ? "DEFAULT_5XX" : "INTEGRATION_TIMEOUT";
        String path = route[1].replace("{petId}", Integer.toString(r.nextInt(10_000))).replace("{orderId}", "o-" + r.nextInt(100_000));
        int latency = 5 + (int) Math.abs(r.nextGaussian() * 80);
        long epoch = 1_706_770_000_000L + i * 37L;
        return "{\"apiId\":\"a1b2c3d4e5\",\"stage\":\"prod\",\"requestId\":\"" + uuid(r) + "\",\"ip\":\"203.0." + r.nextInt(256) + "." + r.nextInt(256)
                + "\",\"requestTime\":\"01/Feb/2024:06:" + String.format("%02d:%02d", (i / 60) % 60, i % 60) + " +0000\",\"httpMethod\":\"" + route[0]
                + "\",\"routeKey\":\"-\",\"status\":\"" + status + "\",\"protocol\":\"HTTP/1.1\",\"responseLength\":\"" + r.nextInt(20_000)
                + "\",\"accountId\":\"123456789012\",\"authorizerClaimsProperty\":\"-\",\"authorizerPrincipalId\":\"-\",\"authorizerProperty\":\"-\""
                + ",\"domainName\":\"api.example.com\",\"domainPrefix\":\"api\",\"errorMessage\":\"" + err + "\",\"errorResponseType\":\"" + type
                + "\",\"identityAccountId\":\"-\",\"identityApiKeyId\":\"" + KEYS[r.nextInt(KEYS.length)] + "\",\"identityCaller\":\"-\""
                + ",\"identityCognitoAuthenticationProvider\":\"-\",\"identityCognitoAuthenticationType\":\"-\",\"identityCognitoIdentityId\":\"-\""
                + ",\"identityCognitoIdentityPoolId\":\"-\",\"identityPrincipalOrgId\":\"-\",\"identityUser\":\"-\",\"identityUserAgent\":\""
                + UAS[r.nextInt(UAS.length)] + "\",\"identityUserArn\":\"-\",\"path\":\"/prod" + path + "\",\"resourcePath\":\"" + route[1]
                + "\",\"wafResponseCode\":\"WAF_ALLOW\",\"webaclArn\":\"arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api-acl/0c1d2e3f-aaaa-bbbb-cccc-111122223333\""
                + ",\"sub\":\"" + (r.nextInt(3) == 0 ? uuid(r) : "-") + "\",\"clientId\":\"-\",\"aud\":\"-\",\"authorizeError\":\"-\",\"authorizeLatency\":\"-\""
                + ",\"authorizeStatus\":\"-\",\"authorizerError\":\"-\",\"authorizerIntegrationLatency\":\"-\",\"authorizerIntegrationStatus\":\"-\""
                + ",\"authorizerLatency\":\"-\",\"authorizerStatus\":\"-\",\"integrationLatency\":\"" + latency + "\",\"responseLatency\":\""
                + (latency + r.nextInt(15)) + "\",\"requestTimeEpoch\":\"" + epoch + "\"}";
    }

    private static String uuid(SplittableRandom r) {
        return String.format("%08x-%04x-4%03x-8%03x-%012x", r.nextInt() & 0xffffffffL, r.nextInt(0x10000), r.nextInt(0x1000),
                r.nextInt(0x1000), r.nextLong() & 0xffffffffffffL);
    }

    /** About {@code rawBytes} of access-log lines (the same ones for every framing). */
    static List<String> lines(int rawBytes) {
        SplittableRandom r = new SplittableRandom(2024);
        List<String> lines = new ArrayList<>();
        int size = 0;
        for (int i = 0; size < rawBytes; i++) {
            String line = line(r, i);
            lines.add(line);
            size += line.length() + 1;
        }
        return lines;
    }

    /** A direct-put Firehose event of about {@code rawBytes} of access-log data, one line per record. */
    static byte[] event(int rawBytes) {
        FirehoseEventBuilder b = builder();
        for (String line : lines(rawBytes)) {
            b.direct(line + "\n");
        }
        return b.toJson().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The same lines as {@link #event(int)}, as CloudWatch Logs log events of {@code perRecord} per
     * subscription envelope: gzip-compressed as the subscription filter sends them, or plain as the
     * stack's decompressing CloudWatch Logs stream hands them over.
     */
    static byte[] cloudWatchEvent(int rawBytes, int perRecord, boolean gzip) {
        FirehoseEventBuilder b = builder();
        List<String> lines = lines(rawBytes);
        for (int i = 0; i < lines.size(); i += perRecord) {
            List<String> messages = lines.subList(i, Math.min(lines.size(), i + perRecord));
            if (gzip) {
                b.cloudWatch("/aws/apigateway/bench", "stream-" + i, messages, 1_706_770_000_000L + i);
            } else {
                b.cloudWatchDecompressed("/aws/apigateway/bench", "stream-" + i, messages, 1_706_770_000_000L + i);
            }
        }
        return b.toJson().getBytes(StandardCharsets.UTF_8);
    }

    private static FirehoseEventBuilder builder() {
        return new FirehoseEventBuilder("arn:aws:firehose:us-east-1:123456789012:deliverystream/amazon-apigateway-bench", 1L);
    }

    static int records(byte[] event) {
        String s = new String(event, StandardCharsets.UTF_8);
        int n = 0;
        for (int i = s.indexOf("\"recordId\""); i >= 0; i = s.indexOf("\"recordId\"", i + 1)) {
            n++;
        }
        return n;
    }
}
