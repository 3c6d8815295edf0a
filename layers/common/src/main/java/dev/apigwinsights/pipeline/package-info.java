/**
 * One entry in, one canonical JSON line out: {@link dev.apigwinsights.pipeline.AccessLogPipeline}
 * parses, types ({@link dev.apigwinsights.pipeline.CanonicalMapper}), derives, enriches and
 * writes; {@link dev.apigwinsights.pipeline.LogEntries} splits a payload into entries;
 * {@link dev.apigwinsights.pipeline.PipelineConfig} builds a pipeline. Shared by the Lambda
 * transformer and the local runtime.
 */
package dev.apigwinsights.pipeline;
