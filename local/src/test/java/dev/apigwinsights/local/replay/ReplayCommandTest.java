package dev.apigwinsights.local.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwinsights.eventkit.FirehoseEventBuilder;
import dev.apigwinsights.firehose.ErrorDocument;
import dev.apigwinsights.local.CliTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code replay} end to end: Firehose error documents in S3Proxy (standing in for the logs bucket's
 * errors/processing-failed/ prefix), re-put through the real SDK to WireMock standing in for Firehose.
 */
class ReplayCommandTest {
    private static final String BUCKET = "apigw-insights-logs";
    private static final String PREFIX = "errors/processing-failed/";
    private static final String STREAM = "amazon-apigateway-apigw-insights";
    /** A value inside the replayed records that must never be printed. */
    private static final String SECRET = "payload-marker-7f3a";
    private static final String DAY3 = PREFIX + "year=2025/month=01/day=03/amazon-apigateway-apigw-insights-1-2025-01-03-09-22-10-a1";
    private static final String DAY4 = PREFIX + "year=2025/month=01/day=04/amazon-apigateway-apigw-insights-1-2025-01-04-01-00-00-b2";
    private static final String DAY10 = PREFIX + "year=2025/month=01/day=10/amazon-apigateway-apigw-insights-1-2025-01-10-12-00-00-c3";

    private static S3Fake s3;
    private static final FirehoseFake FIREHOSE = new FirehoseFake();
    private static final List<String> SMALL_ENVELOPE_LINES = Envelopes.accessLogLines(30, 11);
    private static final List<String> BIG_ENVELOPE_LINES = Envelopes.accessLogLines(9_000, 12);
    private static final byte[] DIRECT_LINE = ("{\"requestId\":\"d1\",\"status\":\"200\",\"note\":\"" + SECRET + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] LATE_LINE = "{\"requestId\":\"d2\",\"status\":\"500\"}".getBytes(StandardCharsets.UTF_8);

    private final List<Duration> waits = new ArrayList<>();

    @BeforeAll
    static void bucket() throws Exception {
        s3 = new S3Fake();
        s3.createBucket(BUCKET);
        s3.put(BUCKET, DAY3, documents(
                document(Instant.parse("2025-01-03T09:22:10Z"), FirehoseEventBuilder.gzip(
                        Envelopes.envelope("DATA_MESSAGE", withSecret(SMALL_ENVELOPE_LINES)))),
                document(Instant.parse("2025-01-03T09:22:11Z"), DIRECT_LINE),
                document(Instant.parse("2025-01-03T09:22:12Z"), FirehoseEventBuilder.gzip(
                        Envelopes.envelope("CONTROL_MESSAGE", List.of("CWL CONTROL MESSAGE: Checking health of destination Firehose."))))));
        // Error objects are compressed like the stream's output (GZIP with JSON output).
        s3.put(BUCKET, DAY4, FirehoseEventBuilder.gzip(documents(
                document(Instant.parse("2025-01-04T01:00:00Z"), FirehoseEventBuilder.gzip(
                        Envelopes.envelope("DATA_MESSAGE", BIG_ENVELOPE_LINES))))));
        s3.put(BUCKET, DAY10, documents(document(Instant.parse("2025-01-10T12:00:00Z"), LATE_LINE)));
    }

    @AfterAll
    static void stop() {
        s3.close();
        FIREHOSE.close();
    }

    @BeforeEach
    void reset() {
        FIREHOSE.reset();
        FIREHOSE.acceptsEverything();
    }

    private static List<String> withSecret(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        out.set(0, out.get(0).replace("okhttp/4.12.0", SECRET));
        return out;
    }

    private static ErrorDocument document(Instant arrival, byte[] raw) {
        return new ErrorDocument(4, arrival.toEpochMilli(), ErrorDocument.PROCESSING_FAILED,
                "The Lambda function returned ProcessingFailed", arrival.toEpochMilli() + 61_000, raw,
                "arn:aws:lambda:us-east-1:123456789012:function:apigw-insights-transformer:live");
    }

    private static byte[] documents(ErrorDocument... documents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ErrorDocument d : documents) {
            d.writeLine(out);
        }
        return out.toByteArray();
    }

    private CliTestSupport.Result replay(String... args) {
        ReplayCommand command = new ReplayCommand(region -> new ReplayClients() {
            private final S3Client s3Client = s3.client();
            private final FirehoseClient firehoseClient = FIREHOSE.client();

            @Override
            public S3Client s3() {
                return s3Client;
            }

            @Override
            public FirehoseClient firehose() {
                return firehoseClient;
            }

            @Override
            public void close() {
                s3Client.close();
                firehoseClient.close();
            }
        }, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), () -> 1.0, waits::add));
        return CliTestSupport.run(command, args);
    }

    private List<byte[]> sentRecords() {
        List<byte[]> all = new ArrayList<>();
        FIREHOSE.batches().forEach(all::addAll);
        return all;
    }

    private static List<String> messagesOf(List<byte[]> records) {
        List<String> out = new ArrayList<>();
        for (byte[] r : records) {
            if (r[0] == '{' && Envelopes.read(r).has("logEvents")) {
                assertThat(Envelopes.read(r).get("logGroup").asText()).isEqualTo(Envelopes.LOG_GROUP);
                out.addAll(Envelopes.messages(r));
            }
        }
        return out;
    }

    @Test
    void reputsEveryProcessingFailedRecordUnderThePrefix() {
        CliTestSupport.Result run = replay("--source", "s3://" + BUCKET + "/" + PREFIX, "--delivery-stream", STREAM);

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<byte[]> sent = sentRecords();
        List<String> expectedMessages = new ArrayList<>(withSecret(SMALL_ENVELOPE_LINES));
        expectedMessages.addAll(BIG_ENVELOPE_LINES);
        assertThat(messagesOf(sent)).isEqualTo(expectedMessages);
        assertThat(sent).filteredOn(r -> !Envelopes.read(r).has("logEvents")).containsExactly(DIRECT_LINE, LATE_LINE);
        assertThat(sent).allSatisfy(r -> assertThat(r.length).isLessThanOrEqualTo(ReplayPlanner.MAX_RECORD_BYTES));
        assertThat(sent.size()).as("the big envelope is split").isGreaterThan(4);
        assertThat(FIREHOSE.requests()).allSatisfy(r -> assertThat(FirehoseFake.body(r).get("DeliveryStreamName").asText()).isEqualTo(STREAM));
        assertThat(run.out()).contains("Read 5 error documents from 3 objects", "1 control messages", "Sent " + sent.size() + " records");
        assertThat(run.err()).contains("done " + DAY3, "done " + DAY4, "done " + DAY10);
        assertThat(run.out() + run.err()).doesNotContain(SECRET).doesNotContain("okhttp");
    }

    @Test
    void aDryRunReadsAndPlansButSendsNothing() {
        CliTestSupport.Result run = replay("--source", "s3://" + BUCKET + "/" + PREFIX, "--delivery-stream", STREAM, "--dry-run");

        assertThat(run.exitCode()).isZero();
        assertThat(FIREHOSE.requests()).isEmpty();
        Matcher m = Pattern.compile("would send (\\d+) records to " + STREAM).matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        FIREHOSE.reset();
        FIREHOSE.acceptsEverything();
        replay("--source", "s3://" + BUCKET + "/" + PREFIX, "--delivery-stream", STREAM);
        assertThat(sentRecords()).hasSize(Integer.parseInt(m.group(1)));
    }

    @Test
    void aTimeWindowSelectsRecordsByArrivalAndSkipsDaysItCannotHold() {
        CliTestSupport.Result run = replay("--source", "s3://" + BUCKET + "/" + PREFIX, "--delivery-stream", STREAM,
                "--from", "2025-01-04", "--to", "2025-01-05");

        assertThat(run.exitCode()).isZero();
        assertThat(messagesOf(sentRecords())).isEqualTo(BIG_ENVELOPE_LINES);
        assertThat(sentRecords()).allSatisfy(r -> assertThat(Envelopes.read(r).has("logEvents")).isTrue());
        // day=03 may hold records of the 4th (an object is named by its oldest record), day=10 cannot.
        assertThat(run.out()).contains("Read 4 error documents from 2 objects (3 documents and 1 objects outside the time window)");
    }

    @Test
    void resumesAfterTheLastObjectDone() {
        CliTestSupport.Result run = replay("--source", "s3://" + BUCKET + "/" + PREFIX, "--delivery-stream", STREAM, "--start-after", DAY4);

        assertThat(run.exitCode()).isZero();
        assertThat(sentRecords()).containsExactly(LATE_LINE);
    }

    @Test
    void stopsOnAnUnknownStreamAndSaysWhereToResume() {
        FIREHOSE.reset();
        FIREHOSE.acceptsOneCallThenFailsWith(400, "ResourceNotFoundException");

        CliTestSupport.Result run = replay("--source", "s3://" + BUCKET + "/" + PREFIX, "--delivery-stream", STREAM);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("delivery stream " + STREAM + " not found");
        assertThat(run.err()).contains("resume with --start-after " + DAY3);
    }

    @Test
    void recordsFirehoseKeepsRefusingAreCountedAndFailTheRun() {
        FIREHOSE.reset();
        FIREHOSE.failsWith(503, "ServiceUnavailableException");

        CliTestSupport.Result run = replay("--source", "s3://" + BUCKET + "/" + PREFIX, "--delivery-stream", STREAM,
                "--start-after", DAY4, "--max-attempts", "3");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(FIREHOSE.requests()).hasSize(3);
        assertThat(waits).hasSize(2);
        assertThat(run.err()).contains("done " + DAY10 + ": 1 documents, 1 records, 1 refused by Firehose after every attempt");
        assertThat(run.out()).contains("Sent 0 records", "1 refused after every attempt", "ServiceUnavailableException=3");
    }

    @Test
    void explainsThatTheDecompressingStreamTakesNoReplays() {
        FIREHOSE.reset();
        FIREHOSE.failsWith(400, "InvalidSourceException");

        CliTestSupport.Result run = replay("--source", "s3://" + BUCKET + "/" + PREFIX, "--delivery-stream", "apigw-insights-cloudwatch-logs");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("accepts no other producer", "amazon-apigateway-");
    }

    @Test
    void readsLocalFilesAndFoldersToo(@TempDir Path dir) throws IOException {
        Path day = Files.createDirectories(dir.resolve("processing-failed/year=2025/month=01/day=03"));
        Files.write(day.resolve("part-1"), documents(document(Instant.parse("2025-01-03T09:22:11Z"), DIRECT_LINE)));
        Files.write(day.resolve("part-2.gz"), FirehoseEventBuilder.gzip(documents(
                document(Instant.parse("2025-01-03T09:22:12Z"), LATE_LINE))));

        CliTestSupport.Result run = replay("--source", dir.toString(), "--delivery-stream", STREAM);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(sentRecords()).containsExactly(DIRECT_LINE, LATE_LINE);
    }

    @Test
    void reportsAnObjectThatHoldsNoErrorDocumentsAndFailsTheRun(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("a-good"), documents(document(Instant.parse("2025-01-03T09:22:11Z"), DIRECT_LINE)));
        Files.writeString(dir.resolve("b-not-errors.csv"), "requestId,status\nabc,200\n");

        CliTestSupport.Result run = replay("--source", dir.toString(), "--delivery-stream", STREAM);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(sentRecords()).containsExactly(DIRECT_LINE);
        assertThat(run.err()).contains("b-not-errors.csv: not Firehose error documents");
        assertThat(run.out()).contains("1 objects could not be read");
    }

    @Test
    void refusesOptionsItCannotHonour() {
        assertThat(replay("--source", "s3://" + BUCKET + "/" + PREFIX, "--delivery-stream", STREAM, "--from", "2025-02-01", "--to", "2025-01-01")
                .exitCode()).isEqualTo(2);
        assertThat(replay("--source", "s3://" + BUCKET + "/x", "--source", "/tmp", "--delivery-stream", STREAM).exitCode()).isEqualTo(2);
        assertThat(replay("--source", "/tmp", "--start-after", "k", "--delivery-stream", STREAM).exitCode()).isEqualTo(2);
        assertThat(replay("--source", "s3://" + BUCKET + "/" + PREFIX, "--delivery-stream", STREAM, "--from", "yesterday").err())
                .contains("--from 'yesterday'");
        assertThat(FIREHOSE.requests()).isEmpty();
    }

    /** The ReplayCommand output of template.yaml (what docs/deploy.md tells users to run) is a valid invocation. */
    @Test
    void theStacksReplayCommandOutputIsAValidInvocation() throws IOException {
        Path root = Path.of(System.getProperty("apigw.events.dir", "../events")).toAbsolutePath().getParent();
        String template = Files.readString(root.resolve("template.yaml"));
        Matcher m = Pattern.compile("ReplayCommand:\\n(?:.*\\n)*?\\s+Value: !Sub '\\./apigw-insights replay ([^']+)'").matcher(template);
        assertThat(m.find()).as("ReplayCommand output in template.yaml").isTrue();
        String args = m.group(1).replace("${LogsBucket}", BUCKET).replace("${DeliveryStream}", STREAM).replace("${AWS::Region}", "us-east-1");

        CliTestSupport.Result run = replay(args.split(" "));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Dry run");
        assertThat(Files.readString(root.resolve("docs/deploy.md"))).contains("./apigw-insights replay --source s3://");
    }
}
