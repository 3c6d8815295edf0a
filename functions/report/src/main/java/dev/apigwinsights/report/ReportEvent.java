package dev.apigwinsights.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigwinsights.insights.TimeRange;
import dev.apigwinsights.reports.ReportPeriod;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What an invocation asks for, as the EventBridge Scheduler schedules of the template send it
 * ({@code {"report": "summary", "period": "week", "scheduledTime": "<aws.scheduler.scheduled-time>"}})
 * or an operator re-runs it by hand ({@code "from"}/{@code "to"} for a custom range, {@code "customer"}
 * for one statement). The scheduled time, when present, fixes the period, so a retried or late
 * invocation reports on the same period.
 */
public record ReportEvent(Kind kind, ReportPeriod.Kind period, Optional<Instant> scheduledTime, Optional<TimeRange> range,
                          Optional<String> customer) {

    /** The API owner's report, or the per-customer statements. */
    public enum Kind { SUMMARY, STATEMENTS }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ReportEvent read(InputStream in) throws IOException {
        JsonNode n = JSON.readTree(in);
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("the report event must be a JSON object");
        }
        String report = n.path("report").asText("summary");
        Kind kind = switch (report) {
            case "summary" -> Kind.SUMMARY;
            case "statements" -> Kind.STATEMENTS;
            default -> throw new IllegalArgumentException("\"report\" must be summary or statements, not '" + report + "'");
        };
        Optional<TimeRange> range = Optional.empty();
        if (n.hasNonNull("from") || n.hasNonNull("to")) {
            range = Optional.of(TimeRange.of(TimeRange.parseInstant(n.path("from").asText()), TimeRange.parseInstant(n.path("to").asText())));
        }
        Optional<Instant> scheduled = Optional.empty();
        String t = n.path("scheduledTime").asText("");
        if (!t.isEmpty() && !t.startsWith("<")) {
            scheduled = Optional.of(TimeRange.parseInstant(t));
        }
        String customer = n.path("customer").asText("");
        return new ReportEvent(kind, ReportPeriod.Kind.parse(n.path("period").asText("week")), scheduled, range,
                customer.isEmpty() ? Optional.empty() : Optional.of(customer));
    }

    /** The period to report on, in {@code zone}, at {@code now} unless the schedule said when. */
    public ReportPeriod period(ZoneId zone, Instant now) {
        return range.map(r -> ReportPeriod.custom(r, zone))
                .orElseGet(() -> ReportPeriod.lastComplete(period, zone, scheduledTime.orElse(now)));
    }
}
