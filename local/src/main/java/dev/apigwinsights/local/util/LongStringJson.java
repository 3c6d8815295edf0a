package dev.apigwinsights.local.util;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * The one Jackson factory the CLI reads inputs and responses with. A string there may be long (a
 * record's base64 data, a whole batch's response, a log event's message): what holds it bounds it,
 * not Jackson's default limit of 20 million characters per string. Thread-safe.
 */
public final class LongStringJson {
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();

    private LongStringJson() {
    }
}
