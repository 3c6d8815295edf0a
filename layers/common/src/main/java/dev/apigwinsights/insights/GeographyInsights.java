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
                        .build(),
                insight("errors_by_country", Sheet.GEOGRAPHY, ChartKind.MAP, "Errors by country",
                        "From which countries do failing requests come (4xx and 5xx counts and rates)?")
                        .query(Aggregate.by(Dimension.location("client_country", Columns.CLIENT_COUNTRY))
                                .measure(Measure.countIf("errors_4xx", Defs.IS_4XX), Measure.countIf("errors_5xx", Defs.IS_5XX),
                                        Measure.rate("error_4xx_rate_pct", Defs.IS_4XX), Measure.rate("error_5xx_rate_pct", Defs.IS_5XX))
                                .where(Condition.notNull(Columns.CLIENT_COUNTRY))
                                .orderBy(Order.desc("errors_4xx")))
                        .build(),
                insight("latency_by_country", Sheet.GEOGRAPHY, ChartKind.MAP, "Latency by country",
                        "How fast is the API for clients in each country (median and p95 response latency)?")
                        .query(Aggregate.by(Dimension.location("client_country", Columns.CLIENT_COUNTRY))
                                .measure(Defs.p50(Columns.RESPONSE_LATENCY_MS), Defs.p95(Columns.RESPONSE_LATENCY_MS), REQUESTS)
                                .where(Condition.notNull(Columns.CLIENT_COUNTRY))
                                .orderBy(Order.desc("p95_ms")))
                        .build(),
                insight("requests_over_time_by_country", Sheet.GEOGRAPHY, ChartKind.STACKED_BAR, "Requests over time by country",
                        "How does traffic from each country change over the period?")
                        .query(Aggregate.by(Defs.time(), Dimension.series("client_country", Columns.CLIENT_COUNTRY))
                                .measure(REQUESTS)
                                .where(Condition.notNull(Columns.CLIENT_COUNTRY)))
                        .build());
    }
}
