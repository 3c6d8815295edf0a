package dev.apigwinsights.pipeline;

import dev.apigwinsights.parse.JsonWhitespace;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one decoded payload into log entries. A Firehose direct-put record normally holds one
 * line; a payload may also hold JSON lines, plain lines (CLF, CSV), or one pretty-printed JSON
 * object spread over several lines, which must stay one entry.
 */
public final class LogEntries {
    private LogEntries() {
    }

    public static List<String> split(String payload) {
        payload = stripBom(payload);
        int start = 0;
        int end = payload.length();
        while (start < end && JsonWhitespace.is(payload.charAt(start))) {
            start++;
        }
        while (end > start && JsonWhitespace.is(payload.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return List.of();
        }
        String body = payload.substring(start, end);
        if (body.indexOf('\n') < 0) {
            return List.of(body);
        }
        List<String> lines = new ArrayList<>();
        boolean allObjects = true;
        for (String line : body.split("\r?\n")) {
            String t = line.strip();
            if (!t.isEmpty()) {
                lines.add(t);
                allObjects &= t.charAt(0) == '{' && t.charAt(t.length() - 1) == '}';
            }
        }
        if (body.charAt(0) == '{' && !allObjects) {
            return List.of(body); // one pretty-printed object
        }
        return lines;
    }

    /** Drops a leading byte-order mark (files saved by some editors and exporters start with one). */
    public static String stripBom(String s) {
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

}
