package dev.apigwinsights.reports;

import dev.apigwinsights.insights.QueryResult;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** A report's request and the catalog's answers to every run it needs; what the renderer draws. */
public record ReportData(ReportRequest request, Instant generatedAt, Map<InsightRun, QueryResult> results) {

    public ReportData {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(generatedAt, "generatedAt");
        results = Map.copyOf(results);
    }

    /** The result of {@code run}; fails if the report did not run it (a bug, not a data problem). */
    public QueryResult result(InsightRun run) {
        QueryResult r = results.get(run);
        if (r == null) {
            throw new IllegalStateException("the report did not run " + run);
        }
        return r;
    }
}
