package dev.apigwinsights.firehose;

import static dev.apigwinsights.firehose.TransformerRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwinsights.enrich.Enricher;
import dev.apigwinsights.eventkit.FirehoseEventBuilder;
import dev.apigwinsights.eventkit.Fixtures;
import dev.apigwinsights.pipeline.PipelineConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, item 2: no batch costs more than its work budget (deterministic, in units of about a
 * nanosecond) or its time budget (a backstop on the injected clock). What is left when either runs
 * out fails alone, with a reason that says so, and its data is echoed for replay.
 */
class BatchWorkBudgetTest {
    /** Many free-text variables side by side: lines of spaces make the template search try every split. */
    private static final String ADJACENT_FREE_TEXT = "$context.requestId $context.identity.userAgent $context.error.message"
            + " $context.integrationErrorMessage $context.authorizer.error $context.status";
    private static final String BAD_LINE = "r " + "a ".repeat(500) + "x";
    private static final String GOOD_LINE = "r-1 curl/8 - - - 200";

    private static byte[] batch(String first, String each, int count) {
        FirehoseEventBuilder b = new FirehoseEventBuilder(TransformerRun.STREAM, 1706770070000L);
        b.direct(first);
        for (int i = 0; i < count; i++) {
            b.direct(each);
        }
        return b.toJson().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void recordsThatEachExhaustTheTemplateSearchStopAtTheBatchWorkBudget() throws IOException {
        // Each bad line burns the whole per-line search budget (300k steps, about 30 M units here):
        // a budget of 200 M units stops the batch after a handful instead of after all 400.
        FirehoseBatchTransformer t = TransformerRun.transformer(ADJACENT_FREE_TEXT,
                FirehoseBatchTransformer.Limits.DEFAULT.withWorkUnits(200_000_000L));
        TransformerRun run = run(t, batch(GOOD_LINE, BAD_LINE, 400));
        assertThat(run.result(0)).isEqualTo("Ok");
        assertThat(run.size()).isEqualTo(401);
        assertThat(run.summary().processingFailed()).isEqualTo(400);
        assertThat(run.summary().overWorkBudget()).isGreaterThan(380);
        assertThat(run.reason(400)).startsWith("batch work budget exhausted");
        assertThat(run.record(400).get("data").asText()).as("echoed for replay").isEqualTo(TransformerRun.base64(BAD_LINE));
    }

    @Test
    void aRealisticThreeMegabyteBatchTakesUnderOnePercentOfTheDefaultWorkBudget() throws IOException {
        List<String> lines = Fixtures.lines("rest-reference-sample.jsonl");
        FirehoseEventBuilder b = new FirehoseEventBuilder(TransformerRun.STREAM, 1706770070000L);
        int data = 0;
        for (int i = 0; data < 3_000_000; i++) {
            String line = lines.get(i % lines.size());
            b.direct(line);
            data += line.length();
        }
        long onePercent = FirehoseBatchTransformer.Limits.DEFAULT.workUnits() / 100;
        TransformerRun run = run(TransformerRun.transformer(null, FirehoseBatchTransformer.Limits.DEFAULT
                .withResponseBytes(Long.MAX_VALUE / 4).withWorkUnits(onePercent)), b.toJson().getBytes(StandardCharsets.UTF_8));
        assertThat(run.summary().overWorkBudget()).isZero();
        assertThat(run.summary().ok()).isEqualTo(run.size());
    }

    @Test
    void cloudWatchRecordsOfManyEventsStopWhenTheWorkBudgetRunsOut() throws IOException {
        String line = "{\"requestId\":\"r-1\",\"requestTime\":\"01/Feb/2024:06:47:49 +0000\",\"status\":\"200\"}";
        FirehoseEventBuilder b = new FirehoseEventBuilder(TransformerRun.STREAM, 1706770070000L);
        for (int r = 0; r < 5; r++) {
            b.cloudWatch("/g", "s", java.util.Collections.nCopies(20_000, line), 1706770070000L);
        }
        FirehoseBatchTransformer t = TransformerRun.transformer(null, FirehoseBatchTransformer.Limits.DEFAULT
                .withResponseBytes(Long.MAX_VALUE / 4).withWorkUnits(100_000_000L));
        TransformerRun run = run(t, b.toJson().getBytes(StandardCharsets.UTF_8));
        assertThat(run.summary().overWorkBudget()).isPositive();
        assertThat(run.summary().logEvents()).as("events read before the budget ran out").isLessThan(100_000);
        for (int i = 0; i < run.size(); i++) {
            assertThat(run.result(i)).isIn("Ok", "ProcessingFailed");
        }
    }

    @Test
    void theClockBacksUpTheWorkBudget() throws IOException {
        // A clock that moves a second each time it is read: the 5 s backstop ends the batch
        // after a few entries, however cheap they are.
        Clock ticking = new Clock() {
            private long millis = Instant.parse("2026-11-21T10:00:00Z").toEpochMilli();

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                millis += 1_000;
                return Instant.ofEpochMilli(millis);
            }
        };
        FirehoseBatchTransformer t = new FirehoseBatchTransformer(PipelineConfig.pipeline(null, Enricher.NONE, ticking),
                FirehoseBatchTransformer.Limits.DEFAULT.withTime(Duration.ofSeconds(5)), ticking);
        String line = "{\"requestId\":\"r-1\",\"requestTime\":\"01/Feb/2024:06:47:49 +0000\",\"status\":\"200\"}";
        TransformerRun run = run(t, batch(line, line, 20));
        assertThat(run.result(0)).isEqualTo("Ok");
        assertThat(run.summary().overWorkBudget()).isPositive();
        assertThat(run.reason(20)).startsWith("batch time budget exhausted");
        assertThat(run.size()).isEqualTo(21);
    }
}
