package dev.apigwinsights.local.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The files of a zip or tar archive, read as one stream, one file after another. Users bundle
 * log downloads this way (a zipped export folder, a {@code .tar.gz} of a server's logs), and a
 * Firehose stream set to ZIP compression delivers zip objects.
 *
 * <p>Folders, links and the metadata macOS adds ({@code __MACOSX/}, {@code ._name},
 * {@code .DS_Store}) are not files of the archive's user and are passed over. A failure of the
 * archive's own data surfaces as {@link CorruptArchiveException}, so a caller can tell it from a
 * failure of one file's content.
 */
abstract class Archive {
    /** Zip's local file header, and the end record that is all an empty zip holds. */
    private static final byte[] ZIP_ENTRY = {'P', 'K', 3, 4};
    private static final byte[] ZIP_EMPTY = {'P', 'K', 5, 6};
    private static final int TAR_BLOCK = 512;

    /** One file of the archive; its stream ends where the file does and must be read before {@link #next}. */
    record Entry(String name, InputStream content) {
    }

    /** The archive's own data could not be read: what follows in it is lost. */
    static final class CorruptArchiveException extends IOException {
        private final transient Archive archive;

        CorruptArchiveException(Archive archive, IOException cause) {
            this(archive, "truncated or corrupt " + archive.format() + " data (" + cause.getMessage() + ")", cause);
        }

        CorruptArchiveException(Archive archive, String message, IOException cause) {
            super(message, cause);
            this.archive = archive;
        }

        /** Whether {@code a} is the archive whose data failed (not one inside it). */
        boolean isOf(Archive a) {
            return archive == a;
        }
    }

    /** {@code e} as a failure of {@code a}'s data, unless it already is an enclosing archive's. */
    static CorruptArchiveException corrupt(Archive a, IOException e) {
        return e instanceof CorruptArchiveException c ? c : new CorruptArchiveException(a, e);
    }

    /** The archive format's name, for messages. */
    abstract String format();

    /** The next file, or null at the end. */
    abstract Entry next() throws IOException;

    /**
     * The archive {@code head} (the first bytes of {@code in}, which is positioned before them)
     * starts, or null for anything else. {@code file} is the file that holds exactly {@code in}'s
     * bytes, or null (standard input, gzip, an archive's member): a zip in a file can be read by
     * its central directory where its stream cannot be read on.
     */
    static Archive open(byte[] head, int n, InputStream in, Path file) {
        if (startsWith(head, n, ZIP_ENTRY) || startsWith(head, n, ZIP_EMPTY)) {
            return new Zip(in, file);
        }
        if (isTarHeader(head, n)) {
            return new Tar(in);
        }
        return null;
    }

    /**
     * Whether an archive whose first file is {@code firstName} is a document or program in zip's
     * clothing (an .xlsx, .odt, .epub or .jar lying among downloads): its XML is no log to send.
     */
    static boolean isDocumentPackage(String firstName) {
        return firstName.equals("[Content_Types].xml") || firstName.equals("mimetype") || firstName.startsWith("META-INF/");
    }

    /**
     * A zip name read as Latin-1 (no UTF-8 flag), as UTF-8 when its bytes are UTF-8 (macOS and
     * Linux tools write UTF-8 without the flag); Windows' backslashes as slashes.
     */
    static String entryName(String name) {
        String decoded = name;
        if (name.chars().allMatch(c -> c <= 0xFF) && name.chars().anyMatch(c -> c >= 0x80)) {
            try {
                decoded = StandardCharsets.UTF_8.newDecoder()
                        .decode(java.nio.ByteBuffer.wrap(name.getBytes(StandardCharsets.ISO_8859_1))).toString();
            } catch (java.nio.charset.CharacterCodingException notUtf8) {
                decoded = name;
            }
        }
        return decoded.replace('\\', '/');
    }

    /**
     * A pax extended header's records, {@code "<length> <key>=<value>\n"} each, the length
     * counting the whole record in bytes; reading stops at the first malformed one.
     */
    static Map<String, String> paxRecords(byte[] b) {
        Map<String, String> records = new HashMap<>();
        int at = 0;
        while (at < b.length) {
            int space = at;
            int length = 0;
            while (space < b.length && b[space] >= '0' && b[space] <= '9' && length < b.length) {
                length = length * 10 + (b[space++] - '0');
            }
            if (space >= b.length || b[space] != ' ' || length <= space - at || at + length > b.length || b[at + length - 1] != '\n') {
                break;
            }
            String record = new String(b, space + 1, at + length - 1 - (space + 1), StandardCharsets.UTF_8);
            int eq = record.indexOf('=');
            if (eq > 0) {
                records.put(record.substring(0, eq), record.substring(eq + 1));
            }
            at += length;
        }
        return records;
    }

    /** Files that operating systems add to archives beside their user's files. */
    static boolean isOsMetadata(String name) {
        String last = name.substring(name.lastIndexOf('/') + 1);
        return name.startsWith("__MACOSX/") || name.contains("/__MACOSX/") || last.startsWith("._") || last.equals(".DS_Store");
    }

    private static boolean startsWith(byte[] head, int n, byte[] magic) {
        if (n < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** A POSIX (ustar) or GNU tar header: the magic at 257 and a checksum that matches the block. */
    static boolean isTarHeader(byte[] b, int n) {
        if (n < TAR_BLOCK || b[257] != 'u' || b[258] != 's' || b[259] != 't' || b[260] != 'a' || b[261] != 'r') {
            return false;
        }
        long stored = octal(b, 148, 8);
        long sum = 0;
        for (int i = 0; i < TAR_BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : b[i] & 0xFF;
        }
        return stored == sum;
    }

    /** A tar number field: octal digits (space or NUL padded), or GNU's base-256 for big sizes; -1 when neither. */
    static long octal(byte[] b, int off, int len) {
        if ((b[off] & 0x80) != 0) {
            long v = b[off] & 0x7F;
            for (int i = off + 1; i < off + len; i++) {
                if (v > (Long.MAX_VALUE >> 8)) {
                    return -1;
                }
                v = (v << 8) | (b[i] & 0xFF);
            }
            return v;
        }
        long v = 0;
        boolean digits = false;
        for (int i = off; i < off + len; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '7') {
                if (v > (Long.MAX_VALUE >> 3)) {
                    return -1;
                }
                v = v * 8 + (c - '0');
                digits = true;
            } else if (c == ' ' && !digits) {
                continue;
            } else if (c == 0 || c == ' ') {
                break;
            } else {
                return -1;
            }
        }
        return digits ? v : -1;
    }

    /**
     * Read with {@link ZipInputStream}: as a stream, so a truncated download still gives its whole
     * files. Two kinds of member stop that stream.
     * <ul>
     * <li>A compression method the JDK cannot inflate (Deflate64, which Windows and 7-Zip can write
     * for big files, bzip2, LZMA, zstd): that member fails with a message naming the method, and the
     * stream steps over its data when the local header gives its size. When the size follows the
     * data instead, the member's end cannot be found and the archive ends there, saying so.
     * <li>Stored (uncompressed) data followed by a data descriptor, which writers that stream their
     * output produce (Python's {@code zipfile} to a pipe, Go's {@code archive/zip}): its end cannot
     * be found in a stream either, so when the zip is a file its central directory takes over. The
     * central directory is not the first choice: a cut download has none, and the JDK's
     * {@link ZipFile} refuses a whole zip that holds a method it cannot inflate.
     * </ul>
     */
    private static final class Zip extends Archive {
        /** How the JDK's {@link ZipFile} words a central directory entry in a method it cannot inflate. */
        private static final Pattern BAD_METHOD = Pattern.compile("bad compression method: (\\d+)");

        private final InputStream in;
        private SteppableZipInputStream zip;
        private final Path file;
        /** Raw names of the members the stream gave, counted, so the central directory skips them. */
        private final Map<String, Integer> streamed = new HashMap<>();
        private ZipFile central;
        private Enumeration<? extends ZipEntry> centralEntries;
        private InputStream centralMember;
        /** The member the JDK cannot inflate that was last given out, which the stream must step over. */
        private ZipEntry unreadable;

        Zip(InputStream in, Path file) {
            this.in = in;
            this.zip = new SteppableZipInputStream(in);
            this.file = file;
        }

        @Override
        String format() {
            return "zip";
        }

        @Override
        Entry next() throws IOException {
            if (central != null) {
                return nextFromCentralDirectory();
            }
            if (unreadable != null) {
                stepOver(unreadable);
                unreadable = null;
            }
            while (true) {
                ZipEntry e;
                try {
                    e = zip.getNextEntry();
                } catch (IOException failure) {
                    String message = String.valueOf(failure.getMessage());
                    if (message.contains("encrypted")) {
                        throw new IOException("an encrypted zip: extract it with its password, then ingest the files", failure);
                    }
                    if (message.contains("EXT descriptor")) {
                        return readOnFromCentralDirectory(failure);
                    }
                    throw corrupt(this, failure);
                }
                if (e == null) {
                    return null;
                }
                streamed.merge(e.getName(), 1, Integer::sum);
                String name = entryName(e.getName());
                boolean inflatable = unreadableMethod(e.getMethod()) == null;
                if (e.isDirectory() || isOsMetadata(name)) {
                    if (!inflatable) {
                        stepOver(e);
                    }
                    continue;
                }
                if (!inflatable) {
                    unreadable = e;
                    return new Entry(name, unreadableData(e.getMethod()));
                }
                return new Entry(name, new ArchiveData(zip, this));
            }
        }

        /**
         * Reads on from the file's central directory where the stream met a member that is not
         * deflated and gives its size only after its data.
         */
        private Entry readOnFromCentralDirectory(IOException streamFailure) throws IOException {
            if (file == null) {
                throw new CorruptArchiveException(this, "a member of this zip that is not deflated gives its size only after its "
                        + "data, so its end cannot be found in a stream: save the zip as a file and ingest the file, or extract it",
                        streamFailure);
            }
            try {
                central = new ZipFile(file.toFile(), ZipFile.OPEN_READ, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                Matcher badMethod = BAD_METHOD.matcher(String.valueOf(e.getMessage()));
                if (badMethod.find()) {
                    int method = Integer.parseInt(badMethod.group(1));
                    throw new CorruptArchiveException(this, "a member of this zip is compressed with " + unreadableMethod(method)
                            + " (zip method " + method + "), which ingest cannot read, and gives its size only after its data, so "
                            + "the files from it on cannot be found: extract the zip and ingest its files", e);
                }
                throw corrupt(this, streamFailure); // no central directory: a truncated download
            }
            centralEntries = central.entries();
            return nextFromCentralDirectory();
        }

        private Entry nextFromCentralDirectory() throws IOException {
            closeCentralMember();
            while (centralEntries.hasMoreElements()) {
                ZipEntry e = centralEntries.nextElement();
                Integer fromStream = streamed.get(e.getName());
                if (fromStream != null) {
                    if (fromStream == 1) {
                        streamed.remove(e.getName());
                    } else {
                        streamed.put(e.getName(), fromStream - 1);
                    }
                    continue;
                }
                String name = entryName(e.getName());
                if (e.isDirectory() || isOsMetadata(name)) {
                    continue;
                }
                try {
                    centralMember = central.getInputStream(e);
                } catch (IOException failure) {
                    throw corrupt(this, failure);
                }
                return new Entry(name, new ArchiveData(centralMember, this));
            }
            central.close();
            // the bytes were read from the file, not the stream: reading the stream to its end keeps
            // the byte count (the summary's, the progress bar's) that of the whole file
            in.transferTo(OutputStream.nullOutputStream());
            return null;
        }

        private void closeCentralMember() throws IOException {
            if (centralMember != null) {
                centralMember.close(); // frees its inflater now, not when the archive ends
                centralMember = null;
            }
        }

        /** The name of a zip compression method the JDK cannot inflate, or null for stored and deflate. */
        private static String unreadableMethod(int method) {
            return switch (method) {
                case ZipEntry.STORED, ZipEntry.DEFLATED -> null;
                case 9 -> "Deflate64";
                case 12 -> "bzip2";
                case 14 -> "LZMA";
                case 93 -> "zstd";
                case 95 -> "xz";
                case 98 -> "PPMd";
                default -> "an unknown method";
            };
        }

        /**
         * Moves the stream past the data of {@code e}, a member it cannot inflate, and reads on with
         * a fresh {@link ZipInputStream} from there: possible when the local header gave the size.
         */
        private void stepOver(ZipEntry e) throws IOException {
            if (e.getCompressedSize() < 0) { // ZipInputStream refuses such a header before giving it out
                throw new CorruptArchiveException(this, "no size for " + entryName(e.getName()) + ": its end cannot be found", null);
            }
            InputStream rest = zip.rest();
            try {
                rest.skipNBytes(e.getCompressedSize());
            } catch (IOException cut) {
                throw corrupt(this, cut);
            }
            zip = new SteppableZipInputStream(rest);
        }

        /** A member's data that fails, as a failure of that member alone, saying what to do. */
        private static InputStream unreadableData(int method) {
            String message = "compressed with " + unreadableMethod(method) + " (zip method " + method + "), which ingest cannot read: "
                    + "extract the zip (7-Zip, unzip or the system's archive tool read it) and ingest the files";
            return new InputStream() {
                @Override
                public int read() throws IOException {
                    throw new IOException(message);
                }
            };
        }
    }

    /** A {@link ZipInputStream} that gives the archive's bytes after the current member's local header. */
    private static final class SteppableZipInputStream extends ZipInputStream {
        SteppableZipInputStream(InputStream in) {
            // names without zip's UTF-8 flag: Latin-1 never fails; entryName re-reads them as UTF-8 when they are
            super(in, StandardCharsets.ISO_8859_1);
        }

        /**
         * The bytes after the current local header: {@link ZipInputStream} reads a header exactly and
         * pushes back what its inflater read ahead, so this stream is where the member's data starts.
         * This stream is done with once they are taken.
         */
        InputStream rest() {
            return in;
        }
    }

    /** ustar, GNU and pax tar: regular files, with GNU long names and pax paths; other members are skipped. */
    private static final class Tar extends Archive {
        /** GNU long names and pax headers are small; a bigger one is not a tar this reads. */
        private static final int MAX_HEADER_MEMBER = 1 << 20;

        private final InputStream in;
        private final byte[] header = new byte[TAR_BLOCK];
        private long unread;
        private long padding;

        Tar(InputStream in) {
            this.in = in;
        }

        @Override
        String format() {
            return "tar";
        }

        @Override
        Entry next() throws IOException {
            skipRest();
            String longName = null;
            long paxSize = -1;
            while (true) {
                int got = readBlock(header);
                if (got == 0 || isZeroBlock(header)) {
                    return null; // the end blocks, or an archive cut at a member boundary
                }
                if (got < TAR_BLOCK || !isTarHeader(header, TAR_BLOCK)) {
                    throw new CorruptArchiveException(this, new IOException("not a tar header where one was expected"));
                }
                byte type = header[156];
                // a GNU long name or a pax header describes the next member that is not one of them
                boolean describing = type == 'L' || type == 'K' || type == 'x' || type == 'g';
                long size = paxSize >= 0 && !describing ? paxSize : octal(header, 124, 12);
                if (size < 0) {
                    throw new CorruptArchiveException(this, new IOException("unreadable member size"));
                }
                String name = longName != null ? longName : name(header);
                if (!describing) {
                    longName = null;
                    paxSize = -1;
                }
                unread = size;
                padding = (TAR_BLOCK - size % TAR_BLOCK) % TAR_BLOCK;
                switch (type) {
                    case 'L' -> longName = text(readMember(size), "GNU long name");
                    case 'x' -> {
                        Map<String, String> pax = paxRecords(readMember(size));
                        longName = pax.getOrDefault("path", longName);
                        paxSize = pax.containsKey("size") ? parseSize(pax.get("size")) : paxSize;
                    }
                    case '0', 0, '7' -> {
                        if (!isOsMetadata(name)) {
                            return new Entry(name, new TarData());
                        }
                        skipRest();
                    }
                    default -> skipRest(); // folders, links, devices, pax globals
                }
            }
        }

        /** The name field, with POSIX ustar's prefix field (GNU's header keeps times there instead). */
        private static String name(byte[] h) {
            String base = cString(h, 0, 100);
            boolean posix = h[262] == 0;
            String prefix = posix ? cString(h, 345, 155) : "";
            return prefix.isEmpty() ? base : prefix + "/" + base;
        }

        private static String cString(byte[] b, int off, int len) {
            int end = off;
            while (end < off + len && b[end] != 0) {
                end++;
            }
            return new String(b, off, end - off, StandardCharsets.UTF_8);
        }

        private long parseSize(String decimal) throws CorruptArchiveException {
            try {
                long size = Long.parseLong(decimal);
                if (size >= 0) {
                    return size;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new CorruptArchiveException(this, new IOException("unreadable pax size " + decimal));
        }

        private String text(byte[] b, String what) throws CorruptArchiveException {
            int end = 0;
            while (end < b.length && b[end] != 0) {
                end++;
            }
            if (end == 0) {
                throw new CorruptArchiveException(this, new IOException("empty " + what));
            }
            return new String(b, 0, end, StandardCharsets.UTF_8);
        }

        private byte[] readMember(long size) throws IOException {
            if (size > MAX_HEADER_MEMBER) {
                throw new CorruptArchiveException(this, new IOException("a " + size + "-byte name record"));
            }
            byte[] b = new byte[(int) size];
            int got;
            try {
                got = in.readNBytes(b, 0, b.length);
            } catch (IOException e) {
                throw corrupt(this, e);
            }
            if (got < b.length) {
                throw new CorruptArchiveException(this, new java.io.EOFException("cut inside a name record"));
            }
            unread = 0;
            skipRest();
            return b;
        }

        private int readBlock(byte[] block) throws IOException {
            try {
                return in.readNBytes(block, 0, TAR_BLOCK);
            } catch (IOException e) {
                throw corrupt(this, e);
            }
        }

        private static boolean isZeroBlock(byte[] b) {
            for (byte x : b) {
                if (x != 0) {
                    return false;
                }
            }
            return true;
        }

        /** Skips what is left of the current member and its padding to the next block. */
        private void skipRest() throws IOException {
            long left = unread + padding;
            unread = 0;
            padding = 0;
            try {
                while (left > 0) {
                    long skipped = in.skip(left);
                    if (skipped <= 0) {
                        if (in.read() < 0) {
                            throw new java.io.EOFException("cut inside a member");
                        }
                        skipped = 1;
                    }
                    left -= skipped;
                }
            } catch (IOException e) {
                throw corrupt(this, e);
            }
        }

        /** The current member's bytes; its end is the member's size, not the archive's. */
        private final class TarData extends InputStream {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (unread == 0) {
                    return -1;
                }
                int n;
                try {
                    n = in.read(b, off, (int) Math.min(len, unread));
                } catch (IOException e) {
                    throw corrupt(Tar.this, e);
                }
                if (n < 0) {
                    throw new CorruptArchiveException(Tar.this, new java.io.EOFException("cut inside a member"));
                }
                unread -= n;
                return n;
            }

            @Override
            public void close() {
                // the archive goes on; next() skips what was not read
            }
        }
    }

    /** A zip member's data: failures are the archive's, and closing leaves the archive open. */
    private static final class ArchiveData extends FilterInputStream {
        private final Archive archive;

        ArchiveData(InputStream in, Archive archive) {
            super(in);
            this.archive = archive;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw corrupt(archive, e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw corrupt(archive, e);
            }
        }

        /** Unknown: a buffer over this returns what it has before it reads again, so a cut archive's head is kept. */
        @Override
        public int available() {
            return 0;
        }

        @Override
        public void close() {
            // the archive goes on with its next file
        }
    }
}
