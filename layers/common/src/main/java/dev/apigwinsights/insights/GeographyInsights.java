package dev.apigwinsights.insights;

import static dev.apigwinsights.insights.Defs.REQUESTS;
import static dev.apigwinsights.insights.Defs.insight;

import dev.apigwinsights.insights.InsightQuery.Aggregate;
import java.util.List;

/** Geography: requests, errors and latency by client country ({@code client_country}, from GeoIP). */
final class GeographyInsights {

    private GeographyInsights() {
    }

    static List<Insight> all() {
        return List.of(
                insight("requests_by_country", Sheet.GEOGRAPHY, ChartKind.MAP, "Requests by country",
                        "Where in the world do requests come from, and how do errors and latency differ by country?")
                        .query(Aggregate.by(Dimension.location("client_country", Columns.CLIENT_COUNTRY))
                                .measure(REQUESTS,
                                        Measure.rate("error_rate_pct", Condition.in(Columns.STATUS_CLASS, "4xx", "5xx")),
                                        Defs.p95(Columns.RESPONSE_LATENCY_MS))
                                .where(Condition.notNull(Columns.CLIENT_COUNTRY))
                                .orderBy(Order.desc("requests")))
                        .build());
    }
}
