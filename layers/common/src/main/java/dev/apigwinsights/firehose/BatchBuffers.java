package dev.apigwinsights.firehose;

import dev.apigwinsights.util.Base64Codec;
import dev.apigwinsights.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The buffers one thread's batches are read, decoded and written through, reused from batch to
 * batch so that a batch allocates little beyond its rows: the event as read, one record's decoded
 * data, one record's output, a CloudWatch log event's message, the response buffer and the base64
 * pieces. Each grows as a batch needs it; one that grew beyond {@link #RETAINED_BYTES} is let go
 * after the batch, so a rare huge event does not pin its memory. Not thread-safe.
 */
final class BatchBuffers {
    /** Lambda's request limit is 6 MB; a buffer larger than this after a batch is not kept. */
    static final int RETAINED_BYTES = 8 << 20;
    static final int RESPONSE_BUFFER = 64 * 1024;
    private static final int INITIAL = 64 * 1024;

    private byte[] event = new byte[INITIAL];
    private int eventLength;
    private ByteArrayBuilder decoded = new ByteArrayBuilder(INITIAL);
    private ByteArrayBuilder output = new ByteArrayBuilder(INITIAL);
    private ByteArrayBuilder message = new ByteArrayBuilder(INITIAL);
    private final byte[] response = new byte[RESPONSE_BUFFER];
    private final byte[] window = new byte[CloudWatchPayload.WINDOW];
    private final Base64Codec base64 = new Base64Codec();

    /**
     * Reads the whole event into the event buffer: one copy from the stream, nothing allocated once
     * the buffer has the size of the batches seen.
     */
    void readEvent(InputStream in) throws IOException {
        int n = 0;
        while (true) {
            if (n == event.length) {
                if (n >= Integer.MAX_VALUE - 16) {
                    throw new IOException("event too large");
                }
                event = Arrays.copyOf(event, (int) Math.min(Integer.MAX_VALUE - 16, n * 2L));
            }
            int r = in.read(event, n, event.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        eventLength = n;
    }

    byte[] event() {
        return event;
    }

    int eventLength() {
        return eventLength;
    }

    /** One record's data, base64-decoded. */
    ByteArrayBuilder decoded() {
        return decoded;
    }

    /** One record's canonical lines. */
    ByteArrayBuilder output() {
        return output;
    }

    /** One CloudWatch log event's message, unescaped. */
    ByteArrayBuilder message() {
        return message;
    }

    byte[] response() {
        return response;
    }

    /** Where a streamed CloudWatch payload (gzip) is read through. */
    byte[] window() {
        return window;
    }

    Base64Codec base64() {
        return base64;
    }

    /** After a batch: lets go of what grew beyond {@link #RETAINED_BYTES}. */
    void release() {
        if (event.length > RETAINED_BYTES) {
            event = new byte[INITIAL];
        }
        eventLength = 0;
        decoded = bounded(decoded);
        output = bounded(output);
        message = bounded(message);
    }

    private static ByteArrayBuilder bounded(ByteArrayBuilder b) {
        b.clear();
        return b.array().length > RETAINED_BYTES ? new ByteArrayBuilder(INITIAL) : b;
    }
}
