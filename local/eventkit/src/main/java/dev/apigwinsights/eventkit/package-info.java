/**
 * Firehose transformation events built as Firehose sends them, and the shared fixtures in
 * {@code events/}: for the CLI's {@code make-event}, the tests of every module and the
 * benchmarks. Never part of the Lambda artifacts.
 */
package dev.apigwinsights.eventkit;
