package dev.apigwinsights.local.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * How one kind of input is cut into Firehose records (or stored rows). One class per kind: a new
 * input shape is a new framing, not an edit of an if-chain.
 */
interface Framing {
    /**
     * Reads the whole (decompressed) input and hands everything to {@code sink}.
     *
     * @throws IOException when the input cannot be read to its end; what was handed over before
     *         stays handed over
     */
    void read(InputStream in, InputContext context, RecordSink sink) throws IOException;
}
