package dev.apigwinsights.wiring;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.apigwinsights.firehose.BatchSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * Publishes batch counts as CloudWatch Embedded Metric Format: one JSON line on stdout per
 * batch, turned into metrics by Lambda's log pipeline, no API call on the hot path.
 * Namespace from {@code METRICS_NAMESPACE} (default {@code ApigwInsights}), dimension
 * {@code FunctionName}. The template's processing-failed alarm reads {@code RecordsProcessingFailed}.
 *
 * <p>The line carries a {@code level} equal to the function's own log level
 * ({@code AWS_LAMBDA_LOG_LEVEL}, which Lambda sets from {@code ApplicationLogLevel}). With JSON
 * logging Lambda drops stdout lines below that level and reads a line without {@code level} as
 * INFO, so without it raising the level to WARN would silently drop every metric and blind the
 * alarms. At the function's own level the line always passes, whatever that level is.
 */
final class EmfMetrics {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String[] METRICS = {"RecordsIn", "RecordsOk", "RecordsDropped", "RecordsProcessingFailed",
        "LogEvents", "RecordsOverBudget", "RecordsOverWorkBudget", "RecordsUnanswerable"};

    private final String namespace;
    private final String functionName;
    private final String level;
    private final Clock clock;
    private final PrintStream out;

    EmfMetrics(String namespace, String functionName, String level, Clock clock, PrintStream out) {
        this.namespace = namespace;
        this.functionName = functionName;
        this.level = level;
        this.clock = clock;
        this.out = out;
    }

    void publish(BatchSummary s) {
        long[] values = {s.recordsIn(), s.ok(), s.dropped(), s.processingFailed(), s.logEvents(), s.overBudget(),
            s.overWorkBudget(), s.unanswerable()};
        StringWriter line = new StringWriter(640);
        try (JsonGenerator g = JSON.createGenerator(line)) {
            g.writeStartObject();
            g.writeStringField("level", level);
            g.writeObjectFieldStart("_aws");
            g.writeNumberField("Timestamp", clock.millis());
            g.writeArrayFieldStart("CloudWatchMetrics");
            g.writeStartObject();
            g.writeStringField("Namespace", namespace);
            g.writeArrayFieldStart("Dimensions");
            g.writeStartArray();
            g.writeString("FunctionName");
            g.writeEndArray();
            g.writeEndArray();
            g.writeArrayFieldStart("Metrics");
            for (String name : METRICS) {
                g.writeStartObject();
                g.writeStringField("Name", name);
                g.writeStringField("Unit", "Count");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeStringField("FunctionName", functionName);
            for (int i = 0; i < METRICS.length; i++) {
                g.writeNumberField(METRICS[i], values[i]);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        out.println(line);
    }
}
