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
 * NaN or infinite double is null, which JSON cannot carry otherwise).
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

    /** An answer that could not be computed: the user-facing reason instead of rows. */
    public static ObjectNode failed(String id, String error) {
        return HtmlSafeJson.object().put("id", id).put("error", error);
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
