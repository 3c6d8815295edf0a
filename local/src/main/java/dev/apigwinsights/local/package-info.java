/**
 * The {@code apigw-insights} command line: the same transformer as the Lambda, built by the same
 * wiring ({@code LocalWiring}), over event files and the bundled samples.
 */
package dev.apigwinsights.local;
