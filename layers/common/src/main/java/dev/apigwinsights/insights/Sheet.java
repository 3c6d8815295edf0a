package dev.apigwinsights.insights;

/**
 * The sheets (dashboard tabs, report chapters) insights are grouped in, in display order. QuickSight
 * sheets, the local dashboard's tabs and the report's sections are generated from this list.
 */
public enum Sheet {
    OVERVIEW("Overview", "Traffic, status classes, change over time and the busiest routes"),
    LATENCY("Latency", "Response, integration, authorizer and WAF latency: averages and percentiles"),
    ERRORS("Errors", "What fails, how often, where and why"),
    CUSTOMERS("Customers & quotas", "Usage plans, API keys, quota use and estimated bills"),
    CLIENTS("Clients & auth", "Who calls: user agents, client IPs, authentication methods and principals"),
    GEOGRAPHY("Geography", "Requests, errors and latency by client country"),
    WEBSOCKET("WebSocket", "Connections, messages and disconnects of WebSocket APIs"),
    RELIABILITY("Reliability", "Availability and latency SLOs, error budget, burn rates and anomalies"),
    RAW("Raw requests", "Individual requests, with every filter");

    private final String title;
    private final String description;

    Sheet(String title, String description) {
        this.title = title;
        this.description = description;
    }

    /** Stable snake_case id, e.g. {@code customers}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }
}
