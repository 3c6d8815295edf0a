package dev.apigwinsights.local.ingest;

import dev.apigwinsights.firehose.ErrorDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Firehose processing-failed error documents (from the stack's bucket or this store's
 * {@code errors/processing-failed/}): each document's {@code rawData} is the record Firehose
 * had, re-sent with its original arrival time. This is the replay after a fix; records that still
 * fail get a document again, which the store recognises and does not write twice.
 */
final class ProcessingFailedFraming implements Framing {

    @Override
    public void read(InputStream in, InputContext context, RecordSink sink) throws IOException {
        try {
            ErrorDocument.readAll(in, doc -> {
                try {
                    long arrival = doc.arrivalTimestamp() > 0 ? doc.arrivalTimestamp() : context.runStartMs();
                    sink.record(SourceRecord.opaque(doc.rawData(), arrival));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
