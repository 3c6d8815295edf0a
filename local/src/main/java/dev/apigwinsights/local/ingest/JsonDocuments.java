package dev.apigwinsights.local.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.apigwinsights.local.util.LongStringJson;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streams the elements of one array field of JSON documents written one after the other (the
 * {@code events} of {@code aws logs} pages, the {@code records} of Firehose events): memory holds
 * one element at a time whatever the input's size.
 */
final class JsonDocuments {
    private static final JsonFactory JSON = LongStringJson.FACTORY;

    /** Reads one element; the parser is on its START_OBJECT and must be left on its END_OBJECT. */
    interface ElementReader {
        void read(JsonParser p) throws IOException;
    }

    private JsonDocuments() {
    }

    /**
     * @param what names a document in messages ("event", "document")
     * @throws IOException when a document is not a JSON object or the JSON is malformed; the
     *         message gives the line, never the input's text
     */
    static void forEachElement(InputStream in, String field, String what, ElementReader reader) throws IOException {
        int documents = 0;
        try (JsonParser p = JSON.createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_OBJECT) {
                    throw new IOException(what + " " + (documents + 1) + " is not a JSON object");
                }
                documents++;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    if (field.equals(name) && v == JsonToken.START_ARRAY) {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            reader.read(p);
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            }
        } catch (JsonProcessingException e) {
            throw malformed(e, what + " " + documents);
        }
    }

    /** Jackson's failure as an input error that gives the line and {@code where}, never the input's text (Jackson's message quotes it). */
    static IOException malformed(JsonProcessingException e, String where) {
        if (e instanceof StreamConstraintsException) {
            // Nested deeper than any log document (a thousand levels) or a number of a thousand digits:
            // Jackson's message names the limit and quotes nothing. It has no location.
            return new IOException("JSON beyond what a log holds (" + where + "): " + e.getOriginalMessage());
        }
        return new IOException("malformed JSON" + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr())
                + " (" + where + ")");
    }
}
