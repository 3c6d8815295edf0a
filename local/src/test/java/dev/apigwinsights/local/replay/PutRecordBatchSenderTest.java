package dev.apigwinsights.local.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.firehose.model.ResourceNotFoundException;

/** PutRecordBatch through the real SDK against {@link FirehoseFake}: the JSON protocol, retries of refused entries only. */
class PutRecordBatchSenderTest {
    private static final String STREAM = "amazon-apigateway-test";

    private static final FirehoseFake FIREHOSE = new FirehoseFake();
    private final List<Duration> waits = new ArrayList<>();
    /** Full jitter pinned at its ceiling, sleeping recorded instead of done. */
    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), () -> 1.0, waits::add);

    @BeforeEach
    void reset() {
        FIREHOSE.reset();
    }

    @AfterAll
    static void stop() {
        FIREHOSE.close();
    }

    private static List<byte[]> records(int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(("{\"requestId\":\"r" + i + "\"}\n").getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static List<String> sentRecords(LoggedRequest request) {
        List<String> out = new ArrayList<>();
        FirehoseFake.body(request).get("Records").forEach(r ->
                out.add(new String(Base64.getDecoder().decode(r.get("Data").asText()), StandardCharsets.UTF_8)));
        return out;
    }

    @Test
    void sendsTheBatchAsOnePutRecordBatchCallInTheJsonProtocol() {
        FIREHOSE.acceptsEverything();

        PutRecordBatchSender.Result result = new PutRecordBatchSender(FIREHOSE.client(), STREAM, backoff, 8).send(records(3));

        assertThat(result.sent()).isEqualTo(3);
        assertThat(result.failed()).isZero();
        assertThat(result.sentBytes()).isEqualTo(records(3).stream().mapToLong(r -> r.length).sum());
        LoggedRequest request = FIREHOSE.requests().get(0);
        assertThat(request.getHeader("X-Amz-Target")).isEqualTo(FirehoseFake.TARGET);
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-amz-json-1.1");
        JsonNode body = FirehoseFake.body(request);
        assertThat(body.get("DeliveryStreamName").asText()).isEqualTo(STREAM);
        assertThat(sentRecords(request)).containsExactly("{\"requestId\":\"r0\"}\n", "{\"requestId\":\"r1\"}\n", "{\"requestId\":\"r2\"}\n");
        assertThat(waits).isEmpty();
    }

    @Test
    void retriesOnlyTheEntriesFirehoseRefusedWithGrowingWaits() {
        FIREHOSE.answersInTurn(
                "{\"FailedPutCount\":2,\"RequestResponses\":[{\"RecordId\":\"a\"},"
                        + "{\"ErrorCode\":\"ServiceUnavailableException\",\"ErrorMessage\":\"Slow down.\"},{\"RecordId\":\"c\"},"
                        + "{\"ErrorCode\":\"InternalFailure\",\"ErrorMessage\":\"x\"}]}",
                "{\"FailedPutCount\":1,\"RequestResponses\":[{\"RecordId\":\"b\"},"
                        + "{\"ErrorCode\":\"ServiceUnavailableException\",\"ErrorMessage\":\"Slow down.\"}]}");

        PutRecordBatchSender.Result result = new PutRecordBatchSender(FIREHOSE.client(), STREAM, backoff, 8).send(records(4));

        List<LoggedRequest> calls = FIREHOSE.requests();
        assertThat(calls).hasSize(3);
        assertThat(sentRecords(calls.get(0))).hasSize(4);
        assertThat(sentRecords(calls.get(1))).containsExactly("{\"requestId\":\"r1\"}\n", "{\"requestId\":\"r3\"}\n");
        assertThat(sentRecords(calls.get(2))).containsExactly("{\"requestId\":\"r3\"}\n");
        assertThat(result.sent()).isEqualTo(4);
        assertThat(result.failed()).isZero();
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.errorCodes()).containsEntry("ServiceUnavailableException", 2).containsEntry("InternalFailure", 1);
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void countsWhatIsStillRefusedAfterTheLastAttempt() {
        String refuseAll = "{\"FailedPutCount\":2,\"RequestResponses\":[{\"ErrorCode\":\"ServiceUnavailableException\"},"
                + "{\"ErrorCode\":\"ServiceUnavailableException\"}]}";
        FIREHOSE.answersInTurn(refuseAll, refuseAll, refuseAll);

        PutRecordBatchSender.Result result = new PutRecordBatchSender(FIREHOSE.client(), STREAM, backoff, 3).send(records(2));

        assertThat(FIREHOSE.requests()).hasSize(3);
        assertThat(result.sent()).isZero();
        assertThat(result.failed()).isEqualTo(2);
        assertThat(result.sentBytes()).isZero();
    }

    @Test
    void retriesTheWholeBatchWhenTheCallItselfIsThrottledOrFails() {
        FIREHOSE.failsWith(503, "ServiceUnavailableException");

        PutRecordBatchSender.Result result = new PutRecordBatchSender(FIREHOSE.client(), STREAM, backoff, 4).send(records(2));

        assertThat(FIREHOSE.requests()).hasSize(4).allSatisfy(r -> assertThat(sentRecords(r)).hasSize(2));
        assertThat(result.failed()).isEqualTo(2);
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void anUnknownStreamStopsAtOnce() {
        FIREHOSE.failsWith(400, "ResourceNotFoundException");

        assertThatThrownBy(() -> new PutRecordBatchSender(FIREHOSE.client(), STREAM, backoff, 8).send(records(1)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(FIREHOSE.requests()).hasSize(1);
    }

    @Test
    void refusesABatchOverTheApiLimits() {
        PutRecordBatchSender sender = new PutRecordBatchSender(FIREHOSE.client(), STREAM, backoff, 8);

        assertThatThrownBy(() -> sender.send(records(501))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sender.send(List.of(new byte[3_000_000], new byte[2_000_000]))).isInstanceOf(IllegalArgumentException.class);
        assertThat(FIREHOSE.requests()).isEmpty();
    }

    @Test
    void backoffIsCappedAndJittered() {
        Backoff half = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), () -> 0.5, d -> { });

        assertThat(half.delayBefore(1)).isEqualTo(Duration.ofMillis(50));
        assertThat(half.delayBefore(4)).isEqualTo(Duration.ofMillis(400));
        assertThat(half.delayBefore(30)).isEqualTo(Duration.ofSeconds(5));
    }
}
