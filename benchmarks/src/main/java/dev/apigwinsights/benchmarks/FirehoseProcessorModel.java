package dev.apigwinsights.benchmarks;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.apigwinsights.firehose.BatchSummary;
import dev.apigwinsights.firehose.FirehoseBatchTransformer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * What a Firehose stream's Lambda processor does with a steady flow of records, modelled from
 * the Firehose guide: records are buffered until they reach {@code BufferSizeInMBs} (counted in
 * the bytes the processor passes to Lambda: gzip bytes on a plain stream, inflated bytes after
 * the Decompression processor), then the real transformer gets the batch. A MB is taken as
 * 2^20 bytes and the record that crosses the hint stays in the batch, both the pessimistic reading.
 */
final class FirehoseProcessorModel {
    private static final JsonFactory JSON = new JsonFactory();
    static final long MB = 1L << 20;

    /** One configuration's totals over its batches. */
    record Totals(int batches, int recordsIn, int failedForSize, int failed, long maxResponseBytes, long inputBytes) {
        Totals plus(BatchSummary s, long batchBytes) {
            return new Totals(batches + 1, recordsIn + s.recordsIn(), failedForSize + s.overBudget(),
                    failed + s.processingFailed(), Math.max(maxResponseBytes, s.responseBytes()), inputBytes + batchBytes);
        }
    }

    private final FirehoseBatchTransformer transformer;

    FirehoseProcessorModel(FirehoseBatchTransformer transformer) {
        this.transformer = transformer;
    }

    /** Runs {@code batches} full processor buffers of {@code bufferMb} drawn from {@code records}. */
    Totals run(Supplier<byte[]> records, double bufferMb, int batches) {
        long limit = (long) (bufferMb * MB);
        Totals totals = new Totals(0, 0, 0, 0, 0, 0);
        for (int b = 0; b < batches; b++) {
            ByteArrayOutputStream event = new ByteArrayOutputStream();
            long buffered = 0;
            try (JsonGenerator g = JSON.createGenerator(event, JsonEncoding.UTF8)) {
                g.writeStartObject();
                g.writeStringField("invocationId", "bench-" + b);
                g.writeStringField("deliveryStreamArn", "arn:aws:firehose:eu-west-1:123456789012:deliverystream/bench");
                g.writeStringField("region", "eu-west-1");
                g.writeArrayFieldStart("records");
                for (int n = 0; buffered < limit; n++) {
                    byte[] data = records.get();
                    buffered += data.length;
                    g.writeStartObject();
                    g.writeStringField("recordId", b + "-" + n);
                    g.writeNumberField("approximateArrivalTimestamp", 1_735_896_130_000L + n);
                    g.writeStringField("data", Base64.getEncoder().encodeToString(data));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                BatchSummary s = transformer.transform(new ByteArrayInputStream(event.toByteArray()), OutputStream.nullOutputStream());
                totals = totals.plus(s, buffered);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return totals;
    }
}
