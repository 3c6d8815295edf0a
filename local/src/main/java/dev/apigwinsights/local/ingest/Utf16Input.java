package dev.apigwinsights.local.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-16 text (with its byte-order mark) as a stream of UTF-8 bytes. Windows PowerShell 5's
 * {@code >} writes UTF-16: {@code aws logs filter-log-events ... > events.json} saved there would
 * otherwise look binary. Unpaired surrogates and an odd last byte become U+FFFD, as malformed UTF-8
 * does elsewhere.
 */
final class Utf16Input extends InputStream {
    private final InputStream in;
    private final CharsetDecoder utf16;
    private final CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer raw = ByteBuffer.allocate(16 * 1024);
    /** Decoded characters: at most one per two raw bytes, and every one of them encodable (bad input is already U+FFFD). */
    private final CharBuffer chars = CharBuffer.allocate(8 * 1024);
    /** At most three bytes per character: never overflows. */
    private final ByteBuffer out = ByteBuffer.allocate(24 * 1024);
    private boolean eof;
    private boolean done;

    /** The byte order is fixed from the mark, which is skipped: the JDK's BOM-sniffing UTF-16 reader forgets it at the end of input. */
    private Utf16Input(InputStream in, Charset order) throws IOException {
        this.in = in;
        this.utf16 = order.newDecoder().onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        in.readNBytes(2);
        out.flip();
    }

    /** {@code in} as UTF-8 if its first bytes are a UTF-16 byte-order mark (which {@code in} must support marking for); else {@code in}. */
    static InputStream utf8(InputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        if (first == 0xFF && second == 0xFE) {
            return new Utf16Input(in, StandardCharsets.UTF_16LE);
        }
        if (first == 0xFE && second == 0xFF) {
            return new Utf16Input(in, StandardCharsets.UTF_16BE);
        }
        return in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!out.hasRemaining()) {
            if (done) {
                return -1;
            }
            fill();
        }
        int n = Math.min(len, out.remaining());
        out.get(b, off, n);
        return n;
    }

    private void fill() throws IOException {
        int n = in.read(raw.array(), raw.position(), raw.remaining());
        if (n < 0) {
            eof = true;
        } else {
            raw.position(raw.position() + n);
        }
        raw.flip();
        chars.clear();
        utf16.decode(raw, chars, eof);
        if (eof) {
            utf16.flush(chars);
            done = true;
        }
        raw.compact();
        chars.flip();
        out.clear();
        utf8.encode(chars, out, eof);
        if (eof) {
            utf8.flush(out);
        }
        out.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
