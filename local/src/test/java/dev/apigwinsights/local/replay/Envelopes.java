package dev.apigwinsights.local.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** CloudWatch Logs subscription envelopes for the replay tests, as CloudWatch Logs writes them. */
final class Envelopes {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String LOG_GROUP = "/aws/vendedlogs/apigw/http-api";
    static final String LOG_STREAM = "4f1c0e2a9b7d";

    private Envelopes() {
    }

    /** {@code count} HTTP API access-log lines in the recommended format, varied enough to compress about 10-20x. */
    static List<String> accessLogLines(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long t = 1_735_896_130_000L + i * 40L;
            lines.add("{\"requestId\":\"R" + Long.toHexString(r.nextLong()) + "\",\"requestTimeEpoch\":\"" + t
                    + "\",\"apiId\":\"a1b2c3d4e5\",\"stage\":\"$default\",\"httpMethod\":\"GET\",\"path\":\"/pets/" + r.nextInt(1000)
                    + "\",\"routeKey\":\"GET /pets/{petId}\",\"protocol\":\"HTTP/1.1\",\"status\":\"" + (r.nextInt(10) == 0 ? 404 : 200)
                    + "\",\"responseLength\":\"" + r.nextInt(5000) + "\",\"responseLatency\":\"" + r.nextInt(300)
                    + "\",\"identity.sourceIp\":\"198.51.100." + r.nextInt(256) + "\",\"identity.userAgent\":\"okhttp/4.12.0\"}");
        }
        return lines;
    }

    /** The envelope JSON: messageType first, compact. */
    static byte[] envelope(String messageType, List<String> messages) {
        ObjectNode e = MAPPER.createObjectNode();
        e.put("messageType", messageType);
        e.put("owner", "123456789012");
        e.put("logGroup", LOG_GROUP);
        e.put("logStream", LOG_STREAM);
        e.putArray("subscriptionFilters").add("apigw-insights-access-logs");
        ArrayNode events = e.putArray("logEvents");
        for (int i = 0; i < messages.size(); i++) {
            events.addObject().put("id", String.format("3800%052d", i)).put("timestamp", 1_735_896_130_000L + i * 40L)
                    .put("message", messages.get(i));
        }
        try {
            return MAPPER.writeValueAsBytes(e);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static JsonNode read(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The messages of an envelope, in order. */
    static List<String> messages(byte[] json) {
        List<String> out = new ArrayList<>();
        read(json).get("logEvents").forEach(e -> out.add(e.get("message").asText()));
        return out;
    }
}
