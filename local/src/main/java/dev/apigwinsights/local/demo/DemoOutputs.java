package dev.apigwinsights.local.demo;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.apigwinsights.eventkit.FirehoseEventBuilder;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The containers access logs reach a user in, written the way AWS writes them: CloudWatch Logs
 * export-to-S3 objects, plain log files, {@code aws logs} JSON output and Firehose events of
 * CloudWatch subscription records. Each takes log lines in time order.
 */
final class DemoOutputs {
    private DemoOutputs() {
    }

    /** Where rendered access-log lines go: one stage's log destination. */
    interface Output extends AutoCloseable {
        /** {@code eventMs}: when API Gateway wrote the line (CloudWatch's event time). */
        void write(long eventMs, String logStream, String line) throws IOException;

        @Override
        void close() throws IOException;
    }

    private static Writer gzipWriter(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16),
                StandardCharsets.UTF_8), 1 << 16);
    }

    private static String iso(long ms) {
        return Instant.ofEpochMilli(ms).toString().replaceFirst("(\\.\\d{3})?Z$", "") + String.format(".%03dZ", ms % 1000);
    }

    static String day(long ms) {
        return Instant.ofEpochMilli(ms).atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    /**
     * A CloudWatch Logs export task's output: {@code <task-id>/<log-stream>/000000.gz}, lines
     * {@code <ISO-8601 time> <message>}.
     */
    static final class CloudWatchExport implements Output {
        private final Path taskDir;
        private final Map<String, Writer> streams = new HashMap<>();

        CloudWatchExport(Path dir, String taskId) {
            this.taskDir = dir.resolve(taskId);
        }

        @Override
        public void write(long eventMs, String logStream, String line) throws IOException {
            Writer w = streams.get(logStream);
            if (w == null) {
                w = gzipWriter(taskDir.resolve(logStream).resolve("000000.gz"));
                streams.put(logStream, w);
            }
            w.write(iso(eventMs));
            w.write(' ');
            w.write(line);
            w.write('\n');
        }

        @Override
        public void close() throws IOException {
            for (Writer w : streams.values()) {
                w.close();
            }
        }
    }

    /** A plain log file, gzip-compressed or not. */
    static final class LogFile implements Output {
        private final Writer w;

        LogFile(Path file, boolean gzip) throws IOException {
            Files.createDirectories(file.getParent());
            w = gzip ? gzipWriter(file) : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        }

        @Override
        public void write(long eventMs, String logStream, String line) throws IOException {
            w.write(line);
            w.write('\n');
        }

        @Override
        public void close() throws IOException {
            w.close();
        }
    }

    /**
     * {@code aws logs filter-log-events} (or {@code get-log-events}) output saved per day, pages of
     * {@value #PAGE} events each written one after the other, as a paging script would.
     */
    static final class LogEventsJson implements Output {
        static final int PAGE = 5_000;
        private final Path dir;
        private final String prefix;
        private final boolean getLogEvents;
        private final JsonFactory json = new JsonFactory();
        private String day;
        private OutputStream out;
        private JsonGenerator page;
        private int inPage;
        private long eventId;

        LogEventsJson(Path dir, String prefix, boolean getLogEvents) {
            this.dir = dir;
            this.prefix = prefix;
            this.getLogEvents = getLogEvents;
        }

        @Override
        public void write(long eventMs, String logStream, String line) throws IOException {
            String d = day(eventMs);
            if (!d.equals(day)) {
                closeFile();
                day = d;
                Files.createDirectories(dir);
                out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(prefix + "-" + d + ".json")), 1 << 16);
            }
            if (page == null) {
                page = json.createGenerator(out, JsonEncoding.UTF8);
                page.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                page.writeStartObject();
                page.writeArrayFieldStart("events");
            }
            page.writeStartObject();
            if (!getLogEvents) {
                page.writeStringField("logStreamName", logStream);
            }
            page.writeNumberField("timestamp", eventMs);
            page.writeStringField("message", line);
            page.writeNumberField("ingestionTime", eventMs + 180);
            if (!getLogEvents) {
                page.writeStringField("eventId", String.format("%056d", ++eventId));
            }
            page.writeEndObject();
            if (++inPage >= PAGE) {
                closePage();
            }
        }

        private void closePage() throws IOException {
            if (page == null) {
                return;
            }
            page.writeEndArray();
            if (getLogEvents) {
                page.writeStringField("nextForwardToken", "f/" + String.format("%056d", eventId));
                page.writeStringField("nextBackwardToken", "b/" + String.format("%056d", eventId));
            } else {
                page.writeArrayFieldStart("searchedLogStreams");
                page.writeEndArray();
            }
            page.writeEndObject();
            page.close();
            out.write('\n');
            page = null;
            inPage = 0;
        }

        private void closeFile() throws IOException {
            closePage();
            if (out != null) {
                out.close();
                out = null;
            }
        }

        @Override
        public void close() throws IOException {
            closeFile();
        }
    }

    /**
     * Firehose transformation events of CloudWatch subscription records (gzip envelopes of up to
     * {@value #EVENTS_PER_RECORD} log events), as the processor Lambda receives them; one file per day.
     */
    static final class FirehoseEvents implements Output {
        static final int EVENTS_PER_RECORD = 20;
        static final int RECORDS_PER_EVENT = 400;
        private final Path dir;
        private final String logGroup;
        private final String streamArn;
        private final List<String> pending = new ArrayList<>();
        private String pendingStream;
        private long pendingFirst;
        private FirehoseEventBuilder event;
        private String day;
        private Writer out;

        FirehoseEvents(Path dir, String logGroup) {
            this.dir = dir;
            this.logGroup = logGroup;
            this.streamArn = "arn:aws:firehose:" + DemoCatalog.REGION + ":" + DemoCatalog.ACCOUNT
                    + ":deliverystream/amazon-apigateway-apigw-insights";
        }

        @Override
        public void write(long eventMs, String logStream, String line) throws IOException {
            String d = day(eventMs);
            if (!d.equals(day) || !logStream.equals(pendingStream) || pending.size() >= EVENTS_PER_RECORD) {
                flushRecord();
            }
            if (!d.equals(day)) {
                flushEvent();
                if (out != null) {
                    out.close();
                }
                day = d;
                Files.createDirectories(dir);
                out = Files.newBufferedWriter(dir.resolve("firehose-" + d + ".json"), StandardCharsets.UTF_8);
            }
            if (pending.isEmpty()) {
                pendingFirst = eventMs;
                pendingStream = logStream;
            }
            pending.add(line);
        }

        private void flushRecord() throws IOException {
            if (pending.isEmpty()) {
                return;
            }
            if (event == null) {
                event = new FirehoseEventBuilder(streamArn, pendingFirst + 2_000);
            }
            event.cloudWatch(logGroup, pendingStream, pending, pendingFirst);
            pending.clear();
            if (event.size() >= RECORDS_PER_EVENT) {
                flushEvent();
            }
        }

        private void flushEvent() throws IOException {
            if (event != null) {
                out.write(event.toJson());
                event = null;
            }
        }

        @Override
        public void close() throws IOException {
            flushRecord();
            flushEvent();
            if (out != null) {
                out.close();
            }
        }
    }
}
