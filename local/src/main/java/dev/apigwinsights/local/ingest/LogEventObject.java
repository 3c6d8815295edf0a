package dev.apigwinsights.local.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;

/**
 * A CloudWatch Logs event as its own JSON object, outside the {@code {"events":[…]}} page it came
 * in: what {@code jq -c '.events[]'}, {@code aws logs filter-log-events --query events} and
 * {@code sam logs --output json} write. Its {@code message} is the access-log line; read as an
 * access-log object itself it would give a row of nothing but its envelope.
 */
final class LogEventObject {
    /** The members of the API's FilteredLogEvent and OutputLogEvent, and the log group a tool may add. */
    private static final Set<String> MEMBERS = Set.of("logStreamName", "timestamp", "message", "ingestionTime", "eventId",
            "logGroupName", "logGroupIdentifier");

    private LogEventObject() {
    }

    /** Whether {@code key} may be a member of a log event object. */
    static boolean isMember(String key) {
        return MEMBERS.contains(key);
    }

    /** An object of nothing but log event members, with a text {@code message} and a whole-number {@code timestamp}. */
    static boolean is(JsonNode node) {
        if (!node.isObject() || !node.path("message").isTextual() || !node.path("timestamp").canConvertToLong()
                || !node.path("timestamp").isIntegralNumber()) {
            return false;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            if (!MEMBERS.contains(names.next())) {
                return false;
            }
        }
        return true;
    }

    /** Adds the event to its log stream's envelope (a blank message counts as a blank line). */
    static void add(JsonNode event, CloudWatchGrouper grouper) throws IOException {
        JsonNode stream = event.get("logStreamName");
        grouper.addEvent(stream != null && stream.isTextual() ? stream.asText() : null, event.get("timestamp").asLong(),
                event.get("message").asText());
    }
}
