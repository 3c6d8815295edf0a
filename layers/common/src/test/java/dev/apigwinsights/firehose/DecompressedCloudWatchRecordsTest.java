package dev.apigwinsights.firehose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwinsights.enrich.Enricher;
import dev.apigwinsights.eventkit.Fixtures;
import dev.apigwinsights.pipeline.PipelineConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * What the CloudWatch Logs stream's transformer receives once Firehose's own Decompression
 * processor runs first (template.yaml, CloudWatchDeliveryStream): the subscription payload
 * gunzipped, that is the envelope JSON itself, in CloudWatch Logs' compact form or re-serialised as
 * the Firehose guide shows it ("Extract message after decompression of CloudWatch Logs", Fig 1:
 * owner first, messageType fifth, pretty-printed), or with message extraction on (Fig 2: the
 * messages one per line). Each goes through the real transformer; the gzip records of the shipped
 * fixture are the reference.
 */
class DecompressedCloudWatchRecordsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FIXTURE = "firehose-cloudwatch-http.json";

    private final FirehoseBatchTransformer transformer =
            new FirehoseBatchTransformer(PipelineConfig.pipeline(null, Enricher.NONE, Clock.systemUTC()));

    /** {@code event}'s records with each data field replaced by {@code decompress(gunzipped data)}. */
    private static byte[] withData(byte[] gzipEvent, java.util.function.UnaryOperator<byte[]> decompress) throws IOException {
        ObjectNode event = (ObjectNode) MAPPER.readTree(gzipEvent);
        for (JsonNode r : event.get("records")) {
            byte[] gzip = Base64.getDecoder().decode(r.get("data").asText());
            ((ObjectNode) r).put("data", Base64.getEncoder().encodeToString(decompress.apply(gunzip(gzip))));
        }
        return MAPPER.writeValueAsBytes(event);
    }

    /** The fixture without its control message (extraction keeps nothing of it to read). */
    private static byte[] dataMessagesOnly(byte[] event) throws IOException {
        ObjectNode root = (ObjectNode) MAPPER.readTree(event);
        com.fasterxml.jackson.databind.node.ArrayNode kept = MAPPER.createArrayNode();
        for (JsonNode r : root.get("records")) {
            byte[] data = gunzip(Base64.getDecoder().decode(r.get("data").asText()));
            if (MAPPER.readTree(data).get("messageType").asText().equals("DATA_MESSAGE")) {
                kept.add(r);
            }
        }
        root.set("records", kept);
        return MAPPER.writeValueAsBytes(root);
    }

    private static byte[] gunzip(byte[] gzip) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Run(BatchSummary summary, List<String> results, List<JsonNode> rows) {
    }

    private Run run(byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BatchSummary summary = transformer.transform(new ByteArrayInputStream(event), out);
        List<String> results = new ArrayList<>();
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode r : MAPPER.readTree(out.toByteArray()).get("records")) {
            results.add(r.get("result").asText());
            String data = new String(Base64.getDecoder().decode(r.get("data").asText()), StandardCharsets.UTF_8);
            for (String line : data.split("\n")) {
                if (!line.isEmpty() && r.get("result").asText().equals("Ok")) {
                    rows.add(MAPPER.readTree(line));
                }
            }
        }
        return new Run(summary, results, rows);
    }

    @Test
    void readsTheEnvelopeFirehoseDecompressionDeliversExactlyAsTheGzipRecord() throws IOException {
        Run gzip = run(Fixtures.bytes(FIXTURE));
        Run decompressed = run(withData(Fixtures.bytes(FIXTURE), plain -> plain));

        assertThat(decompressed.results()).isEqualTo(gzip.results()).contains("Ok", "Dropped");
        assertThat(decompressed.rows()).isEqualTo(gzip.rows()).isNotEmpty();
        JsonNode first = decompressed.rows().get(0);
        assertThat(first.get("source_kind").asText()).isEqualTo("CLOUDWATCH");
        assertThat(first.get("log_group").asText()).isEqualTo("/aws/apigateway/http-api-access-logs");
        assertThat(first.get("account_id").asText()).isEqualTo("123456789012");
    }

    @Test
    void readsAnEnvelopeThatEndsWithANewline() throws IOException {
        Run gzip = run(Fixtures.bytes(FIXTURE));
        Run decompressed = run(withData(Fixtures.bytes(FIXTURE),
                plain -> (new String(plain, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8)));

        assertThat(decompressed.results()).isEqualTo(gzip.results());
        assertThat(decompressed.rows()).isEqualTo(gzip.rows());
    }

    /**
     * Message extraction: the log events' messages only, one per line. Rows keep every field of
     * the line but lose the log group, stream and owner, which is why the stack leaves it off.
     */
    @Test
    void readsMessagesExtractedByFirehoseAsOneRowPerMessage() throws IOException {
        Run gzip = run(dataMessagesOnly(Fixtures.bytes(FIXTURE)));
        Run extracted = run(withData(dataMessagesOnly(Fixtures.bytes(FIXTURE)), DecompressedCloudWatchRecordsTest::extractMessages));

        assertThat(extracted.results()).containsOnly("Ok");
        assertThat(extracted.rows()).hasSameSizeAs(gzip.rows());
        for (int i = 0; i < gzip.rows().size(); i++) {
            assertThat(extracted.rows().get(i).get("request_id")).isEqualTo(gzip.rows().get(i).get("request_id"));
            assertThat(extracted.rows().get(i).get("status")).isEqualTo(gzip.rows().get(i).get("status"));
            assertThat(extracted.rows().get(i).get("request_time")).isEqualTo(gzip.rows().get(i).get("request_time"));
            assertThat(extracted.rows().get(i).has("log_group")).isFalse();
        }
    }

    private static byte[] extractMessages(byte[] envelope) {
        try {
            StringBuilder out = new StringBuilder();
            for (JsonNode e : MAPPER.readTree(envelope).get("logEvents")) {
                out.append(e.get("message").asText()).append('\n');
            }
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The envelope as the Firehose guide prints it after decompression ("Extract message after
     * decompression of CloudWatch Logs", Fig 1): owner first, messageType fifth, pretty-printed.
     */
    @Test
    void readsTheEnvelopeInTheKeyOrderTheFirehoseGuideShows() throws IOException {
        Run gzip = run(Fixtures.bytes(FIXTURE));
        Run reordered = run(withData(Fixtures.bytes(FIXTURE), DecompressedCloudWatchRecordsTest::asInTheFirehoseGuide));

        assertThat(reordered.results()).isEqualTo(gzip.results());
        assertThat(reordered.rows()).isEqualTo(gzip.rows());
    }

    private static byte[] asInTheFirehoseGuide(byte[] envelope) {
        try {
            JsonNode in = MAPPER.readTree(envelope);
            ObjectNode out = MAPPER.createObjectNode();
            for (String key : List.of("owner", "logGroup", "logStream", "subscriptionFilters", "messageType", "logEvents")) {
                out.set(key, in.get(key));
            }
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
