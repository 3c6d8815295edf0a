/**
 * A minimal SLF4J binding for the Lambda functions (each registers it in its own jar): one JSON object per line, level from
 * {@code AWS_LAMBDA_LOG_LEVEL}, exceptions as class and top frame only (messages can quote input).
 */
package dev.apigwinsights.logging;
