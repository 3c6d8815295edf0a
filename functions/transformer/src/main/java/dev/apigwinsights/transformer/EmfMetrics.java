package dev.apigwinsights.transformer;

import dev.apigwinsights.firehose.BatchSummary;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;

/**
 * Publishes batch counts as CloudWatch Embedded Metric Format: one JSON line on stdout per
 * batch, turned into metrics by Lambda's log pipeline, no API call on the hot path.
 * Namespace from {@code METRICS_NAMESPACE} (default {@code ApigwInsights}), dimension
 * {@code FunctionName}. The template's processing-failed alarm reads {@code RecordsProcessingFailed}.
 */
final class EmfMetrics {
    private final String namespace;
    private final String functionName;
    private final Clock clock;
    private final PrintStream out;

    EmfMetrics(String namespace, String functionName, Clock clock, PrintStream out) {
        this.namespace = namespace;
        this.functionName = functionName;
        this.clock = clock;
        this.out = out;
    }

    static EmfMetrics fromEnvironment(Map<String, String> env, Clock clock, PrintStream out) {
        return new EmfMetrics(env.getOrDefault("METRICS_NAMESPACE", "ApigwInsights"),
                env.getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "local"), clock, out);
    }

    private static final JsonFactory JSON = new JsonFactory();
    private static final String[] METRICS = {"RecordsIn", "RecordsOk", "RecordsDropped", "RecordsProcessingFailed",
        "LogEvents", "RecordsOverBudget"};

    void publish(BatchSummary s) {
        long[] values = {s.recordsIn(), s.ok(), s.dropped(), s.processingFailed(), s.logEvents(), s.overBudget()};
        StringWriter line = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(line)) {
            g.writeStartObject();
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
