/**
 * A stage's own access-log format ({@code LOG_FORMAT}) compiled into a parser
 * ({@link dev.apigwinsights.parse.template.LogFormat}): JSON-shaped formats read by their keys
 * (and by position when a line repeats a key), every other layout matched literally by a
 * bounded search; and the console's preset formats, recognised without being told.
 */
package dev.apigwinsights.parse.template;
