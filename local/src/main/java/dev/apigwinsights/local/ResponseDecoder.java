package dev.apigwinsights.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigwinsights.firehose.BatchSummary;
import dev.apigwinsights.firehose.FirehoseResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Renders a Firehose response for people: each record's result, partition, reason and decoded lines. */
final class ResponseDecoder {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResponseDecoder() {
    }

    /** The result of one record of a response; null when the record holds no result Firehose knows. */
    static FirehoseResult result(JsonNode record) {
        String text = record.path("result").asText();
        for (FirehoseResult r : FirehoseResult.values()) {
            if (r.name().equals(text)) {
                return r;
            }
        }
        return null;
    }

    /** The canonical JSON lines an Ok result carries, decoded from its base64 data. */
    static String okData(JsonNode record) {
        return new String(Base64.getDecoder().decode(record.path("data").asText()), StandardCharsets.UTF_8);
    }

    static void print(byte[] response, BatchSummary summary, PrintStream out) {
        Map<String, String> reasons = new HashMap<>();
        for (BatchSummary.RecordFailure f : summary.failures()) {
            reasons.put(f.recordId(), f.reason());
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (JsonNode r : root.path("records")) {
            String id = r.path("recordId").asText();
            FirehoseResult result = result(r);
            StringBuilder head = new StringBuilder("# ").append(id).append(' ').append(result);
            JsonNode keys = r.path("metadata").path("partitionKeys");
            for (Map.Entry<String, JsonNode> e : keys.properties()) {
                head.append(' ').append(e.getKey()).append('=').append(e.getValue().asText());
            }
            if (reasons.containsKey(id)) {
                head.append(" reason: ").append(reasons.get(id));
            }
            out.println(head);
            if (result == FirehoseResult.Ok) {
                out.print(okData(r));
            }
        }
    }
}
