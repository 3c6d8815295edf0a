package dev.apigwinsights.derive;

/** The kind of API Gateway API that wrote a log line; the value of the {@code api_type} column. */
public enum ApiType {
    /** API Gateway REST API (v1). */
    REST,
    /** API Gateway HTTP API (v2). */
    HTTP,
    /** API Gateway WebSocket API (v2). */
    WEBSOCKET
}
