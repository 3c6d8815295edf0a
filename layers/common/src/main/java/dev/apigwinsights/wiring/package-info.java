/**
 * How a transformer is put together from its settings, the same way for the Lambda handler and
 * the CLI: {@link dev.apigwinsights.wiring.TransformerWiring#fromEnvironment} (settings from
 * environment variables, an injected clock, a stream for metrics), with EMF metrics per batch.
 * The only package that knows every other one.
 */
package dev.apigwinsights.wiring;
