package dev.apigwinsights.util;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 validity of raw bytes: whether they can go into JSON text as they are (a response's echo of a
 * record's data, a log message put into an envelope). ASCII, the normal case, is checked eight bytes at
 * a time without decoding.
 */
public final class Utf8 {
    private Utf8() {
    }

    /** Whether {@code b[from, to)} is well-formed UTF-8. */
    public static boolean isValid(byte[] b, int from, int to) {
        int i = ByteScan.notAscii(b, from, to);
        if (i == to) {
            return true;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, i, to - i));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
