package dev.apigwinsights.local;

import static dev.apigwinsights.local.StoreTestSupport.T0;
import static dev.apigwinsights.local.StoreTestSupport.count;
import static dev.apigwinsights.local.StoreTestSupport.exported;
import static dev.apigwinsights.local.StoreTestSupport.ingest;
import static dev.apigwinsights.local.StoreTestSupport.jsonLine;
import static dev.apigwinsights.local.StoreTestSupport.jsonLines;
import static dev.apigwinsights.local.StoreTestSupport.rows;
import static dev.apigwinsights.local.StoreTestSupport.summary;
import static dev.apigwinsights.local.StoreTestSupport.write;
import static dev.apigwinsights.local.StoreTestSupport.writeGzip;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigwinsights.eventkit.FirehoseEventBuilder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end through the CLI: each input kind lands in access_logs with its values; failures are documents. */
class IngestCommandTest {
    @TempDir
    Path tmp;

    private Path data() {
        return tmp.resolve("store");
    }

    @Test
    void storesRawJsonLinesWithTheirValuesPartitionedByRequestDay() throws Exception {
        Path in = write(tmp.resolve("access.log"), jsonLines(0, 50));

        CliTestSupport.Result r = ingest("--data", data().toString(), "--json", in.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode s = summary(r);
        assertThat(s.get("inputKinds").get("ACCESS_LOG_LINES").asInt()).isEqualTo(1);
        assertThat(s.get("logEntries").asLong()).isEqualTo(50);
        assertThat(s.get("rowsWritten").asLong()).isEqualTo(50);
        List<Map<String, Object>> row = rows(data(), "SELECT request_id, status, resource_path, source_ip, response_latency_ms,"
                + " api_type, year, month, day, source_kind FROM access_logs WHERE request_id = 'req-00010'");
        assertThat(row).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("status", 404).containsEntry("resource_path", "/pets/{petId}")
                    .containsEntry("source_ip", "198.51.100.10").containsEntry("response_latency_ms", 20L)
                    .containsEntry("api_type", "REST").containsEntry("source_kind", "DIRECT");
            assertThat(m).containsEntry("year", "2024").containsEntry("month", "02").containsEntry("day", "01");
        });
        assertThat(Files.exists(data().resolve("logs/year=2024/month=02/day=01"))).isTrue();
    }

    @Test
    void readsConsolePresetLinesAndAStageFormatGivenWithLogFormat() throws Exception {
        Path clf = CliTestSupport.events().resolve("lines/rest-clf.log");
        Path custom = write(tmp.resolve("custom.txt"), List.of("req-c1|2024-02-01|GET /x|201", "req-c2|2024-02-01|GET /y|500"));

        CliTestSupport.Result presets = ingest("--data", data().toString(), "--json", clf.toString());
        CliTestSupport.Result withFormat = ingest("--data", data().toString(), "--json",
                "--log-format", "$context.requestId|$context.requestTimeEpoch|$context.routeKey|$context.status", custom.toString());

        assertThat(summary(presets).get("rowsWritten").asLong()).isEqualTo(3);
        assertThat(withFormat.exitCode()).as(withFormat.err()).isZero();
        // requestTimeEpoch holds a date, not a number: the row falls back to the Firehose arrival time (the run's start)
        assertThat(rows(data(), "SELECT request_id, status, route_key FROM access_logs WHERE request_id LIKE 'req-c%' ORDER BY 1"))
                .extracting(m -> m.get("request_id") + " " + m.get("status") + " " + m.get("route_key"))
                .containsExactly("req-c1 201 GET /x", "req-c2 500 GET /y");
        assertThat(rows(data(), "SELECT http_method FROM access_logs WHERE request_id = '7a1b0c2d-0000-4000-8000-000000000002'"))
                .singleElement().satisfies(m -> assertThat(m).containsEntry("http_method", "POST"));
    }

    @Test
    void readsACloudWatchExportAsSubscriptionRecordsWithItsLogStream() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            lines.add(exported(T0 + i * 1000L + 40, jsonLine(i)));
        }
        Path export = writeGzip(tmp.resolve("export/4f1c2a0e-task/a87ff679a2f3e71d9181a67b7542122c/000000.gz"), lines);
        // what the export task writes to check its permission on the bucket, synced down with the logs
        Files.writeString(tmp.resolve("export/aws-logs-write-test"), "Permission Check Successful");

        CliTestSupport.Result r = ingest("--data", data().toString(), "--json", tmp.resolve("export").toString());

        JsonNode s = summary(r);
        assertThat(s.get("inputKinds").get("CLOUDWATCH_EXPORT").asInt()).isEqualTo(1);
        assertThat(s.get("inputKinds").get("EXPORT_PERMISSION_CHECK").asInt()).isEqualTo(1);
        assertThat(s.get("entriesFailed").asLong()).isZero();
        assertThat(s.get("logEntries").asLong()).isEqualTo(150);
        assertThat(s.get("records").asLong()).as("64 events per record").isEqualTo(3);
        assertThat(rows(data(), "SELECT count(*) AS n, count(DISTINCT log_stream) AS streams, min(log_stream) AS stream,"
                + " min(source_kind) AS kind FROM access_logs").get(0))
                .containsEntry("n", 150L).containsEntry("streams", 1L)
                .containsEntry("stream", "a87ff679a2f3e71d9181a67b7542122c").containsEntry("kind", "CLOUDWATCH");
    }

    @Test
    void readsAwsLogsTailOutputInEachFormatAndKnowsItsEventsFromAnExport() throws Exception {
        List<String> detailed = new ArrayList<>();
        List<String> shortFormat = new ArrayList<>();
        List<String> pretty = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String time = java.time.Instant.ofEpochMilli(T0 + i * 1000L + 40).atOffset(java.time.ZoneOffset.UTC)
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx"));
            // interleaved streams, as tail prints them; the colour codes of --color on
            detailed.add("\u001b[32m" + time + "\u001b[0m \u001b[36mstream-" + (i % 2) + "\u001b[0m " + jsonLine(i));
            shortFormat.add(time.substring(0, 19) + " " + jsonLine(30 + i));
            JsonNode parsed = StoreTestSupport.JSON.readTree(jsonLine(60 + i));
            pretty.add((time + " stream-2 \n" + parsed.toPrettyString()).replace("\r", ""));
        }
        pretty.add("2024-02-01T06:50:00.000000+00:00 stream-2 not an access log");
        Path dir = tmp.resolve("tail");
        write(dir.resolve("detailed.txt"), detailed);
        write(dir.resolve("short.txt"), shortFormat);
        write(dir.resolve("json.txt"), pretty);

        JsonNode s = summary(ingest("--data", data().toString(), "--json", dir.toString()));

        assertThat(s.get("inputKinds").get("CLOUDWATCH_TAIL").asInt()).isEqualTo(3);
        assertThat(s.get("logEntries").asLong()).isEqualTo(91);
        assertThat(s.get("rowsWritten").asLong()).isEqualTo(90);
        assertThat(s.get("entriesFailed").asLong()).as("the line that is not an access log").isEqualTo(1);
        assertThat(rows(data(), "SELECT coalesce(log_stream, '-') AS stream, count(*) AS n, min(request_id) AS first,"
                + " sum(response_latency_ms) AS latency FROM access_logs GROUP BY 1 ORDER BY 1"))
                .extracting(m -> m.get("stream") + " " + m.get("n") + " " + m.get("first") + " " + m.get("latency"))
                .containsExactly("- 30 req-00030 1635", "stream-0 15 req-00000 360", "stream-1 15 req-00001 375",
                        "stream-2 30 req-00060 2535");
        assertThat(rows(data(), "SELECT status, path, source_ip, source_kind FROM access_logs WHERE request_id = 'req-00070'").get(0))
                .containsEntry("status", 404).containsEntry("path", "/prod/pets/70")
                .containsEntry("source_ip", "198.51.100.70").containsEntry("source_kind", "CLOUDWATCH");

        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            lines.add(exported(T0 + i * 1000L + 40, jsonLine(i)));
        }
        JsonNode again = summary(ingest("--data", data().toString(), "--json",
                writeGzip(tmp.resolve("export/task/stream-0/000000.gz"), lines).toString()));
        assertThat(again.get("rowsWritten").asLong()).as("the same requests from an export").isZero();
        assertThat(count(data(), "access_logs")).isEqualTo(90);
    }

    @Test
    void readsTheFirstLineOfAFileSavedWithAByteOrderMark() throws Exception {
        // Windows editors and PowerShell 7 put EF BB BF before the text; it must not hide the first line's time
        Path export = Files.writeString(tmp.resolve("export.txt"), "\uFEFF" + exported(T0, jsonLine(0)) + "\n" + exported(T0 + 1000, jsonLine(1)) + "\n");
        Path tail = Files.writeString(tmp.resolve("tail.txt"), "\uFEFF2024-02-01T06:47:49.673000+00:00 stream-9 " + jsonLine(2) + "\n");

        JsonNode s = summary(ingest("--data", data().toString(), "--json", export.toString(), tail.toString()));

        assertThat(s.get("inputKinds").get("CLOUDWATCH_EXPORT").asInt()).isEqualTo(1);
        assertThat(s.get("inputKinds").get("CLOUDWATCH_TAIL").asInt()).isEqualTo(1);
        assertThat(s.get("entriesFailed").asLong()).isZero();
        assertThat(rows(data(), "SELECT request_id, log_stream FROM access_logs ORDER BY 1"))
                .extracting(m -> m.get("request_id") + " " + m.get("log_stream"))
                .containsExactly("req-00000 null", "req-00001 null", "req-00002 stream-9");
    }

    @Test
    void readsTheLinesAroundABlockOfZerosThatACrashOrCopytruncateLeft() throws Exception {
        byte[] zeros = new byte[8192];
        java.io.ByteArrayOutputStream copytruncated = new java.io.ByteArrayOutputStream();
        copytruncated.write(zeros); // the writer kept its offset after the file was truncated under it
        copytruncated.write((String.join("\n", jsonLines(0, 20)) + "\n").getBytes(StandardCharsets.UTF_8));
        java.io.ByteArrayOutputStream crashed = new java.io.ByteArrayOutputStream();
        crashed.write((String.join("\n", jsonLines(20, 30)) + "\n").getBytes(StandardCharsets.UTF_8));
        crashed.write(zeros, 0, 4096); // a block the file system never wrote
        crashed.write((String.join("\n", jsonLines(30, 40)) + "\n").getBytes(StandardCharsets.UTF_8));
        java.io.ByteArrayOutputStream longGap = new java.io.ByteArrayOutputStream();
        longGap.write(new byte[300_000]); // a writer 300 KB past the new end: more zeros than the head holds
        longGap.write((String.join("\n", jsonLines(40, 45)) + "\n").getBytes(StandardCharsets.UTF_8));
        Path first = Files.write(tmp.resolve("access.log.1"), copytruncated.toByteArray());
        Path second = Files.write(tmp.resolve("access.log"), crashed.toByteArray());
        Path third = Files.write(tmp.resolve("access.log.2"), longGap.toByteArray());
        Path image = Files.write(tmp.resolve("logo.png"), pngLike());

        CliTestSupport.Result r = ingest("--data", data().toString(), "--json", first.toString(), second.toString(), third.toString(),
                image.toString());

        JsonNode s = summary(r);
        assertThat(s.get("inputKinds").get("ACCESS_LOG_LINES").asInt()).isEqualTo(3);
        assertThat(s.get("rowsWritten").asLong()).isEqualTo(45);
        assertThat(s.get("entriesFailed").asLong()).isZero();
        assertThat(r.exitCode()).as("the image is still binary, skipped and reported").isEqualTo(1);
        assertThat(r.err()).contains("logo.png: binary data");
        JsonNode piped = summary(ingest(new java.io.ByteArrayInputStream(longGap.toByteArray()), "--data", data().toString(), "--json", "-"));
        assertThat(piped.get("logEntries").asLong()).as("from standard input too").isEqualTo(5);
        assertThat(piped.get("duplicateRows").asLong()).isEqualTo(5);
    }

    @Test
    void readsWhatFollowsMoreBlankLinesThanTheDetectorLooksAt() throws Exception {
        String blank = "\r\n".repeat(40_000); // 80 KB: more than the head the input's kind is judged by
        Path padded = Files.write(tmp.resolve("padded.log"),
                ("\uFEFF" + blank + "   " + String.join("\n", jsonLines(0, 3)) + "\n").getBytes(StandardCharsets.UTF_8));
        Path export = Files.write(tmp.resolve("padded-export.txt"),
                (" ".repeat(70_000) + "\n" + exported(T0, jsonLine(3)) + "\n").getBytes(StandardCharsets.UTF_8));

        JsonNode s = summary(ingest("--data", data().toString(), "--json", padded.toString(), export.toString()));

        assertThat(s.get("inputKinds").has("EMPTY")).as(s.toString()).isFalse();
        assertThat(s.get("inputKinds").get("CLOUDWATCH_EXPORT").asInt()).isEqualTo(1);
        assertThat(s.get("rowsWritten").asLong()).isEqualTo(4);
        assertThat(s.get("blankLines").asLong()).as("each skipped line counted").isEqualTo(40_001);
        JsonNode piped = summary(ingest(new java.io.ByteArrayInputStream(Files.readAllBytes(padded)), "--data", data().toString(), "--json", "-"));
        assertThat(piped.get("duplicateRows").asLong()).as("from standard input too").isEqualTo(3);
    }

    @Test
    void saysAJsonInputNestedBeyondAnyLogIsNotALogAndReadsTheNextInput() throws Exception {
        Path deep = Files.writeString(tmp.resolve("deep.json"), "[".repeat(5_000) + "]".repeat(5_000));
        Path fine = Files.writeString(tmp.resolve("access.log"), String.join("\n", jsonLines(0, 2)) + "\n");

        CliTestSupport.Result r = ingest("--data", data().toString(), "--json", deep.toString(), fine.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("deep.json: JSON beyond what a log holds (array 1): Document nesting depth");
        assertThat(summary(r).get("rowsWritten").asLong()).isEqualTo(2);
    }

    @Test
    void endsAJsonInputAtAStringLongerThanAnyLogHoldsInsteadOfHoldingItWhole() throws Exception {
        // one array element of 17 million characters: read whole it would take its size several times over in heap
        Path huge = Files.writeString(tmp.resolve("huge.json"), "[{\"requestId\":\"h1\",\"junk\":\"" + "a".repeat(17_000_000) + "\"}]");
        Path fine = Files.writeString(tmp.resolve("access.log"), String.join("\n", jsonLines(0, 2)) + "\n");

        CliTestSupport.Result r = ingest("--data", data().toString(), "--json", huge.toString(), fine.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("huge.json: JSON beyond what a log holds (array 1): String value length");
        assertThat(summary(r).get("rowsWritten").asLong()).isEqualTo(2);
    }

    /** Binary data with a block of zeros in it, as images and executables have. */
    private static byte[] pngLike() {
        byte[] b = new byte[20_000];
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < b.length; i++) {
            b[i] = i >= 5_000 && i < 6_000 ? 0 : (byte) random.nextInt(256);
        }
        return b;
    }

    @Test
    void readsAnExportedLineWithMalformedUtf8AsADirectLineIsReadNotFailingItsNeighbours() throws Exception {
        String bad = jsonLine(1).replace("/prod/pets/1", "/prod/pets/\u0001BAD");
        byte[] text = (exported(T0, jsonLine(0)) + "\n" + exported(T0 + 1000, bad) + "\n" + exported(T0 + 2000, jsonLine(2)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        int at = new String(text, StandardCharsets.ISO_8859_1).indexOf('\u0001');
        text[at] = (byte) 0xFF; // a byte that is never UTF-8
        Path export = tmp.resolve("export/task/stream-1/000000.gz");
        Files.createDirectories(export.getParent());
        Files.write(export, StoreTestSupport.gzip(text));

        JsonNode s = summary(ingest("--data", data().toString(), "--json", tmp.resolve("export").toString()));

        assertThat(s.get("rowsWritten").asLong()).isEqualTo(3);
        assertThat(s.get("entriesFailed").asLong()).isZero();
        assertThat(rows(data(), "SELECT path FROM access_logs WHERE request_id = 'req-00001'").get(0))
                .containsEntry("path", "/prod/pets/\uFFFDBAD");
    }

    @Test
    void readsAwsLogsFilterAndGetLogEventsOutputAcrossPages() throws Exception {
        StringBuilder filter = new StringBuilder();
        for (int page = 0; page < 2; page++) {
            filter.append("{\"events\": [");
            for (int i = page * 20; i < page * 20 + 20; i++) {
                filter.append(i % 20 == 0 ? "" : ",").append("{\"logStreamName\": \"stream-").append(i % 2)
                        .append("\", \"timestamp\": ").append(T0 + i * 1000L).append(", \"message\": ")
                        .append(StoreTestSupport.JSON.writeValueAsString(jsonLine(i))).append(", \"ingestionTime\": 1, \"eventId\": \"")
                        .append(i).append("\"}");
            }
            filter.append("], \"searchedLogStreams\": []}\n");
        }
        Path filterFile = Files.writeString(tmp.resolve("filter.json"), filter, StandardCharsets.UTF_8);
        Path getFile = Files.writeString(tmp.resolve("get.json"), "{\"events\": [{\"timestamp\": " + T0 + ", \"message\": "
                + StoreTestSupport.JSON.writeValueAsString(jsonLine(500)) + ", \"ingestionTime\": 1}], \"nextForwardToken\": \"f/1\"}");

        CliTestSupport.Result r = ingest("--data", data().toString(), "--json", filterFile.toString(), getFile.toString());

        JsonNode s = summary(r);
        assertThat(s.get("inputKinds").get("CLOUDWATCH_LOG_EVENTS").asInt()).isEqualTo(2);
        assertThat(s.get("rowsWritten").asLong()).isEqualTo(41);
        assertThat(rows(data(), "SELECT log_stream, count(*) AS n FROM access_logs GROUP BY 1 ORDER BY 1"))
                .extracting(m -> m.get("log_stream") + "=" + m.get("n"))
                .containsExactly("stream-0=20", "stream-1=20", "null=1");
    }

    @Test
    void readsLogEventsAndInsightsRowsTakenOutOfTheirPagesAsTheirMessagesNotAsEmptyRows() throws Exception {
        List<String> compact = new ArrayList<>();
        StringBuilder pretty = new StringBuilder();
        StringBuilder array = new StringBuilder("[\n");
        for (int i = 0; i < 30; i++) {
            String event = "{\"logStreamName\": \"stream-" + (i % 3) + "\", \"timestamp\": " + (T0 + i * 1000L)
                    + ", \"message\": " + StoreTestSupport.JSON.writeValueAsString(jsonLine(i))
                    + ", \"ingestionTime\": " + (T0 + i * 1000L + 300) + ", \"eventId\": \"3754862987345002983475029834750298347502983475029834750" + i + "\"}";
            if (i < 10) {
                compact.add(event); // jq -c '.events[]', sam logs --output json
            } else if (i < 20) {
                pretty.append(StoreTestSupport.JSON.readTree(event).toPrettyString()).append('\n'); // jq '.events[]'
            } else {
                array.append(i == 20 ? "" : ",\n").append(event); // aws logs filter-log-events --query events
            }
        }
        List<String> insights = new ArrayList<>();
        for (int i = 30; i < 35; i++) { // jq -c '.[]' of Logs Insights results saved as JSON
            insights.add("{\"@timestamp\": \"2024-02-01 06:47:49.673\", \"@logStream\": \"stream-3\", \"@message\": "
                    + StoreTestSupport.JSON.writeValueAsString(jsonLine(i)) + "}");
        }
        insights.add("[" + insights.get(0).replace("req-00030", "req-00035") + "]"); // an array among the objects: read element by element
        write(tmp.resolve("in/insights.jsonl"), insights);
        write(tmp.resolve("in/compact.jsonl"), compact);
        Files.writeString(tmp.resolve("in/pretty.json"), pretty);
        Files.writeString(tmp.resolve("in/array.json"), array.append("\n]\n"));

        JsonNode s = summary(ingest("--data", data().toString(), "--json", tmp.resolve("in").toString()));

        assertThat(s.get("inputKinds").get("CLOUDWATCH_LOG_EVENT_OBJECTS").asInt()).isEqualTo(3);
        assertThat(s.get("inputKinds").get("JSON_ARRAY").asInt()).isEqualTo(1);
        assertThat(s.get("rowsWritten").asLong()).isEqualTo(36);
        assertThat(s.get("entriesFailed").asLong()).isZero();
        assertThat(rows(data(), "SELECT log_stream, count(*) AS n, count(request_id) AS ids, count(status) AS statuses,"
                + " count(error_message) AS errors FROM access_logs GROUP BY 1 ORDER BY 1"))
                .extracting(m -> m.get("log_stream") + " " + m.get("n") + " " + m.get("ids") + " " + m.get("statuses") + " " + m.get("errors"))
                .containsExactly("stream-0 10 10 10 0", "stream-1 10 10 10 0", "stream-2 10 10 10 0", "stream-3 6 6 6 0");
    }

    @Test
    void readsAwsLogsOutputSavedAsTextWithItsStreamsTimesAndTabs() throws Exception {
        // --output text: a pagination token, then EVENTS lines with the values in sorted-key order
        StringBuilder filter = new StringBuilder("Y2VudHJhbC1uZXh0LXRva2VuLWZyb20tdGhlLWZpcnN0LXBhZ2U=\n");
        for (int i = 0; i < 20; i++) {
            String message = i == 7 ? jsonLine(i).replace(",\"stage\"", ",\t\"stage\"") : jsonLine(i); // a tab between JSON tokens
            filter.append("EVENTS\t").append("3754862987345002983475029834750298347502983475029834750").append(i % 10).append('\t')
                    .append(T0 + i * 1000L + 90).append("\tstream-").append(i % 2).append('\t').append(message).append('\t')
                    .append(T0 + i * 1000L).append('\n');
        }
        filter.append("SEARCHEDLOGSTREAMS\tstream-0\tTrue\nSEARCHEDLOGSTREAMS\tstream-1\tTrue\n");
        StringBuilder get = new StringBuilder("b/37548629873450029834750298347502983475029834750\t"
                + "f/37548629873450029834750298347502983475029834750298347\n");
        for (int i = 20; i < 25; i++) {
            get.append("EVENTS\t").append(T0 + i * 1000L + 90).append('\t').append(jsonLine(i)).append('\t').append(T0 + i * 1000L).append('\n');
        }
        get.append("EVENTS\tnot\tan event\n").append("the rest of a message that held a line break\n");
        Path filterFile = Files.writeString(tmp.resolve("filter.txt"), filter, StandardCharsets.UTF_8);
        Path getFile = Files.writeString(tmp.resolve("get.txt"), get, StandardCharsets.UTF_8);

        JsonNode s = summary(ingest("--data", data().toString(), "--json", filterFile.toString(), getFile.toString()));

        assertThat(s.get("inputKinds").get("CLOUDWATCH_LOG_EVENTS_TEXT").asInt()).isEqualTo(2);
        assertThat(s.get("logEntries").asLong()).isEqualTo(27);
        assertThat(s.get("blankLines").asLong()).as("the token lines and SEARCHEDLOGSTREAMS").isEqualTo(4);
        assertThat(s.get("rowsWritten").asLong()).isEqualTo(25);
        assertThat(s.get("entriesFailed").asLong()).as("the EVENTS line of neither shape, the broken message").isEqualTo(2);
        assertThat(rows(data(), "SELECT coalesce(log_stream, '-') AS stream, count(*) AS n, sum(response_latency_ms) AS latency"
                + " FROM access_logs GROUP BY 1 ORDER BY 1"))
                .extracting(m -> m.get("stream") + " " + m.get("n") + " " + m.get("latency"))
                .containsExactly("- 5 160", "stream-0 10 190", "stream-1 10 200");
        assertThat(rows(data(), "SELECT stage, status FROM access_logs WHERE request_id = 'req-00007'").get(0))
                .containsEntry("stage", "prod").containsEntry("status", 200);
    }

    @Test
    void readsLogsInsightsResultsAndJsonArraysOfAccessLogObjectsAndLines() throws Exception {
        // a Logs Insights result saved as JSON: @message holds the access-log line, times are UTC without a zone
        StringBuilder insights = new StringBuilder("[\n");
        for (int i = 0; i < 30; i++) {
            insights.append(i == 0 ? "" : ",\n").append("  {\n    \"@timestamp\": \"")
                    .append(java.time.LocalDateTime.ofEpochSecond(T0 / 1000 + i, 0, java.time.ZoneOffset.UTC).toString().replace('T', ' '))
                    .append(".000\",\n    \"@logStream\": \"stream-").append(i % 3).append("\",\n    \"@message\": ")
                    .append(StoreTestSupport.JSON.writeValueAsString(jsonLine(i))).append("\n  }");
        }
        insights.append(",\n  {\"@timestamp\": \"2024-02-01 00:00:00.000\", \"@message\": \"\"}\n]\n");
        // objects (jq -s of JSON lines), a string line, and a number that is no access log at all
        StringBuilder objects = new StringBuilder("[");
        for (int i = 100; i < 120; i++) {
            objects.append(jsonLine(i)).append(",\n");
        }
        objects.append(StoreTestSupport.JSON.writeValueAsString(jsonLine(120))).append(", 42, {\"@message\": 7}]\n[").append(jsonLine(121)).append("]");
        // aws logs get-query-results: each result an array of field/value pairs
        StringBuilder query = new StringBuilder("{\"queryLanguage\": \"CWLI\", \"results\": [");
        for (int i = 200; i < 205; i++) {
            query.append(i == 200 ? "" : ",").append("[{\"field\": \"@timestamp\", \"value\": \"2024-02-01 00:10:00.000\"},")
                    .append(" {\"field\": \"@logStream\", \"value\": \"api-stream\"}, {\"field\": \"@message\", \"value\": ")
                    .append(StoreTestSupport.JSON.writeValueAsString(jsonLine(i))).append("}, {\"field\": \"@ptr\", \"value\": \"p")
                    .append(i).append("\"}]");
        }
        query.append("], \"statistics\": {\"recordsMatched\": 5.0}, \"status\": \"Complete\"}");
        Path insightsFile = Files.writeString(tmp.resolve("insights.json"), insights, StandardCharsets.UTF_8);
        Path objectsFile = Files.writeString(tmp.resolve("objects.json"), objects, StandardCharsets.UTF_8);
        Path queryFile = Files.writeString(tmp.resolve("query-results.json"), query, StandardCharsets.UTF_8);

        CliTestSupport.Result r = ingest("--data", data().toString(), "--json", insightsFile.toString(), objectsFile.toString(),
                queryFile.toString());

        JsonNode s = summary(r);
        assertThat(s.get("inputKinds").get("JSON_ARRAY").asInt()).as(r.err()).isEqualTo(3);
        assertThat(s.get("blankLines").asLong()).as("the empty @message").isEqualTo(1);
        // {"@message": 7} is no Insights row: it goes to the transformer as an object, which fails it (nothing but a message)
        assertThat(s.get("rowsWritten").asLong()).isEqualTo(30 + 20 + 1 + 1 + 5);
        assertThat(rows(data(), "SELECT log_stream, count(*) AS n FROM access_logs WHERE request_id >= 'req-00200' GROUP BY 1"))
                .extracting(m -> m.get("log_stream") + "=" + m.get("n")).containsExactly("api-stream=5");
        assertThat(s.get("entriesFailed").asLong()).as("the number 42 and {\"@message\": 7}, kept in failure documents").isEqualTo(2);
        assertThat(s.get("failureDocumentsWritten").asLong()).isEqualTo(2);
        assertThat(rows(data(), "SELECT log_stream, count(*) AS n, min(source_kind) AS kind FROM access_logs"
                + " WHERE request_id < 'req-00100' GROUP BY 1 ORDER BY 1"))
                .extracting(m -> m.get("log_stream") + "=" + m.get("n") + " " + m.get("kind"))
                .containsExactly("stream-0=10 CLOUDWATCH", "stream-1=10 CLOUDWATCH", "stream-2=10 CLOUDWATCH");
        assertThat(rows(data(), "SELECT status, resource_path, source_kind FROM access_logs WHERE request_id IN ('req-00110', 'req-00120')"))
                .extracting(m -> m.get("status") + " " + m.get("resource_path") + " " + m.get("source_kind"))
                .containsExactly("404 /pets/{petId} DIRECT", "404 /pets/{petId} DIRECT");
        assertThat(count(data(), "access_logs WHERE request_id = 'req-00121'")).isEqualTo(1);
    }

    @Test
    void readsLogsInsightsResultsDownloadedAsCsv() throws Exception {
        StringBuilder csv = new StringBuilder("@timestamp,@message,@logStream\r\n");
        for (int i = 300; i < 320; i++) {
            csv.append(java.time.LocalDateTime.ofEpochSecond(T0 / 1000 + i, 0, java.time.ZoneOffset.UTC).toString().replace('T', ' '))
                    .append(".000,\"").append(jsonLine(i).replace("\"", "\"\"")).append("\",stream-").append(i % 2).append("\r\n");
        }
        csv.append("2024-02-01 00:00:00.000,,stream-0\r\n"); // an empty message: skipped
        csv.append("2024-02-01 00:00:00.000\r\n"); // cut short, no message field: a failure that keeps the text
        Path file = Files.writeString(tmp.resolve("logs-insights-results.csv"), csv, StandardCharsets.UTF_8);

        CliTestSupport.Result r = ingest("--data", data().toString(), "--json", file.toString());

        JsonNode s = summary(r);
        assertThat(s.get("inputKinds").get("INSIGHTS_CSV").asInt()).as(r.err()).isEqualTo(1);
        assertThat(s.get("rowsWritten").asLong()).isEqualTo(20);
        assertThat(s.get("blankLines").asLong()).as("the header and the empty message").isEqualTo(2);
        assertThat(s.get("entriesFailed").asLong()).isEqualTo(1);
        assertThat(rows(data(), "SELECT log_stream, count(*) AS n, min(source_kind) AS kind, min(status) AS status FROM access_logs"
                + " GROUP BY 1 ORDER BY 1"))
                .extracting(m -> m.get("log_stream") + "=" + m.get("n") + " " + m.get("kind") + " " + m.get("status"))
                .containsExactly("stream-0=10 CLOUDWATCH 200", "stream-1=10 CLOUDWATCH 200");
        assertThat(rows(data(), "SELECT status, path FROM access_logs WHERE request_id = 'req-00310'").get(0))
                .containsEntry("status", 404).containsEntry("path", "/prod/pets/310");
    }

    @Test
    void readsLogEventsSavedAsCsvWithAPlainTimestampAndMessage() throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,message\n");
        for (int i = 330; i < 335; i++) {
            csv.append(T0 + i * 1000L).append(",\"").append(jsonLine(i).replace("\"", "\"\"")).append("\"\n");
        }
        Path file = Files.writeString(tmp.resolve("log-events-viewer-result.csv"), csv, StandardCharsets.UTF_8);

        JsonNode s = summary(ingest("--data", data().toString(), "--json", file.toString()));

        assertThat(s.get("inputKinds").get("INSIGHTS_CSV").asInt()).isEqualTo(1);
        assertThat(s.get("rowsWritten").asLong()).isEqualTo(5);
        assertThat(s.get("entriesFailed").asLong()).isZero();
        assertThat(rows(data(), "SELECT source_kind FROM access_logs WHERE request_id = 'req-00331'").get(0))
                .containsEntry("source_kind", "CLOUDWATCH");
    }

    @Test
    void readsUtf16TextAndSkipsBinaryFilesAsInputErrors() throws Exception {
        // Windows PowerShell 5 saves `aws logs filter-log-events ... > events.json` as UTF-16 with a byte-order mark
        String events = "{\"events\": [{\"logStreamName\": \"s\u00e9\", \"timestamp\": " + T0 + ", \"message\": "
                + StoreTestSupport.JSON.writeValueAsString(jsonLine(400)) + "}, {\"logStreamName\": \"s\u00e9\", \"timestamp\": " + T0
                + ", \"message\": " + StoreTestSupport.JSON.writeValueAsString(jsonLine(401)) + "}]}";
        Path dir = Files.createDirectories(tmp.resolve("downloads"));
        Files.write(dir.resolve("events.json"), ("\uFEFF" + events).getBytes(StandardCharsets.UTF_16LE));
        Files.write(dir.resolve("events-be.json"), ("\uFEFF" + events.replace("req-0040", "req-0050")).getBytes(StandardCharsets.UTF_16BE));
        byte[] image = new byte[2048];
        for (int i = 0; i < image.length; i++) {
            image[i] = (byte) (i % 7 == 0 ? 0 : i * 31);
        }
        Files.write(dir.resolve("screenshot.png"), image);

        CliTestSupport.Result r = ingest("--data", data().toString(), "--json", dir.toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("screenshot.png: binary data, not a log");
        JsonNode s = summary(r);
        assertThat(s.get("inputKinds").get("CLOUDWATCH_LOG_EVENTS").asInt()).isEqualTo(2);
        assertThat(s.get("inputKinds").get("BINARY").asInt()).isEqualTo(1);
        assertThat(s.get("processingFailed").asLong()).as("nothing of the image is sent as log lines").isZero();
        assertThat(rows(data(), "SELECT request_id, log_stream, status FROM access_logs ORDER BY 1"))
                .extracting(m -> m.get("request_id") + " " + m.get("log_stream") + " " + m.get("status"))
                .containsExactly("req-00400 s\u00e9 404", "req-00401 s\u00e9 200", "req-00500 s\u00e9 404", "req-00501 s\u00e9 200");
    }

    @Test
    void readsFirehoseEventsAndSubscriptionPayloadsWithEnrichment() throws Exception {
        Path event = CliTestSupport.events().resolve("firehose-direct-rest.json");
        Path cloudwatch = CliTestSupport.events().resolve("firehose-cloudwatch-http.json");
        String envelope = "{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"123456789012\",\"logGroup\":\"/aws/http\",\"logStream\":\"s1\","
                + "\"logEvents\":[{\"id\":\"1\",\"timestamp\":" + T0 + ",\"message\":" + StoreTestSupport.JSON.writeValueAsString(jsonLine(7)) + "}]}";
        String control = "{\"messageType\":\"CONTROL_MESSAGE\",\"logGroup\":\"\",\"logStream\":\"\",\"logEvents\":[]}";
        Path payloads = write(tmp.resolve("payloads.jsonl"), List.of(envelope, control));

        CliTestSupport.Result r = ingest("--data", data().toString(), "--json", "--usage-plans",
                CliTestSupport.events().resolve("usage-plans.json").toString(), event.toString(), cloudwatch.toString(), payloads.toString());

        JsonNode s = summary(r);
        assertThat(s.get("inputKinds").get("FIREHOSE_EVENT").asInt()).isEqualTo(2);
        assertThat(s.get("inputKinds").get("CLOUDWATCH_SUBSCRIPTION").asInt()).isEqualTo(1);
        assertThat(s.get("dropped").asLong()).as("control messages are Dropped").isEqualTo(2);
        assertThat(rows(data(), "SELECT customer_id, usage_plan_name FROM access_logs WHERE api_key_id = 'k1acme0001'"
                + " AND stage = 'prod' LIMIT 1")).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("customer_id", "acme").containsEntry("usage_plan_name", "Gold"));
        assertThat(rows(data(), "SELECT log_group FROM access_logs WHERE request_id = 'req-00007'"))
                .singleElement().satisfies(m -> assertThat(m).containsEntry("log_group", "/aws/http"));
    }

    @Test
    void storesTheStacksDeliveredRowsAsTheyAre() throws Exception {
        String row = "{\"request_id\":\"stack-1\",\"request_time\":\"2024-02-03T10:00:00.000Z\",\"request_time_epoch_ms\":1706954400000,"
                + "\"status\":200,\"customer_id\":\"acme\",\"usage_plan_name\":\"Gold\",\"source_kind\":\"DIRECT\",\"extra\":{\"k\":\"v\"}}";
        String noId = "{\"request_time\":\"2024-02-03T10:00:01.000Z\",\"request_time_epoch_ms\":1706954401000,\"status\":503,\"source_kind\":\"CLOUDWATCH\"}";
        Path delivered = writeGzip(tmp.resolve("amazon-apigateway-x-1-2024-02-03-10-05-00-abc.gz"), List.of(row, noId));

        CliTestSupport.Result first = ingest("--data", data().toString(), "--json", delivered.toString());
        CliTestSupport.Result again = ingest("--data", data().toString(), "--json", delivered.toString());

        assertThat(summary(first).get("inputKinds").get("CANONICAL_ROWS").asInt()).isEqualTo(1);
        assertThat(summary(first).get("rowsPassedThrough").asLong()).isEqualTo(2);
        assertThat(summary(again).get("duplicateRows").asLong()).isEqualTo(2);
        assertThat(rows(data(), "SELECT request_id, customer_id, usage_plan_name, extra['k'] AS k, day FROM access_logs ORDER BY status"))
                .extracting(m -> m.get("request_id") + " " + m.get("customer_id") + " " + m.get("usage_plan_name") + " " + m.get("day"))
                .containsExactly("stack-1 acme Gold 03", "null null null 03");
    }

    @Test
    void storesTheStacksParquetObjects() throws Exception {
        Path parquet = tmp.resolve("amazon-apigateway-x-1-2024-02-03-10-05-00-abc.parquet");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:"); java.sql.Statement st = c.createStatement()) {
            // what Firehose's conversion against the Glue table writes: typed columns, a map, no partition columns
            st.execute("COPY (SELECT 'pq-1' AS request_id, TIMESTAMP '2024-02-03 10:00:00.250' AS request_time,"
                    + " 1706954400250::BIGINT AS request_time_epoch_ms, 429::INTEGER AS status, 'globex' AS customer_id,"
                    + " 2.5::DOUBLE AS throttle_rate_limit, MAP {'k': 'v'} AS extra, 'DIRECT' AS source_kind) TO '" + parquet + "' (FORMAT parquet)");
        }

        JsonNode s = summary(ingest("--data", data().toString(), "--json", parquet.toString()));

        assertThat(s.get("inputKinds").get("CANONICAL_PARQUET").asInt()).isEqualTo(1);
        assertThat(rows(data(), "SELECT request_id, request_time, status, customer_id, throttle_rate_limit, extra['k'] AS k, day"
                + " FROM access_logs")).singleElement().satisfies(m -> assertThat(m).containsEntry("request_id", "pq-1")
                .containsEntry("status", 429).containsEntry("customer_id", "globex").containsEntry("throttle_rate_limit", 2.5)
                .containsEntry("k", "v").containsEntry("day", "03"));
        assertThat(rows(data(), "SELECT epoch_ms(request_time) AS t FROM access_logs").get(0)).containsEntry("t", 1706954400250L);
    }

    @Test
    void readsParquetWhoseTimeIsTextOrCarriesAZone() throws Exception {
        Path text = tmp.resolve("athena-ctas.parquet");
        Path zoned = tmp.resolve("spark.parquet");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:"); java.sql.Statement st = c.createStatement()) {
            // another tool's Parquet: the time as text, in the canonical form or as API Gateway logs it
            st.execute("COPY (SELECT 'txt-1' AS request_id, '2024-02-03T10:00:00.250Z' AS request_time, 200 AS status"
                    + " UNION ALL SELECT 'txt-2', '03/Feb/2024:11:00:00 +0000', 502) TO '" + text + "' (FORMAT parquet)");
            st.execute("COPY (SELECT 'tz-1' AS request_id, TIMESTAMPTZ '2024-02-03 12:00:00+00' AS request_time, 200 AS status)"
                    + " TO '" + zoned + "' (FORMAT parquet)");
        }

        CliTestSupport.Result r = ingest("--data", data().toString(), "--json", text.toString(), zoned.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(rows(data(), "SELECT request_id, strftime(request_time, '%H:%M:%S') AS t, status FROM access_logs ORDER BY 1"))
                .extracting(m -> m.get("request_id") + " " + m.get("t") + " " + m.get("status"))
                .containsExactly("txt-1 10:00:00 200", "txt-2 11:00:00 502", "tz-1 12:00:00 200");
    }

    @Test
    void reingestingTheSameInputStoresNothingTwice() throws Exception {
        Path in = write(tmp.resolve("a.log"), jsonLines(0, 40));
        Path garbage = write(tmp.resolve("b.log"), List.of("not an access log", "{\"app\":\"log line\"}"));

        JsonNode first = summary(ingest("--data", data().toString(), "--json", in.toString(), garbage.toString()));
        JsonNode second = summary(ingest("--data", data().toString(), "--json", in.toString(), garbage.toString()));

        assertThat(first.get("rowsWritten").asLong()).isEqualTo(40);
        assertThat(first.get("failureDocumentsWritten").asLong()).isEqualTo(2);
        assertThat(second.get("rowsWritten").asLong()).isZero();
        assertThat(second.get("duplicateRows").asLong()).isEqualTo(40);
        assertThat(second.get("failureDocumentsWritten").asLong()).isZero();
        assertThat(second.get("failureDocumentsAlreadyStored").asLong()).isEqualTo(2);
        assertThat(count(data(), "access_logs")).isEqualTo(40);
        assertThat(count(data(), "access_logs_processing_failed")).isEqualTo(2);
    }

    @Test
    void overlappingExportsInOneRunAndAcrossRunsGiveEachRequestOnce() throws Exception {
        Path a = write(tmp.resolve("a.log"), jsonLines(0, 60));
        Path b = writeGzip(tmp.resolve("b.log.gz"), jsonLines(40, 100));
        List<String> cw = new ArrayList<>();
        for (int i = 90; i < 120; i++) {
            cw.add(exported(T0 + i * 1000L, jsonLine(i)));
        }
        Path c = write(tmp.resolve("c-export.txt"), cw);
        // a line without a request id is recognised by its text
        String noId = "{\"requestTimeEpoch\":\"" + T0 + "\",\"httpMethod\":\"GET\",\"path\":\"/no-id\",\"status\":\"200\"}";
        Path d = write(tmp.resolve("d.log"), List.of(noId, noId));

        JsonNode one = summary(ingest("--data", data().toString(), "--json", a.toString(), b.toString(), d.toString()));
        JsonNode two = summary(ingest("--data", data().toString(), "--json", c.toString(), d.toString()));

        assertThat(one.get("rowsWritten").asLong()).isEqualTo(101);
        assertThat(one.get("duplicateRows").asLong()).isEqualTo(21);
        assertThat(two.get("rowsWritten").asLong()).isEqualTo(20);
        assertThat(count(data(), "access_logs")).isEqualTo(121);
        assertThat(rows(data(), "SELECT count(*) AS n FROM access_logs WHERE path = '/no-id'").get(0)).containsEntry("n", 1L);
    }

    @Test
    void replaysProcessingFailedDocumentsAfterAFix() throws Exception {
        Path custom = write(tmp.resolve("custom.log"), List.of("r-1 " + T0 + " 200", "r-2 " + (T0 + 1000) + " 503"));

        JsonNode failed = summary(ingest("--data", data().toString(), "--json", custom.toString()));
        Path errors = data().resolve("errors/processing-failed");
        JsonNode stillFailing = summary(ingest("--data", data().toString(), "--json", errors.toString()));
        JsonNode fixed = summary(ingest("--data", data().toString(), "--json", "--log-format",
                "$context.requestId $context.requestTimeEpoch $context.status", errors.toString()));

        assertThat(failed.get("processingFailed").asLong()).isEqualTo(2);
        assertThat(failed.get("failureDocumentsWritten").asLong()).isEqualTo(2);
        assertThat(stillFailing.get("inputKinds").get("PROCESSING_FAILED").asInt()).isEqualTo(1);
        assertThat(stillFailing.get("failureDocumentsAlreadyStored").asLong()).as("a failed replay adds no document").isEqualTo(2);
        assertThat(fixed.get("rowsWritten").asLong()).isEqualTo(2);
        assertThat(rows(data(), "SELECT request_id, status, year FROM access_logs ORDER BY 1"))
                .extracting(m -> m.get("request_id") + " " + m.get("status") + " " + m.get("year"))
                .containsExactly("r-1 200 2024", "r-2 503 2024");
        assertThat(count(data(), "access_logs_processing_failed")).isEqualTo(2);
        CliTestSupport.Result forPeople = ingest("--data", tmp.resolve("other").toString(), custom.toString());
        assertThat(forPeople.out() + forPeople.err()).as("the summary says how to fetch the format and replay")
                .contains("--log-format \"$(aws apigateway get-stage --rest-api-id API_ID --stage-name STAGE"
                        + " --query accessLogSettings.format --output text)\" " + tmp.resolve("other/errors/processing-failed"))
                .contains("aws apigatewayv2 get-stage");
    }

    @Test
    void mixedBadInputAddsUp() throws Exception {
        List<String> lines = new ArrayList<>(jsonLines(0, 20));
        lines.add("");
        lines.add("garbage that is no access log");
        lines.add("{\"requestId\":\"b1\",\"status\":\"200\",\"identityUserAgent\":\"Mozilla \"quoted\" agent\",\"requestTimeEpoch\":\"" + T0 + "\"}");
        lines.add("{\"requestId\":\"b2\",\"status\":");
        lines.add("{\"app\":\"an application log, not an access log\"}");
        lines.addAll(jsonLines(10, 15)); // repeated
        Path raw = write(tmp.resolve("mixed.log"), lines);
        List<String> cw = new ArrayList<>();
        cw.add(exported(T0, jsonLine(100)));
        cw.add(exported(T0, "START RequestId: 6f1e Version: $LATEST"));
        cw.add(exported(T0, jsonLine(101)));
        Path export = write(tmp.resolve("export.txt"), cw);
        Path event = CliTestSupport.events().resolve("firehose-garbage.json");

        CliTestSupport.Result r = ingest("--data", data().toString(), "--json", raw.toString(), export.toString(), event.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode s = summary(r);
        long entries = s.get("logEntries").asLong();
        assertThat(s.get("records").asLong()).isEqualTo(s.get("ok").asLong() + s.get("dropped").asLong() + s.get("processingFailed").asLong());
        assertThat(entries).isEqualTo(s.get("rowsTransformed").asLong() + s.get("entriesFailed").asLong() + s.get("entriesDropped").asLong());
        assertThat(s.get("rowsTransformed").asLong()).isEqualTo(s.get("rowsWritten").asLong() + s.get("duplicateRows").asLong());
        assertThat(s.get("processingFailed").asLong())
                .isEqualTo(s.get("failureDocumentsWritten").asLong() + s.get("failureDocumentsAlreadyStored").asLong());
        long reasons = 0;
        for (JsonNode n : s.get("failureReasons")) {
            reasons += n.asLong();
        }
        assertThat(reasons).isEqualTo(s.get("processingFailed").asLong());
        assertThat(s.get("blankLines").asLong()).isEqualTo(1);
        assertThat(s.get("rowsWritten").asLong()).as("20 + b1 + 2 from the export").isEqualTo(23);
        assertThat(s.get("duplicateRows").asLong()).isEqualTo(5);
        // the one bad event of the export failed alone: its good neighbours are rows
        assertThat(rows(data(), "SELECT count(*) AS n FROM access_logs WHERE request_id IN ('req-00100', 'req-00101')").get(0))
                .containsEntry("n", 2L);
        assertThat(count(data(), "access_logs_processing_failed")).isEqualTo(s.get("failureDocumentsWritten").asLong());
        assertThat(rows(data(), "SELECT user_agent FROM access_logs WHERE request_id = 'b1'")).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("user_agent", "Mozilla \"quoted\" agent"));
    }

    @Test
    void readsStandardInput() throws Exception {
        byte[] in = (String.join("\n", jsonLines(0, 5)) + "\n").getBytes(StandardCharsets.UTF_8);

        CliTestSupport.Result r = StoreTestSupport.ingest(new ByteArrayInputStream(StoreTestSupport.gzip(in)),
                "--data", data().toString(), "--json", "-");

        assertThat(summary(r).get("rowsWritten").asLong()).isEqualTo(5);
    }

    @Test
    void jsonModeKeepsStdoutToOneSummaryLine() throws Exception {
        Path in = write(tmp.resolve("a.log"), jsonLines(0, 3));

        CliTestSupport.Result r = ingest("--data", data().toString(), "--json", in.toString());

        assertThat(r.out().strip().lines()).hasSize(1);
        assertThat(summary(r).get("rowsWritten").asLong()).isEqualTo(3);
    }

    @Test
    void aTruncatedGzipIngestsItsWholeLinesAndTheFullFileCompletesItWithoutDuplicates() throws Exception {
        List<String> lines = jsonLines(0, 400);
        Path full = writeGzip(tmp.resolve("full.log.gz"), lines);
        byte[] bytes = Files.readAllBytes(full);
        Path cut = Files.write(tmp.resolve("cut.log.gz"), Arrays.copyOf(bytes, bytes.length * 2 / 3));

        CliTestSupport.Result truncated = ingest("--data", data().toString(), "--json", cut.toString());
        long afterCut = count(data(), "access_logs");
        CliTestSupport.Result complete = ingest("--data", data().toString(), "--json", full.toString());

        assertThat(truncated.exitCode()).isEqualTo(1);
        assertThat(truncated.err()).contains("cut.log.gz: truncated or corrupt gzip data");
        assertThat(summary(truncated).get("processingFailed").asLong()).as("no half line is failed").isZero();
        assertThat(afterCut).isBetween(1L, 399L);
        assertThat(complete.exitCode()).isZero();
        assertThat(count(data(), "access_logs")).isEqualTo(400);
        assertThat(count(data(), "access_logs_processing_failed")).isZero();
    }

    @Test
    void refusesMissingUnreadableAndEmptyInputsBeforeWritingAnything() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path loop = tmp.resolve("loop");
        Files.createSymbolicLink(loop, loop);
        Path good = write(tmp.resolve("good.log"), jsonLines(0, 3));

        CliTestSupport.Result missing = ingest("--data", data().toString(), good.toString(), tmp.resolve("nope.log").toString());
        CliTestSupport.Result emptyDir = ingest("--data", data().toString(), empty.toString());
        CliTestSupport.Result unreadable = ingest("--data", data().toString(), good.toString(), loop.toString());

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.log: no such file or directory");
        assertThat(emptyDir.exitCode()).isEqualTo(2);
        assertThat(emptyDir.err()).contains("directory holds no files to ingest");
        assertThat(unreadable.exitCode()).isEqualTo(2);
        assertThat(unreadable.err()).contains("loop: cannot be opened");
        assertThat(Files.exists(data().resolve("logs"))).as("nothing half-written").isFalse();
    }

    @Test
    void readsANamedPipeAsAStreamAsProcessSubstitutionGivesOne() throws Exception {
        Path fifo = tmp.resolve("logs.fifo"); // what ./apigw-insights ingest <(zcat logs.gz) is handed
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        byte[] lines = StoreTestSupport.gzip((String.join("\n", jsonLines(0, 7)) + "\n").getBytes(StandardCharsets.UTF_8));
        Thread writer = new Thread(() -> {
            try (java.io.OutputStream out = Files.newOutputStream(fifo)) {
                out.write(lines);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.setDaemon(true); // if the ingest never opens the pipe, the writer stays blocked: it must not hold the JVM
        writer.start();

        CliTestSupport.Result r = ingest("--data", data().toString(), "--json", fifo.toString());
        writer.join(10_000);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(summary(r).get("rowsWritten").asLong()).isEqualTo(7);
    }

    @Test
    void readsADirectoryWithALinkBackToAFolderAboveItOnceAndSkipsHiddenFolders() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs/2024/02"));
        write(logs.resolve("a.log"), jsonLines(0, 3));
        Files.createSymbolicLink(logs.resolve("current"), tmp.resolve("logs")); // current -> an ancestor: a loop
        write(Files.createDirectories(tmp.resolve("logs/.cache")).resolve("b.log"), jsonLines(3, 5));

        CliTestSupport.Result r = ingest("--data", data().toString(), "--json", tmp.resolve("logs").toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode s = summary(r);
        assertThat(s.get("inputs").asInt()).isEqualTo(1);
        assertThat(s.get("rowsWritten").asLong()).isEqualTo(3);
    }

    @Test
    void saysSoWhenDataNamesAFile() throws Exception {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "keep me");
        Path in = write(tmp.resolve("a.log"), jsonLines(0, 1));

        CliTestSupport.Result r = ingest("--data", file.toString(), in.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--data " + file + " is a file, not a directory");
        assertThat(file).hasContent("keep me");
    }

    @Test
    void rejectsAnUnknownFlagWithUsage() {
        CliTestSupport.Result r = ingest("--data", data().toString(), "--frobnicate", "x.log");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--frobnicate'");
    }

    @Test
    void explainsAnUnusableUsagePlansFile() throws Exception {
        Path in = write(tmp.resolve("a.log"), jsonLines(0, 1));

        CliTestSupport.Result r = ingest("--data", data().toString(), "--usage-plans", tmp.resolve("plans.json").toString(), in.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("usage-plans file not found");
    }

    @Test
    void neverReadsTheStoresOwnRowsAsInput() throws Exception {
        write(data().resolve("exports/a.log"), jsonLines(0, 10));
        ingest("--data", data().toString(), data().resolve("exports").toString());

        JsonNode again = summary(ingest("--data", data().toString(), "--json", data().toString()));

        assertThat(again.get("inputs").asInt()).as("only exports/a.log; logs/ and errors are not inputs here").isEqualTo(1);
        assertThat(count(data(), "access_logs")).isEqualTo(10);
        try (Stream<Path> s = Files.list(data())) {
            assertThat(s.map(p -> p.getFileName().toString())).doesNotContain(".staging");
        }
    }

    @Test
    void keepsAnOutOfRangeIntegerAsTextInExtra() throws Exception {
        Path in = write(tmp.resolve("big.log"), List.of("{\"requestId\":\"big\",\"requestTimeEpoch\":\"" + T0
                + "\",\"status\":\"99999999999\",\"httpMethod\":\"GET\"}"));

        ingest("--data", data().toString(), in.toString());

        assertThat(rows(data(), "SELECT status, extra['status_raw'] AS raw FROM access_logs")).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("status", null).containsEntry("raw", "99999999999"));
    }

    @Test
    void buildsTheSameEventsAsTheTransformerFixtures() {
        // guards the helper the other tests rely on: make-event style records round-trip through ingest
        FirehoseEventBuilder b = new FirehoseEventBuilder("arn:aws:firehose:us-east-1:123456789012:deliverystream/x", T0);
        b.direct(jsonLine(1));
        assertThat(b.toJson()).contains("\"records\"");
    }
}
