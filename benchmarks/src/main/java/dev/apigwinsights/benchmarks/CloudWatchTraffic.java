package dev.apigwinsights.benchmarks;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.apigwinsights.eventkit.FirehoseEventBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

/**
 * CloudWatch Logs subscription records as a busy HTTP API's access-log group produces them: each
 * record one envelope of {@link #EVENTS_PER_RECORD} log events in the recommended HTTP format
 * (docs/recommended-format/http.json), gzip-compressed as CloudWatch Logs sends them.
 *
 * <p>How well a record compresses depends on how varied the traffic is. {@code variety} from 0 to 1
 * is the chance that each varying field (route, status, user agent, request ids, client IP, path
 * id, lengths, latencies) takes a fresh random value rather than one of a few recent ones; from 1
 * to 2 it is also the chance (variety - 1) that the request carries a JWT subject and a Cognito
 * identity, two random UUIDs. {@link #forRatio} finds the variety that gives a target gzip ratio
 * (about 9x to 60x reachable). Deterministic for a given seed.
 */
final class CloudWatchTraffic {
    static final int EVENTS_PER_RECORD = 250;
    private static final JsonFactory JSON = new JsonFactory();
    private static final String[][] ROUTES = {{"GET", "/pets", "GET /pets"}, {"GET", "/pets/%d", "GET /pets/{petId}"},
        {"POST", "/pets", "POST /pets"}, {"GET", "/orders/%d", "GET /orders/{orderId}"}, {"PUT", "/orders/%d", "PUT /orders/{orderId}"},
        {"GET", "/health", "GET /health"}};
    private static final String[] USER_AGENTS = {
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1",
        "okhttp/4.12.0", "python-requests/2.31.0", "aws-sdk-java/2.25.1 Linux/5.10.205 OpenJDK_64-Bit_Server_VM/17.0.9+9-LTS Java/17.0.9",
        "curl/8.4.0"};
    private static final int RECENT = 8;

    private final double variety;
    private final SplittableRandom random;
    private final String[][] recent = new String[9][RECENT];
    private long time = 1_735_896_130_000L;
    private long eventId;
    private int records;

    CloudWatchTraffic(double variety, long seed) {
        this.variety = variety;
        this.random = new SplittableRandom(seed);
    }

    /** Traffic whose records compress about {@code ratio} times (within a few percent, where reachable). */
    static CloudWatchTraffic forRatio(double ratio, long seed) {
        double low = 0;
        double high = 2;
        for (int i = 0; i < 18; i++) {
            double mid = (low + high) / 2;
            if (new CloudWatchTraffic(mid, seed).sampleRatio() > ratio) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return new CloudWatchTraffic((low + high) / 2, seed);
    }

    /** Inflated / compressed size over a few records. */
    double sampleRatio() {
        long plain = 0;
        long gzip = 0;
        for (int i = 0; i < 4; i++) {
            byte[] envelope = nextEnvelope();
            plain += envelope.length;
            gzip += FirehoseEventBuilder.gzip(envelope).length;
        }
        return (double) plain / gzip;
    }

    /** The next record's envelope JSON, uncompressed: what Firehose's Decompression processor outputs. */
    byte[] nextEnvelope() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(EVENTS_PER_RECORD * 900);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("messageType", "DATA_MESSAGE");
            g.writeStringField("owner", "123456789012");
            g.writeStringField("logGroup", "/aws/vendedlogs/apigw/http-api");
            g.writeStringField("logStream", String.format("%032x", (long) (records++ % 4)));
            g.writeArrayFieldStart("subscriptionFilters");
            g.writeString("apigw-insights-access-logs");
            g.writeEndArray();
            g.writeArrayFieldStart("logEvents");
            for (int i = 0; i < EVENTS_PER_RECORD; i++) {
                time += random.nextDouble() < Math.min(variety, 1) ? 1 + random.nextInt(20) : 7;
                g.writeStartObject();
                g.writeStringField("id", String.format("37%037d%017d", eventId / 1000, eventId++));
                g.writeNumberField("timestamp", time);
                g.writeStringField("message", line());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A field value: fresh with probability {@code variety}, else one of the last few values of that field. */
    private String vary(int field, java.util.function.Supplier<String> fresh) {
        // Very uniform traffic also draws on fewer recent values.
        int slot = random.nextInt(1 + (int) ((RECENT - 1) * Math.min(1, 4 * variety)));
        if (recent[field][slot] == null || random.nextDouble() < Math.min(variety, 1)) {
            recent[field][slot] = fresh.get();
        }
        return recent[field][slot];
    }

    private String line() {
        String[] route = ROUTES[Integer.parseInt(vary(6, () -> Integer.toString(random.nextInt(ROUTES.length))))];
        String path = route[1].contains("%d") ? String.format(route[1], Integer.parseInt(vary(0, () -> Integer.toString(random.nextInt(100_000))))) : route[1];
        int roll = Integer.parseInt(vary(7, () -> Integer.toString(random.nextInt(100))));
        String status = roll < 90 ? "200" : roll < 95 ? "404" : roll < 98 ? "429" : "504";
        String latency = vary(1, () -> Integer.toString(3 + random.nextInt(400)));
        String requestId = vary(2, () -> randomToken(14) + "w=");
        String integrationRequestId = vary(3, this::uuid);
        String userAgent = USER_AGENTS[Integer.parseInt(vary(8, () -> Integer.toString(random.nextInt(USER_AGENTS.length))))];
        boolean signedIn = random.nextDouble() < variety - 1;
        String sub = signedIn ? uuid() : "-";
        String cognitoId = signedIn ? "eu-west-1:" + uuid() : "-";
        String ip = vary(4, () -> "198.51." + random.nextInt(256) + "." + random.nextInt(256));
        String length = vary(5, () -> Integer.toString(random.nextInt(20_000)));
        boolean error = !status.equals("200");
        return "{\"requestId\":\"" + requestId + "\",\"requestTimeEpoch\":\"" + time + "\",\"apiId\":\"a1b2c3d4e5\",\"stage\":\"$default\""
                + ",\"domainName\":\"a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com\",\"accountId\":\"123456789012\",\"httpMethod\":\"" + route[0]
                + "\",\"path\":\"" + path + "\",\"routeKey\":\"" + route[2] + "\",\"protocol\":\"HTTP/1.1\",\"status\":\"" + status
                + "\",\"responseLength\":\"" + length + "\",\"responseLatency\":\"" + latency + "\",\"integrationLatency\":\"" + latency
                + "\",\"integration.status\":\"" + status + "\",\"integration.error\":\"-\",\"integrationErrorMessage\":\""
                + (status.equals("504") ? "Integration timeout" : "-") + "\",\"integration.requestId\":\"" + integrationRequestId
                + "\",\"identity.sourceIp\":\"" + ip + "\",\"identity.userAgent\":\"" + userAgent
                + "\",\"identity.caller\":\"-\",\"identity.user\":\"-\",\"identity.userArn\":\"-\",\"identity.cognitoIdentityId\":\"" + cognitoId + "\""
                + ",\"identity.cognitoAuthenticationType\":\"-\",\"authorizer.principalId\":\"-\",\"authorizer.claims.sub\":\"" + sub + "\""
                + ",\"authorizer.error\":\"-\",\"error.message\":\"" + (error ? "Not Found" : "-") + "\",\"error.responseType\":\""
                + (error ? "DEFAULT_4XX" : "-") + "\",\"identity.clientCert.subjectDN\":\"-\"}";
    }

    private String uuid() {
        return String.format("%08x-%04x-4%03x-8%03x-%012x", random.nextInt() & 0xffffffffL, random.nextInt(0x10000),
                random.nextInt(0x1000), random.nextInt(0x1000), random.nextLong() & 0xffffffffffffL);
    }

    private String randomToken(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
