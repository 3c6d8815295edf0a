package dev.apigwinsights.schema;

import java.util.ArrayList;
import java.util.List;

/** How a record reached the transformer: the value of the {@code source_kind} column. */
public enum SourceKind {
    /** Firehose direct put: REST APIs log straight to the stream, one access-log line per record. */
    DIRECT("Firehose direct put"),
    /** A CloudWatch Logs subscription filter: HTTP and WebSocket APIs, many log events per record. */
    CLOUDWATCH("subscription filter");

    private final String label;

    SourceKind(String label) {
        this.label = label;
    }

    /** The column description, from the constants: {@code DIRECT (Firehose direct put) or CLOUDWATCH (...)}. */
    static String describeAll() {
        List<String> parts = new ArrayList<>();
        for (SourceKind k : values()) {
            parts.add(k.name() + " (" + k.label + ")");
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
    }
}
