package dev.apigwinsights.local.util;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * The one Jackson factory the CLI reads inputs and responses with. A string there may be long (a
 * record's base64 data, a response record's data, a log event's message) but never longer than
 * {@link #MAX_STRING_CHARS}: a Firehose record holds 1,000 KiB (1.4 million base64 characters), a
 * transformer response at most 6 MB, a CloudWatch event 1 MB. A longer string is no log's and would
 * be held whole (an array element, an event): it ends its input with an error naming the limit
 * instead of exhausting the heap. Thread-safe.
 */
public final class LongStringJson {
    /** As long as the longest line the line readers take (16 MiB). */
    public static final int MAX_STRING_CHARS = 16 * 1024 * 1024;
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_CHARS).build())
            .build();

    private LongStringJson() {
    }
}
