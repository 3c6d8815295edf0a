package dev.apigwinsights.insights;

import static dev.apigwinsights.insights.Defs.REQUESTS;
import static dev.apigwinsights.insights.Defs.insight;

import dev.apigwinsights.insights.InsightQuery.Aggregate;
import java.util.List;

/** Errors: what fails, how often, where and why. */
final class ErrorInsights {

    private ErrorInsights() {
    }

    static List<Insight> all() {
        return List.of(
                insight("top_error_signatures", Sheet.ERRORS, ChartKind.TABLE, "Top error signatures",
                        "Which errors happen most, grouped by message with ids, numbers and ARNs masked?")
                        .query(Aggregate.by(Dimension.of("error_signature", Columns.ERROR_SIGNATURE))
                                .measure(REQUESTS)
                                .where(Condition.notNull(Columns.ERROR_SIGNATURE))
                                .orderBy(Order.desc("requests"))
                                .limit(10))
                        .build(),
                insight("errors_by_category", Sheet.ERRORS, ChartKind.PIE, "Errors by category",
                        "What kinds of errors are they: auth, quota, throttling, validation, not found, WAF, integration, server?")
                        .query(Aggregate.by(Dimension.of("error_category", Columns.ERROR_CATEGORY))
                                .measure(REQUESTS)
                                .where(Defs.IS_ERROR)
                                .orderBy(Order.desc("requests")))
                        .build());
    }
}
