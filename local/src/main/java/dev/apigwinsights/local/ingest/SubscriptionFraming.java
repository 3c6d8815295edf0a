package dev.apigwinsights.local.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * CloudWatch Logs subscription payloads, one JSON envelope per line (what a Firehose stream with
 * decompression on and no processor delivers): each envelope is one record, sent as is.
 */
final class SubscriptionFraming implements Framing {

    @Override
    public void read(InputStream in, InputContext context, RecordSink sink) throws IOException {
        LineReader.forEach(in, sink, (line, lines) -> sink.record(SourceRecord.opaque(line, context.runStartMs())));
    }
}
