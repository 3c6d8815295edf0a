package dev.apigwinsights.firehose;

import dev.apigwinsights.util.Base64Codec;
import dev.apigwinsights.util.ByteArrayBuilder;
import dev.apigwinsights.util.JsonStrings;
import dev.apigwinsights.util.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One element of the event's {@code records} array that has a {@code recordId}, as positions in
 * the event bytes: nothing is decoded until the record's turn comes, so a batch holds the event
 * and one record's data at a time.
 *
 * <p>The id is kept as the raw JSON value Firehose sent (a string with its escapes, or a number)
 * and written back byte for byte, so the response names exactly the id the request did.
 */
final class InputRecord {
    /** What the {@code data} member held. */
    enum DataKind { STRING, NOT_A_STRING, ABSENT }

    private final byte[] event;
    private final int idStart;
    private final int idEnd;
    private final boolean idIsScalar;
    private final DataKind dataKind;
    private final int dataStart;
    private final int dataEnd;
    private final boolean dataEscaped;
    private final long arrivalMs;

    InputRecord(byte[] event, int idStart, int idEnd, boolean idIsScalar, DataKind dataKind, int dataStart, int dataEnd,
                boolean dataEscaped, long arrivalMs) {
        this.event = event;
        this.idStart = idStart;
        this.idEnd = idEnd;
        this.idIsScalar = idIsScalar;
        this.dataKind = dataKind;
        this.dataStart = dataStart;
        this.dataEnd = dataEnd;
        this.dataEscaped = dataEscaped;
        this.arrivalMs = arrivalMs;
    }

    /** Bytes of the id as sent (quotes and escapes included for a string). */
    int idLength() {
        return idEnd - idStart;
    }

    void copyIdTo(byte[] dst, int at) {
        System.arraycopy(event, idStart, dst, at, idEnd - idStart);
    }

    /** The id as text, for logs and summaries: a string id unescaped, any other value as written. */
    String id() {
        if (event[idStart] == '"') {
            return JsonStrings.unescape(event, idStart + 1, idEnd - 1);
        }
        return new String(event, idStart, idEnd - idStart, StandardCharsets.UTF_8);
    }

    /** False when the id is an object or an array, which Firehose never sends. */
    boolean idIsScalar() {
        return idIsScalar;
    }

    DataKind dataKind() {
        return dataKind;
    }

    /** The approximate arrival time, epoch ms; 0 when absent or not a usable number. */
    long arrivalMs() {
        return arrivalMs;
    }

    /**
     * Decodes the record's data into {@code out} (cleared first), straight from the event bytes when
     * the value has no JSON escapes; false when it is not base64. Line-wrapped base64 is accepted.
     */
    boolean decodeInto(Base64Codec base64, ByteArrayBuilder out) {
        out.clear();
        if (dataKind != DataKind.STRING) {
            return false;
        }
        if (!dataEscaped) {
            return base64.decode(event, dataStart, dataEnd, out);
        }
        try {
            // Strict decoding after dropping line breaks only: the MIME decoder would skip any garbage.
            out.append(Base64.getDecoder().decode(dataText().replace("\r", "").replace("\n", "")));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The data value as text (for echoing a value that is not base64). */
    String dataText() {
        return JsonStrings.unescape(event, dataStart, dataEnd);
    }

    /** An upper bound of {@link #echoLength()} that needs no look at the data: its length as sent. */
    int echoUpperBound() {
        return dataKind == DataKind.STRING ? dataEnd - dataStart + 2 : 2;
    }

    private int echoLength = -1;

    /**
     * Bytes of the echo of this record's data in a failed result: the data string exactly as
     * Firehose sent it (escapes included), or {@code ""} when there is none or it is not valid
     * UTF-8 (the response must be).
     */
    int echoLength() {
        if (echoLength < 0) {
            echoLength = dataKind == DataKind.STRING && Utf8.isValid(event, dataStart, dataEnd) ? dataEnd - dataStart + 2 : 2;
        }
        return echoLength;
    }

    /** Copies the echo ({@link #echoLength()} bytes) to {@code dst} at {@code at}. */
    void copyEchoTo(byte[] dst, int at) {
        if (echoLength() == 2) {
            dst[at] = '"';
            dst[at + 1] = '"';
        } else {
            System.arraycopy(event, dataStart - 1, dst, at, dataEnd - dataStart + 2);
        }
    }
}
