package dev.apigwinsights.local.ingest;

/** The kinds of input {@code ingest} reads, each recognised from content by {@link InputDetector}. */
public enum InputKind {
    ACCESS_LOG_LINES("access-log lines", new AccessLogLinesFraming()),
    CLOUDWATCH_EXPORT("CloudWatch Logs export", new CloudWatchExportFraming()),
    CLOUDWATCH_LOG_EVENTS_TEXT("aws logs filter-log-events/get-log-events text output", new LogEventsTextFraming()),
    CLOUDWATCH_TAIL("aws logs tail output", new LogsTailFraming()),
    CLOUDWATCH_LOG_EVENTS("aws logs filter-log-events/get-log-events output", new LogEventsJsonFraming()),
    CLOUDWATCH_LOG_EVENT_OBJECTS("CloudWatch Logs events or Insights rows as JSON objects (jq '.events[]', sam logs --output json)",
            JsonArrayFraming.LOG_EVENT_OBJECTS),
    INSIGHTS_CSV("Logs Insights results (CSV)", new InsightsCsvFraming()),
    JSON_ARRAY("Logs Insights results or JSON arrays of access-log objects or lines", new JsonArrayFraming()),
    CLOUDWATCH_SUBSCRIPTION("CloudWatch Logs subscription payloads", new SubscriptionFraming()),
    FIREHOSE_EVENT("Firehose transformation events", new FirehoseEventFraming()),
    CANONICAL_ROWS("apigw-insights rows (Firehose-delivered JSON)", new CanonicalRowsFraming()),
    CANONICAL_PARQUET("apigw-insights rows (Firehose-delivered Parquet)", new ParquetRowsFraming()),
    PROCESSING_FAILED("Firehose processing-failed documents (replay)", new ProcessingFailedFraming()),
    EMPTY("empty", (in, context, sink) -> { }),
    /**
     * The {@code aws-logs-write-test} object a CloudWatch Logs export task writes beside its logs
     * to check its bucket permission: copied down with the export, it holds no log entry.
     */
    EXPORT_PERMISSION_CHECK("CloudWatch export's permission check, skipped", (in, context, sink) -> { }),
    /** Not text (an image, say): {@link Ingest} reports it as an input error and reads nothing from it. */
    BINARY("binary, skipped", (in, context, sink) -> { });

    private final String label;
    private final Framing framing;

    InputKind(String label, Framing framing) {
        this.label = label;
        this.framing = framing;
    }

    /** How the summary names this kind. */
    public String label() {
        return label;
    }

    Framing framing() {
        return framing;
    }
}
