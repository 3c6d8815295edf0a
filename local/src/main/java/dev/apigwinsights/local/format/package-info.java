/**
 * The {@code validate-format} checker: whether API Gateway accepts a format, whether its lines
 * parse, what the dashboards miss; CLI only, outside the Lambda layer.
 */
package dev.apigwinsights.local.format;
