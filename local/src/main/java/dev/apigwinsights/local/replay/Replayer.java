package dev.apigwinsights.local.replay;

import dev.apigwinsights.firehose.ErrorDocument;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads every error document of a source, plans its records and sends them in batches within the
 * PutRecordBatch limits. Each object's records are sent before the next object is read, and the
 * object is reported done, so an interrupted replay resumes cleanly after the last one reported.
 * Without a sender (dry run) it plans and counts only.
 */
final class Replayer {
    private final ReplayPlanner planner;
    private final PutRecordBatchSender sender;
    private final TimeWindow window;
    private final PrintWriter progress;
    private String lastDone;

    /** @param sender null for a dry run */
    Replayer(ReplayPlanner planner, PutRecordBatchSender sender, TimeWindow window, PrintWriter progress) {
        this.planner = planner;
        this.sender = sender;
        this.window = window;
        this.progress = progress;
    }

    /** The last object whose records were all handed to Firehose: what {@code --start-after} takes to resume. */
    String lastDone() {
        return lastDone;
    }

    ReplayStats run(ErrorDocumentSource source, ReplayStats stats) throws IOException {
        source.forEachObject(window, (name, in) -> readObject(name, in, stats), stats);
        return stats;
    }

    private void readObject(String name, InputStream stored, ReplayStats stats) throws IOException {
        stats.objects++;
        long documentsBefore = stats.documents;
        long recordsBefore = stats.recordsPlanned();
        long refusedBefore = stats.recordsFailed;
        Batch batch = new Batch(stats);
        try (InputStream in = uncompressed(stored)) {
            ErrorDocument.readAll(in, document -> replay(document, batch, stats));
        } catch (ErrorDocument.MalformedErrorDocumentException | java.util.zip.ZipException e) {
            stats.unreadableObjects++;
            progress.printf("%s: not Firehose error documents (%s); read up to there%n", name, e.getMessage());
        }
        batch.flush();
        lastDone = name;
        long refused = stats.recordsFailed - refusedBefore;
        progress.printf("%s %s: %d documents, %d records%s%n", sender == null ? "planned" : "done", name,
                stats.documents - documentsBefore, stats.recordsPlanned() - recordsBefore,
                refused == 0 ? "" : ", " + refused + " refused by Firehose after every attempt");
        progress.flush();
    }

    private void replay(ErrorDocument document, Batch batch, ReplayStats stats) {
        stats.documents++;
        if (!window.contains(document.arrivalTimestamp())) {
            stats.documentsOutsideWindow++;
            return;
        }
        ReplayPlanner.Plan plan = planner.plan(document.rawData());
        stats.tooLarge += plan.tooLarge();
        switch (plan.kind()) {
            case DIRECT -> stats.directRecords += plan.records().size();
            case ENVELOPE -> {
                stats.envelopes++;
                stats.envelopePieces += plan.records().size();
                if (plan.records().size() > 1) {
                    stats.envelopesSplit++;
                }
            }
            case CONTROL_MESSAGE -> stats.controlMessages++;
            case EMPTY -> stats.empty++;
            case UNREADABLE -> stats.unreadable++;
        }
        plan.records().forEach(batch::add);
    }

    /** Firehose compresses error objects as it compresses the stream's output (GZIP for JSON output). */
    private static InputStream uncompressed(InputStream stored) throws IOException {
        BufferedInputStream in = new BufferedInputStream(stored, 65536);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1F && b1 == 0x8B ? new GZIPInputStream(in, 65536) : in;
    }

    /** Records waiting to be sent, never over 500 records or 4 MiB. */
    private final class Batch {
        private final ReplayStats stats;
        private final List<byte[]> records = new ArrayList<>();
        private long bytes;

        Batch(ReplayStats stats) {
            this.stats = stats;
        }

        void add(byte[] record) {
            if (records.size() == PutRecordBatchSender.MAX_RECORDS || bytes + record.length > PutRecordBatchSender.MAX_BATCH_BYTES) {
                flush();
            }
            records.add(record);
            bytes += record.length;
        }

        void flush() {
            if (records.isEmpty()) {
                return;
            }
            if (sender == null) {
                stats.batches++;
            } else {
                PutRecordBatchSender.Result result = sender.send(records);
                stats.add(result);
            }
            records.clear();
            bytes = 0;
        }
    }
}
