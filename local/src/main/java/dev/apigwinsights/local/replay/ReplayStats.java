package dev.apigwinsights.local.replay;

import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;

/** What a replay read, skipped and sent. Counts and names only: never record contents. */
final class ReplayStats {
    int objects;
    int objectsOutsideWindow;
    int unreadableObjects;
    long documents;
    long documentsOutsideWindow;
    long directRecords;
    long envelopes;
    long envelopesSplit;
    long envelopePieces;
    long controlMessages;
    long empty;
    long unreadable;
    long tooLarge;
    long recordsSent;
    long bytesSent;
    long batches;
    long recordsFailed;
    final Map<String, Integer> errorCodes = new TreeMap<>();

    long recordsPlanned() {
        return directRecords + envelopePieces;
    }

    void add(PutRecordBatchSender.Result result) {
        batches++;
        recordsSent += result.sent();
        bytesSent += result.sentBytes();
        recordsFailed += result.failed();
        result.errorCodes().forEach((code, n) -> errorCodes.merge(code, n, Integer::sum));
    }

    boolean complete() {
        return recordsFailed == 0 && unreadableObjects == 0;
    }

    void print(PrintWriter out, String deliveryStream, boolean dryRun) {
        out.printf("Read %d error documents from %d objects (%d documents and %d objects outside the time window).%n",
                documents, objects, documentsOutsideWindow, objectsOutsideWindow);
        out.printf("Records: %d direct-put, %d CloudWatch Logs envelopes re-put uncompressed as %d records (%d split to fit 1,000 KiB).%n",
                directRecords, envelopes, envelopePieces, envelopesSplit);
        out.printf("Skipped: %d control messages, %d empty, %d unreadable, %d lines or log events over 1,000 KiB (left in place).%n",
                controlMessages, empty, unreadable, tooLarge);
        if (dryRun) {
            out.printf("Dry run: would send %d records to %s in %d PutRecordBatch batches; nothing was sent.%n",
                    recordsPlanned(), deliveryStream, batches);
        } else {
            out.printf("Sent %d records (%d bytes) to %s in %d PutRecordBatch batches; %d refused after every attempt%s.%n",
                    recordsSent, bytesSent, deliveryStream, batches, recordsFailed,
                    errorCodes.isEmpty() ? "" : " (Firehose said, over all attempts: " + errorCodes + ")");
        }
        if (unreadableObjects > 0) {
            out.printf("%d objects could not be read as Firehose error documents (see above).%n", unreadableObjects);
        }
        out.flush();
    }
}
