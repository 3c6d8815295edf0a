package dev.apigwinsights.pipeline;

/**
 * Where the pipeline reports the work an entry cost, in the units of
 * {@link dev.apigwinsights.parse.RawAccessLog#work()}: the Firehose transformer charges it to the
 * batch's work budget, so no batch can run for long whatever its lines hold.
 */
@FunctionalInterface
public interface WorkMeter {
    /** Ignores the work (the CLI's one-off tools, tests). */
    WorkMeter NONE = units -> { };

    void charge(long units);
}
