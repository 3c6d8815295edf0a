package dev.apigwinsights.reports;

import dev.apigwinsights.insights.TimeGrain;
import java.util.Objects;

/**
 * One execution of a catalog insight for a report: over the report's period or the comparison
 * period, with an optional time grain and top-N size. Blocks that need the same run share its result.
 */
public record InsightRun(String insightId, Span span, TimeGrain grain, int limit) {

    /** Which period a run covers. */
    public enum Span { CURRENT, PREVIOUS }

    public InsightRun {
        Objects.requireNonNull(insightId, "insightId");
        Objects.requireNonNull(span, "span");
    }

    public static InsightRun current(String insightId) {
        return new InsightRun(insightId, Span.CURRENT, null, 0);
    }

    public static InsightRun previous(String insightId) {
        return new InsightRun(insightId, Span.PREVIOUS, null, 0);
    }
}
