package dev.apigwinsights.firehose;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigwinsights.enrich.Enricher;
import dev.apigwinsights.pipeline.PipelineConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One transformer invocation in a test: the response as JSON, the summary, the response size and
 * what the invocation allocated (the JVM's per-thread allocation counter: deterministic enough to
 * tell "bounded by the response" from "sized by what the input claims").
 */
record TransformerRun(JsonNode response, BatchSummary summary, int responseBytes, long allocatedBytes) {
    /** A reader that accepts anything the transformer may echo (long numbers, deep ids). */
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(Integer.MAX_VALUE)
                    .maxNestingDepth(Integer.MAX_VALUE).maxStringLength(Integer.MAX_VALUE).build())
            .build());
    /** When the tests run: request times up to a day after it are accepted. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    static final String STREAM = "arn:aws:firehose:us-east-1:123456789012:deliverystream/amazon-apigateway-test";

    static FirehoseBatchTransformer transformer() {
        return transformer(null, FirehoseBatchTransformer.Limits.DEFAULT);
    }

    static FirehoseBatchTransformer transformer(String logFormat, FirehoseBatchTransformer.Limits limits) {
        return new FirehoseBatchTransformer(PipelineConfig.pipeline(logFormat, Enricher.NONE, CLOCK), limits, CLOCK);
    }

    static TransformerRun run(FirehoseBatchTransformer t, byte[] event) throws IOException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BatchSummary s = t.transform(new ByteArrayInputStream(event), out);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        return new TransformerRun(MAPPER.readTree(out.toByteArray()), s, out.size(), allocated);
    }

    static TransformerRun run(FirehoseBatchTransformer t, String event) throws IOException {
        return run(t, event.getBytes(StandardCharsets.UTF_8));
    }

    /** An event around a hand-written {@code records} array. */
    static String event(String recordsJson) {
        return "{\"invocationId\":\"inv-1\",\"deliveryStreamArn\":\"" + STREAM + "\",\"region\":\"us-east-1\",\"records\":"
                + recordsJson + "}";
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** A well-formed record object. */
    static String record(String id, String data) {
        return "{\"recordId\":\"" + id + "\",\"approximateArrivalTimestamp\":1706770070000,\"data\":\"" + base64(data) + "\"}";
    }

    JsonNode record(int i) {
        return response.get("records").get(i);
    }

    String result(int i) {
        return record(i).get("result").asText();
    }

    int size() {
        return response.get("records").size();
    }

    List<String> lines(int i) {
        String data = new String(Base64.getDecoder().decode(record(i).get("data").asText()), StandardCharsets.UTF_8);
        return data.isEmpty() ? List.of() : List.of(data.split("\n"));
    }

    JsonNode line(int record, int line) throws IOException {
        return MAPPER.readTree(lines(record).get(line));
    }

    /** The recordId values of the response, as JSON nodes (a number stays a number). */
    List<JsonNode> ids() {
        List<JsonNode> ids = new ArrayList<>();
        response.get("records").forEach(r -> ids.add(r.get("recordId")));
        return ids;
    }

    String reason(int i) {
        String id = record(i).get("recordId").isTextual() ? record(i).get("recordId").asText() : record(i).get("recordId").toString();
        return summary.failures().stream().filter(f -> f.recordId().equals(id)).map(BatchSummary.RecordFailure::reason)
                .findFirst().orElse(null);
    }
}
