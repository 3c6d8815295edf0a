package dev.apigwinsights.local.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of a log entry that has no request id: the first 128 bits of the SHA-256 of its
 * text (as the transformer reads it: byte-order mark and surrounding whitespace removed), so the
 * same line read from two overlapping exports is stored once.
 */
final class EntryHash {
    private EntryHash() {
    }

    static String of(String entry) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(entry.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
