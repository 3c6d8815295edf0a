package dev.apigwinsights.reports;

import dev.apigwinsights.insights.Filter;
import dev.apigwinsights.insights.InsightParams;
import dev.apigwinsights.reports.layout.ReportLayout;
import java.util.Objects;
import java.util.Optional;

/**
 * What to report on: a layout, a period, for whom ({@code customer} for a statement), the name shown
 * on the cover ({@code project}, e.g. the stack's ProjectName), and the catalog knobs every insight
 * runs with ({@code settings}: SLO targets, prices per plan, and filters such as {@code stage=prod} that
 * narrow the whole report; its range is ignored).
 */
public record ReportRequest(ReportLayout layout, ReportPeriod period, Optional<String> customer, String project,
                            InsightParams settings, String currency) {

    public ReportRequest {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(currency, "currency");
    }

    public static ReportRequest of(ReportLayout layout, ReportPeriod period, String project) {
        return new ReportRequest(layout, period, Optional.empty(), project, InsightParams.none(), "");
    }

    public ReportRequest forCustomer(String customerId) {
        return new ReportRequest(layout, period, Optional.of(customerId), project, settings, currency);
    }

    public ReportRequest withSettings(InsightParams value, String currencyCode) {
        return new ReportRequest(layout, period, customer, project, value, currencyCode);
    }

    /** True when a price per usage plan is configured, so estimated bills can be shown. */
    public boolean hasPrices() {
        return !settings.pricePerRequestByPlan().isEmpty();
    }

    /** The settings with the customer filter of a statement (every insight of a statement is that customer's). */
    InsightParams.Builder baseParams() {
        InsightParams.Builder b = settings.toBuilder();
        b.range(null);
        customer.ifPresent(c -> b.filter(Filter.CUSTOMER, c));
        return b;
    }
}
