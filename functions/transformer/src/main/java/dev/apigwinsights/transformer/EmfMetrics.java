package dev.apigwinsights.transformer;

import dev.apigwinsights.firehose.BatchSummary;
import java.io.PrintStream;
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

    void publish(BatchSummary s) {
        String line = "{\"_aws\":{\"Timestamp\":" + clock.millis()
                + ",\"CloudWatchMetrics\":[{\"Namespace\":\"" + escape(namespace) + "\",\"Dimensions\":[[\"FunctionName\"]],"
                + "\"Metrics\":[" + metric("RecordsIn") + "," + metric("RecordsOk") + "," + metric("RecordsDropped") + ","
                + metric("RecordsProcessingFailed") + "," + metric("LogEvents") + "," + metric("RecordsOverBudget") + "]}]},"
                + "\"FunctionName\":\"" + escape(functionName) + "\","
                + "\"RecordsIn\":" + s.recordsIn() + ",\"RecordsOk\":" + s.ok() + ",\"RecordsDropped\":" + s.dropped()
                + ",\"RecordsProcessingFailed\":" + s.processingFailed() + ",\"LogEvents\":" + s.logEvents()
                + ",\"RecordsOverBudget\":" + s.overBudget() + "}";
        out.println(line);
    }

    private static String metric(String name) {
        return "{\"Name\":\"" + name + "\",\"Unit\":\"Count\"}";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
