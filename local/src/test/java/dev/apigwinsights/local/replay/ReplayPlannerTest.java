package dev.apigwinsights.local.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigwinsights.enrich.Enricher;
import dev.apigwinsights.eventkit.FirehoseEventBuilder;
import dev.apigwinsights.firehose.BatchSummary;
import dev.apigwinsights.firehose.FirehoseBatchTransformer;
import dev.apigwinsights.local.replay.ReplayPlanner.Kind;
import dev.apigwinsights.pipeline.PipelineConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ReplayPlannerTest {
    private final ReplayPlanner planner = new ReplayPlanner();

    static byte[] gunzip(byte[] gzip) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void reputsAGzipEnvelopeUncompressedWithItsEventsAndFields() {
        List<String> lines = Envelopes.accessLogLines(300, 4);
        byte[] envelope = Envelopes.envelope("DATA_MESSAGE", lines);

        ReplayPlanner.Plan plan = planner.plan(FirehoseEventBuilder.gzip(envelope));

        assertThat(plan.kind()).isEqualTo(Kind.ENVELOPE);
        assertThat(plan.records()).hasSize(1);
        assertThat(Envelopes.read(plan.records().get(0))).isEqualTo(Envelopes.read(envelope));
        assertThat(plan.tooLarge()).isZero();
    }

    @Test
    void readsTheUncompressedEnvelopeTheDecompressingStreamLeaves() {
        byte[] envelope = Envelopes.envelope("DATA_MESSAGE", Envelopes.accessLogLines(10, 5));

        assertThat(planner.plan(envelope).kind()).isEqualTo(Kind.ENVELOPE);
        assertThat(Envelopes.read(planner.plan(envelope).records().get(0))).isEqualTo(Envelopes.read(envelope));
    }

    @Test
    void splitsAnEnvelopeThatInflatesBeyondTheRecordLimit() {
        List<String> lines = Envelopes.accessLogLines(12_000, 6);
        byte[] gzip = FirehoseEventBuilder.gzip(Envelopes.envelope("DATA_MESSAGE", lines));
        assertThat(gzip.length).isLessThan(ReplayPlanner.MAX_RECORD_BYTES);

        ReplayPlanner.Plan plan = planner.plan(gzip);

        assertThat(plan.records()).hasSizeGreaterThan(1).allSatisfy(r -> assertThat(r.length).isLessThanOrEqualTo(ReplayPlanner.MAX_RECORD_BYTES));
        List<String> rejoined = new ArrayList<>();
        plan.records().forEach(r -> rejoined.addAll(Envelopes.messages(r)));
        assertThat(rejoined).isEqualTo(lines);
    }

    @Test
    void reputsDirectRecordsAsTheyWereAndSkipsWhatTheTransformerWouldDrop() {
        byte[] line = "{\"requestId\":\"abc\",\"status\":\"200\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] brokenJson = "{\"requestId\":\"abc\",\"userAgent\":\"say \"hi\"\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(planner.plan(line).kind()).isEqualTo(Kind.DIRECT);
        assertThat(planner.plan(line).records()).containsExactly(line);
        assertThat(planner.plan(brokenJson).records()).containsExactly(brokenJson);
        assertThat(planner.plan(FirehoseEventBuilder.gzip(Envelopes.envelope("CONTROL_MESSAGE", List.of("CWL CONTROL MESSAGE"))))
                .kind()).isEqualTo(Kind.CONTROL_MESSAGE);
        assertThat(planner.plan(Envelopes.envelope("DATA_MESSAGE", List.of())).kind()).isEqualTo(Kind.EMPTY);
        assertThat(planner.plan(" \n".getBytes(StandardCharsets.UTF_8)).kind()).isEqualTo(Kind.EMPTY);
        assertThat(planner.plan(new byte[] {0x1F, (byte) 0x8B, 8, 0, 1, 2, 3}).kind()).isEqualTo(Kind.UNREADABLE);
    }

    @Test
    void cutsAnOversizedDirectRecordAtLineEndsAndCountsALineThatFitsNoRecord() {
        ReplayPlanner small = new ReplayPlanner(100);
        String a = "a".repeat(60) + "\n";
        String b = "b".repeat(60) + "\n";
        String huge = "h".repeat(150) + "\n";
        String c = "c".repeat(30);

        ReplayPlanner.Plan plan = small.plan((a + b + huge + c).getBytes(StandardCharsets.UTF_8));

        assertThat(plan.records()).extracting(r -> new String(r, StandardCharsets.UTF_8)).containsExactly(a, b, c);
        assertThat(plan.tooLarge()).isEqualTo(1);
    }

    /**
     * What replay is for: CloudWatch records that inflate over 30x, failed "response size budget
     * exceeded" on the direct-put stream, come through the same stream whole once re-put as replay
     * plans them (its 1 MB processor buffer then counts uncompressed bytes).
     */
    @Test
    void replayedPiecesOfOverflowingRecordsAllComeThroughTheDirectStream() throws IOException {
        FirehoseBatchTransformer transformer = new FirehoseBatchTransformer(PipelineConfig.pipeline(null, Enricher.NONE, Clock.systemUTC()));
        List<byte[]> originals = new ArrayList<>();
        int events = 0;
        for (int i = 0; i < 12; i++) {
            List<String> lines = new ArrayList<>();
            // Each line 50 times over: gzip squeezes that more than 50x.
            for (String line : Envelopes.accessLogLines(40, 100 + i)) {
                for (int k = 0; k < 50; k++) {
                    lines.add(line);
                }
            }
            events += lines.size();
            byte[] envelope = Envelopes.envelope("DATA_MESSAGE", lines);
            originals.add(FirehoseEventBuilder.gzip(envelope));
            assertThat((double) envelope.length / originals.get(i).length).as("compression ratio").isGreaterThan(30);
        }
        BatchSummary before = transformer.transform(new ByteArrayInputStream(event(originals)), OutputStream.nullOutputStream());
        assertThat(before.overBudget()).as("the originals overflow one batch").isPositive();

        List<byte[]> replayed = new ArrayList<>();
        originals.forEach(o -> replayed.addAll(planner.plan(o).records()));
        int rows = 0;
        for (List<byte[]> batch : buffered(replayed, 1 << 20)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BatchSummary s = transformer.transform(new ByteArrayInputStream(event(batch)), out);
            assertThat(s.overBudget()).isZero();
            assertThat(s.processingFailed()).isZero();
            for (JsonNode r : Envelopes.read(out.toByteArray()).get("records")) {
                String data = new String(Base64.getDecoder().decode(r.get("data").asText()), StandardCharsets.UTF_8);
                rows += data.split("\n").length;
                assertThat(Envelopes.read(data.split("\n")[0].getBytes(StandardCharsets.UTF_8)).get("log_group").asText())
                        .isEqualTo(Envelopes.LOG_GROUP);
            }
        }
        assertThat(rows).isEqualTo(events);
    }

    private static byte[] event(List<byte[]> records) {
        FirehoseEventBuilder b = new FirehoseEventBuilder("arn:aws:firehose:us-east-1:123456789012:deliverystream/amazon-apigateway-x", 1L);
        records.forEach(b::raw);
        return b.toJson().getBytes(StandardCharsets.UTF_8);
    }

    /** Records grouped as Firehose's processor buffer groups them: up to {@code limit} bytes (the crossing record kept). */
    private static List<List<byte[]>> buffered(List<byte[]> records, long limit) {
        List<List<byte[]>> batches = new ArrayList<>();
        List<byte[]> batch = new ArrayList<>();
        long size = 0;
        for (byte[] r : records) {
            batch.add(r);
            size += r.length;
            if (size >= limit) {
                batches.add(batch);
                batch = new ArrayList<>();
                size = 0;
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }
}
