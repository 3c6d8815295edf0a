package dev.apigwinsights.firehose;

import dev.apigwinsights.pipeline.AccessLogPipeline.Origin;
import dev.apigwinsights.pipeline.LogEntries;

/**
 * Firehose direct put (REST APIs logging to the stream): the record's bytes are access-log text,
 * normally one line, possibly several lines or JSON objects ({@link LogEntries}). Accepts any
 * record, so it comes last. A blank record is dropped.
 */
final class DirectPutFraming implements RecordFraming {

    @Override
    public boolean accepts(byte[] data, int length) {
        return true;
    }

    @Override
    public RecordOutcome read(byte[] data, int length, RecordContext ctx) throws RecordFailedException {
        int[] spans = LogEntries.spans(data, 0, length);
        if (spans.length == 0) {
            return RecordOutcome.dropped("empty record");
        }
        Origin origin = ctx.direct();
        int total = spans.length / 2;
        for (int i = 0; i < total; i++) {
            int start = spans[2 * i];
            int end = spans[2 * i + 1];
            ctx.entry(data, start, end - start, origin, "entry", i + 1, total);
        }
        return RecordOutcome.OK;
    }
}
