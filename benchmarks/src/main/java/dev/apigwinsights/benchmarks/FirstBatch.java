package dev.apigwinsights.benchmarks;

import dev.apigwinsights.transformer.TransformHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures JVM start to first batch done for the Lambda handler, as a cold start without
 * SnapStart would see it (minus the runtime's own bootstrap): constructs the handler with the
 * runtime's no-arg constructor and transforms one fixture event.
 * Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.apigwinsights.benchmarks.FirstBatch events/firehose-direct-rest.json}
 */
public final class FirstBatch {
    private FirstBatch() {
    }

    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        long t0 = System.nanoTime();
        var handler = new TransformHandler();
        long constructed = System.nanoTime();
        handler.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), null);
        long done = System.nanoTime();
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.err.printf("JVM start -> first batch done: %d ms (handler init %d ms, first batch %d ms)%n",
                sinceJvmStart, (constructed - t0) / 1_000_000, (done - constructed) / 1_000_000);
    }
}
