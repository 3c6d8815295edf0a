package dev.apigwinsights.local.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwinsights.local.util.CloudWatchPayloads.Envelope;
import dev.apigwinsights.local.util.CloudWatchPayloads;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CloudWatchEnvelopeSplitterTest {

    @Test
    void readsAnEnvelopeInAnyKeyOrderAndLayout() throws Exception {
        ObjectNode reordered = Envelopes.MAPPER.createObjectNode();
        JsonNode original = Envelopes.read(Envelopes.envelope("DATA_MESSAGE", List.of("a", "b")));
        for (String key : List.of("owner", "logGroup", "logStream", "subscriptionFilters", "messageType", "logEvents")) {
            reordered.set(key, original.get(key));
        }
        byte[] pretty = Envelopes.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(reordered);

        Envelope e = CloudWatchPayloads.parseEnvelope(pretty).orElseThrow();

        assertThat(e.messageType()).isEqualTo("DATA_MESSAGE");
        assertThat(e.owner()).isEqualTo("123456789012");
        assertThat(e.logGroup()).isEqualTo(Envelopes.LOG_GROUP);
        assertThat(e.logStream()).isEqualTo(Envelopes.LOG_STREAM);
        assertThat(e.subscriptionFilters()).containsExactly("apigw-insights-access-logs");
        assertThat(e.logEvents()).extracting(CloudWatchPayloads.LogEvent::message).containsExactly("a", "b");
    }

    @Test
    void anythingElseIsNotAnEnvelope() {
        for (String notOne : List.of("{\"requestId\":\"x\",\"status\":\"200\"}", "{\"messageType\":\"DATA_MESSAGE\"}",
                "[{\"messageType\":\"DATA_MESSAGE\",\"logEvents\":[]}]", "{\"messageType\":\"DATA_MESSAGE\",\"logEvents\":[]}{}",
                "{\"messageType\":\"DATA_MESSAGE\",\"logEvents\":[{\"message\":\"x\"}", "127.0.0.1 - - [03/Jan/2025:09:22:10 +0000]", "")) {
            assertThat(CloudWatchPayloads.parseEnvelope(notOne.getBytes(StandardCharsets.UTF_8))).as(notOne).isEmpty();
        }
    }

    @Test
    void splitsIntoPiecesUnderTheLimitThatKeepTheEnvelopeFieldsAndEveryEventInOrder() {
        List<String> messages = Envelopes.accessLogLines(2_000, 1);
        Envelope e = CloudWatchPayloads.parseEnvelope(Envelopes.envelope("DATA_MESSAGE", messages)).orElseThrow();

        CloudWatchEnvelopeSplitter.Pieces split = CloudWatchEnvelopeSplitter.split(e, 100_000);

        assertThat(split.pieces()).hasSizeGreaterThan(5);
        List<String> rejoined = new ArrayList<>();
        for (byte[] piece : split.pieces()) {
            assertThat(piece.length).isLessThanOrEqualTo(100_000);
            assertThat(new String(piece, 0, 15, StandardCharsets.UTF_8)).isEqualTo("{\"messageType\":");
            JsonNode p = Envelopes.read(piece);
            assertThat(p.get("messageType").asText()).isEqualTo("DATA_MESSAGE");
            assertThat(p.get("owner").asText()).isEqualTo("123456789012");
            assertThat(p.get("logGroup").asText()).isEqualTo(Envelopes.LOG_GROUP);
            assertThat(p.get("logStream").asText()).isEqualTo(Envelopes.LOG_STREAM);
            assertThat(p.get("subscriptionFilters").toString()).isEqualTo("[\"apigw-insights-access-logs\"]");
            rejoined.addAll(Envelopes.messages(piece));
        }
        assertThat(rejoined).isEqualTo(messages);
        assertThat(split.oversizedEvents()).isZero();
    }

    @Test
    void anEnvelopeUnderTheLimitStaysOnePiece() {
        byte[] small = Envelopes.envelope("DATA_MESSAGE", Envelopes.accessLogLines(20, 2));

        CloudWatchEnvelopeSplitter.Pieces split = CloudWatchEnvelopeSplitter.split(CloudWatchPayloads.parseEnvelope(small).orElseThrow(), 100_000);

        assertThat(split.pieces()).hasSize(1);
        assertThat(Envelopes.read(split.pieces().get(0))).isEqualTo(Envelopes.read(small));
    }

    @Test
    void anEventTooLargeForAPieceGoesAloneGzipOrIsCountedWhenEvenThatIsTooLarge() {
        String compressible = "{\"requestId\":\"big\",\"status\":\"200\",\"padding\":\"" + "x".repeat(30_000) + "\"}";
        StringBuilder noise = new StringBuilder();
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 30_000; i++) {
            noise.append((char) ('a' + r.nextInt(26)));
        }
        String incompressible = "{\"requestId\":\"noise\",\"padding\":\"" + noise + "\"}";
        Envelope e = CloudWatchPayloads.parseEnvelope(Envelopes.envelope("DATA_MESSAGE", List.of("{\"a\":1}", compressible, incompressible)))
                .orElseThrow();

        CloudWatchEnvelopeSplitter.Pieces split = CloudWatchEnvelopeSplitter.split(e, 10_000);

        assertThat(split.oversizedEvents()).isEqualTo(1);
        assertThat(split.pieces()).hasSize(2);
        byte[] gzipped = split.pieces().get(1);
        assertThat(gzipped[0] & 0xFF).isEqualTo(0x1F);
        assertThat(Envelopes.messages(ReplayPlannerTest.gunzip(gzipped))).containsExactly(compressible);
    }
}
