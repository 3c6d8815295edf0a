package dev.apigwinsights.local.replay;

import dev.apigwinsights.local.util.CloudWatchPayloads.Envelope;
import dev.apigwinsights.local.util.CloudWatchPayloads;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the raw data of one failed record back into records to re-put, and says what it was.
 *
 * <ul>
 *   <li>A CloudWatch Logs envelope (gzip, or uncompressed as Firehose's Decompression processor
 *       leaves it) is re-put <b>uncompressed</b>, split into envelopes of at most
 *       {@link #MAX_RECORD_BYTES}: on the direct-put stream the processor buffer then counts the
 *       bytes the transformer returns, so a replayed batch cannot overflow the 6 MB response the
 *       way the original gzip records did. (The decompressing stream accepts no producer but
 *       CloudWatch Logs, so it cannot be the target.)</li>
 *   <li>Anything else (a direct-put access-log record) is re-put as it was, cut at line ends only
 *       if it exceeds the record limit.</li>
 *   <li>Control messages and empty records are skipped (the transformer drops them), and so is
 *       data that cannot be read (corrupt gzip) or a line or log event larger than a record: those
 *       stay in the error prefix and are counted.</li>
 * </ul>
 */
final class ReplayPlanner {
    /** Firehose's record limit: 1,000 KiB before base64. */
    static final int MAX_RECORD_BYTES = 1000 * 1024;
    /** A gzip record inflating beyond this is not one CloudWatch Logs wrote. */
    static final int MAX_INFLATED_BYTES = 64 * 1024 * 1024;

    enum Kind { DIRECT, ENVELOPE, CONTROL_MESSAGE, EMPTY, UNREADABLE }

    /**
     * What one failed record becomes.
     *
     * @param tooLarge lines or log events that fit no record (left in place)
     */
    record Plan(Kind kind, List<byte[]> records, int tooLarge) {
        static Plan skip(Kind kind) {
            return new Plan(kind, List.of(), 0);
        }
    }

    private final int maxRecordBytes;

    ReplayPlanner() {
        this(MAX_RECORD_BYTES);
    }

    ReplayPlanner(int maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
    }

    Plan plan(byte[] raw) {
        if (isBlank(raw)) {
            return Plan.skip(Kind.EMPTY);
        }
        byte[] plain = raw;
        boolean gzip = CloudWatchPayloads.isGzip(raw);
        if (gzip) {
            Optional<byte[]> inflated = CloudWatchPayloads.gunzip(raw, MAX_INFLATED_BYTES);
            if (inflated.isEmpty()) {
                return Plan.skip(Kind.UNREADABLE);
            }
            plain = inflated.get();
        }
        Optional<Envelope> envelope = CloudWatchPayloads.parseEnvelope(plain);
        if (envelope.isPresent()) {
            if (envelope.get().isControlMessage()) {
                return Plan.skip(Kind.CONTROL_MESSAGE);
            }
            CloudWatchEnvelopeSplitter.Pieces pieces = CloudWatchEnvelopeSplitter.split(envelope.get(), maxRecordBytes);
            if (pieces.pieces().isEmpty() && pieces.oversizedEvents() == 0) {
                return Plan.skip(Kind.EMPTY);
            }
            return new Plan(Kind.ENVELOPE, pieces.pieces(), pieces.oversizedEvents() + pieces.eventsWithoutMessage());
        }
        // Not an envelope: re-put the record exactly as it arrived.
        return direct(raw);
    }

    private Plan direct(byte[] raw) {
        if (raw.length <= maxRecordBytes) {
            return new Plan(Kind.DIRECT, List.of(raw), 0);
        }
        List<byte[]> records = new ArrayList<>();
        int tooLarge = 0;
        int start = 0;
        int chunkStart = 0;
        while (start < raw.length) {
            int end = start;
            while (end < raw.length && raw[end] != '\n') {
                end++;
            }
            int lineEnd = Math.min(end + 1, raw.length);
            if (lineEnd - start > maxRecordBytes) {
                if (start > chunkStart) {
                    records.add(java.util.Arrays.copyOfRange(raw, chunkStart, start));
                }
                tooLarge++;
                chunkStart = lineEnd;
            } else if (lineEnd - chunkStart > maxRecordBytes) {
                records.add(java.util.Arrays.copyOfRange(raw, chunkStart, start));
                chunkStart = start;
            }
            start = lineEnd;
        }
        if (raw.length > chunkStart) {
            records.add(java.util.Arrays.copyOfRange(raw, chunkStart, raw.length));
        }
        return new Plan(Kind.DIRECT, records, tooLarge);
    }

    private static boolean isBlank(byte[] data) {
        for (byte b : data) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
