package dev.apigwinsights.firehose;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One document of Firehose's S3 error output: what Firehose writes under
 * {@code processing-failed/} for a record the processor answered {@code ProcessingFailed} (or a
 * failed invocation), and under {@code format-conversion-failed/} for a record Parquet conversion
 * rejected. Firehose writes one JSON object per line; the processing-failed spelling uses
 * {@code errorCode}/{@code errorMessage}, the conversion one {@code ErrorCode}/{@code ErrorMessage},
 * so keys are read case-insensitively.
 *
 * @param rawData the record's original bytes (base64 on the wire), what a replay re-sends
 * @param lambdaArn the processor that failed it; null for conversion failures and local mode
 */
public record ErrorDocument(long attemptsMade, long arrivalTimestamp, String errorCode, String errorMessage,
                            long attemptEndingTimestamp, byte[] rawData, String lambdaArn) {

    /** The error code Firehose gives a record that the processor answered {@code ProcessingFailed}. */
    public static final String PROCESSING_FAILED = "Lambda.ProcessingFailed";

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();

    public ErrorDocument {
        if (rawData == null) {
            throw new IllegalArgumentException("an error document needs its raw data");
        }
    }

    /** An input that holds something other than Firehose error documents. */
    public static final class MalformedErrorDocumentException extends IOException {
        MalformedErrorDocumentException(String message) {
            super(message);
        }

        MalformedErrorDocumentException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Reads every document of a stream (newline-separated or back to back), handing each to
     * {@code sink} as it is read, so memory stays at one document whatever the stream's size.
     *
     * @return the number of documents read
     * @throws MalformedErrorDocumentException when the stream holds anything but error documents;
     *         the documents before the bad one have already been handed over
     */
    public static long readAll(InputStream in, Consumer<ErrorDocument> sink) throws IOException {
        long n = 0;
        try (JsonParser p = FACTORY.createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_OBJECT) {
                    throw new MalformedErrorDocumentException("document " + (n + 1) + " is not a JSON object");
                }
                sink.accept(read(p, n + 1));
                n++;
            }
        } catch (JsonProcessingException e) {
            // Jackson's message would quote the input; the location is enough to find it.
            // A nesting or number-length limit has no location; its message names the limit, not the input.
            String where = e.getLocation() != null ? " at line " + e.getLocation().getLineNr()
                    : e instanceof StreamConstraintsException ? ": " + e.getOriginalMessage() : "";
            throw new MalformedErrorDocumentException("malformed JSON after " + n + " documents" + where, e);
        }
        return n;
    }

    private static ErrorDocument read(JsonParser p, long index) throws IOException {
        long attempts = 0;
        long arrival = 0;
        long ending = 0;
        String code = null;
        String message = null;
        String lambda = null;
        byte[] raw = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName().toLowerCase(Locale.ROOT);
            JsonToken v = p.nextToken();
            switch (name) {
                case "attemptsmade" -> attempts = v.isNumeric() ? p.getLongValue() : 0;
                case "arrivaltimestamp" -> arrival = v.isNumeric() ? p.getLongValue() : 0;
                case "attemptendingtimestamp" -> ending = v.isNumeric() ? p.getLongValue() : 0;
                case "errorcode" -> code = v == JsonToken.VALUE_STRING ? p.getText() : null;
                case "errormessage" -> message = v == JsonToken.VALUE_STRING ? p.getText() : null;
                case "lambdaarn" -> lambda = v == JsonToken.VALUE_STRING ? p.getText() : null;
                case "rawdata" -> {
                    if (v != JsonToken.VALUE_STRING) {
                        throw new MalformedErrorDocumentException("document " + index + ": rawData is not a string");
                    }
                    try {
                        // Strict decoding: the MIME decoder would silently skip garbage.
                        raw = Base64.getDecoder().decode(p.getText().replace("\r", "").replace("\n", ""));
                    } catch (IllegalArgumentException e) {
                        throw new MalformedErrorDocumentException("document " + index + ": rawData is not base64");
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (raw == null) {
            throw new MalformedErrorDocumentException("document " + index + " has no rawData: not a Firehose error document");
        }
        return new ErrorDocument(attempts, arrival, code, message, ending, raw, lambda);
    }

    /** Writes this document as one line, the way Firehose does. */
    public void writeLine(OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartObject();
            g.writeNumberField("attemptsMade", attemptsMade);
            g.writeNumberField("arrivalTimestamp", arrivalTimestamp);
            g.writeStringField("errorCode", errorCode);
            g.writeStringField("errorMessage", errorMessage);
            g.writeNumberField("attemptEndingTimestamp", attemptEndingTimestamp);
            g.writeStringField("rawData", Base64.getEncoder().encodeToString(rawData));
            if (lambdaArn != null) {
                g.writeStringField("lambdaArn", lambdaArn);
            }
            g.writeEndObject();
        }
        out.write('\n');
    }
}
