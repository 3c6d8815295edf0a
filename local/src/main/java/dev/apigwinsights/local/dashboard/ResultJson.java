package dev.apigwinsights.local.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwinsights.insights.QueryResult;
import dev.apigwinsights.insights.ResultColumn;
import dev.apigwinsights.insights.TimeRange;
import java.time.Instant;
import java.util.Optional;

/**
 * An insight's answer as the page reads it: {@code columns} (names, in the catalog's order) and
 * {@code rows} (arrays of values: numbers, strings, booleans, ISO-8601 UTC instants, or null; a
 * NaN or infinite double is null, which JSON cannot carry otherwise); or {@code unavailable}.
 */
public final class ResultJson {

    private ResultJson() {
    }

    public static ObjectNode of(String id, QueryResult result, Optional<TimeRange> range, long elapsedMs) {
        ObjectNode n = HtmlSafeJson.object().put("id", id);
        range.ifPresent(r -> n.putObject("range").put("from", r.from().toString()).put("to", r.to().toString()));
        ArrayNode columns = n.putArray("columns");
        for (ResultColumn c : result.columns()) {
            columns.add(c.name());
        }
        ArrayNode rows = n.putArray("rows");
        for (QueryResult.Row row : result.rows()) {
            ArrayNode r = rows.addArray();
            for (Object v : row.values()) {
                add(r, v);
            }
        }
        n.put("elapsedMs", elapsedMs);
        return n;
    }

    /**
     * An insight this store cannot answer (a column it lacks), or that failed: instead of rows, a
     * reason code and a message for the page. It is an answer, not an HTTP error, so a page asking
     * for every insight of a sheet gets no failed request for a store that simply lacks the data.
     */
    public static ObjectNode unavailable(String id, String reason, String message) {
        ObjectNode n = HtmlSafeJson.object().put("id", id);
        n.putObject("unavailable").put("reason", reason).put("message", message);
        return n;
    }

    private static void add(ArrayNode row, Object v) {
        if (v == null) {
            row.addNull();
        } else if (v instanceof Long l) {
            row.add(l);
        } else if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                row.addNull();
            } else {
                row.add(d);
            }
        } else if (v instanceof Boolean b) {
            row.add(b);
        } else if (v instanceof Instant i) {
            row.add(i.toString());
        } else {
            row.add(v.toString());
        }
    }
}
