package dev.apigwinsights.local.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an ingest did. The numbers add up, and tests hold them to it:
 * <ul>
 *   <li>{@code records = ok + dropped + processingFailed} (Firehose records sent to the transformer);</li>
 *   <li>{@code logEntries = rowsTransformed + entriesFailed + entriesDropped}: every access-log
 *       entry read became a row, part of a Dropped record, or part of a failure document;</li>
 *   <li>{@code rowsTransformed + rowsPassedThrough = rowsWritten + duplicateRows} (rows already
 *       stored, or repeated in the input, are not written again);</li>
 *   <li>{@code processingFailed = failureDocumentsWritten + failureDocumentsAlreadyStored}.</li>
 * </ul>
 *
 * @param kinds       inputs per detected kind
 * @param inputErrors one line per input that could not be read to its end
 */
public record IngestSummary(int inputs, long bytesRead, Map<InputKind, Integer> kinds, long logEntries, long blankLines,
                            long records, long ok, long dropped, long processingFailed, long entriesFailed,
                            long entriesDropped, long rowsTransformed, long rowsPassedThrough, long rowsWritten,
                            long duplicateRows, long failureDocumentsWritten, long failureDocumentsAlreadyStored,
                            Map<String, Long> failureReasons, List<String> inputErrors, double seconds, Path dataDir) {

    /** Log entries and stored rows read per second of wall time. */
    public double entriesPerSecond() {
        return seconds <= 0 ? 0 : (logEntries + rowsPassedThrough) / seconds;
    }

    /** One JSON object on one line. */
    public String toJson() {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("dataDir", dataDir.toString());
            g.writeNumberField("inputs", inputs);
            g.writeNumberField("bytesRead", bytesRead);
            g.writeObjectFieldStart("inputKinds");
            for (Map.Entry<InputKind, Integer> e : kinds.entrySet()) {
                g.writeNumberField(e.getKey().name(), e.getValue());
            }
            g.writeEndObject();
            g.writeNumberField("logEntries", logEntries);
            g.writeNumberField("blankLines", blankLines);
            g.writeNumberField("records", records);
            g.writeNumberField("ok", ok);
            g.writeNumberField("dropped", dropped);
            g.writeNumberField("processingFailed", processingFailed);
            g.writeNumberField("entriesFailed", entriesFailed);
            g.writeNumberField("entriesDropped", entriesDropped);
            g.writeNumberField("rowsTransformed", rowsTransformed);
            g.writeNumberField("rowsPassedThrough", rowsPassedThrough);
            g.writeNumberField("rowsWritten", rowsWritten);
            g.writeNumberField("duplicateRows", duplicateRows);
            g.writeNumberField("failureDocumentsWritten", failureDocumentsWritten);
            g.writeNumberField("failureDocumentsAlreadyStored", failureDocumentsAlreadyStored);
            g.writeObjectFieldStart("failureReasons");
            for (Map.Entry<String, Long> e : failureReasons.entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("inputErrors");
            for (String e : inputErrors) {
                g.writeString(e);
            }
            g.writeEndArray();
            g.writeNumberField("seconds", Math.round(seconds * 1000) / 1000.0);
            g.writeNumberField("entriesPerSecond", Math.round(entriesPerSecond()));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** The summary for people. */
    public String toText() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Read %d input%s (%s): ", inputs, inputs == 1 ? "" : "s", size(bytesRead)));
        kinds.forEach((k, n) -> s.append(n).append(' ').append(k.label()).append("; "));
        s.setLength(s.length() - 2);
        s.append('\n');
        s.append(String.format(Locale.ROOT, "Log entries: %,d in %,d Firehose records%s%n", logEntries, records,
                blankLines > 0 ? String.format(Locale.ROOT, " (%,d blank lines skipped)", blankLines) : ""));
        s.append(String.format(Locale.ROOT, "Firehose results: %,d Ok, %,d Dropped, %,d ProcessingFailed%n", ok, dropped, processingFailed));
        s.append(String.format(Locale.ROOT, "Rows: %,d transformed%s, %,d written, %,d already stored or repeated%n", rowsTransformed,
                rowsPassedThrough > 0 ? String.format(Locale.ROOT, " + %,d stored rows read as they are", rowsPassedThrough) : "",
                rowsWritten, duplicateRows));
        if (processingFailed > 0) {
            s.append(String.format(Locale.ROOT, "Failed (%,d entries; %,d new documents under %s, %,d already there):%n",
                    entriesFailed, failureDocumentsWritten, dataDir.resolve("errors/processing-failed"), failureDocumentsAlreadyStored));
            failureReasons.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                    .limit(10)
                    .forEach(e -> s.append(String.format(Locale.ROOT, "  %,8d  %s%n", e.getValue(), e.getKey())));
            if (failureReasons.keySet().stream().anyMatch(r -> r.contains("set LOG_FORMAT"))) {
                s.append(logFormatHint());
            }
        }
        for (String e : inputErrors) {
            s.append("Input error: ").append(e).append('\n');
        }
        s.append(String.format(Locale.ROOT, "Time: %.1f s, %,.0f entries/s; data in %s%n", seconds, entriesPerSecond(), dataDir));
        return s.toString();
    }

    /** What to run when lines are in a format of the stage's own: fetch it, then replay the failures with it. */
    private String logFormatHint() {
        Path failed = dataDir.resolve("errors/processing-failed");
        return "  Lines in the stage's own format need it: give it with --log-format and replay the failures (nothing is stored twice):\n"
                + "    ./apigw-insights ingest --data " + dataDir + " --log-format \"$(aws apigateway get-stage --rest-api-id API_ID"
                + " --stage-name STAGE --query accessLogSettings.format --output text)\" " + failed + "\n"
                + "    (HTTP and WebSocket APIs: aws apigatewayv2 get-stage --api-id API_ID --stage-name STAGE --query AccessLogSettings.Format"
                + " --output text)\n";
    }

    private static String size(long bytes) {
        if (bytes < 10 * 1024) {
            return bytes + " bytes";
        }
        return bytes < 10L * 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
