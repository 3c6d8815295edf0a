/**
 * The Firehose processor Lambda: a thin {@code RequestStreamHandler} over the transformer that
 * {@code dev.apigwinsights.wiring.TransformerWiring} builds, with SnapStart hooks.
 */
package dev.apigwinsights.transformer;
