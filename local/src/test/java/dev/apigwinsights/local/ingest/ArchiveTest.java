package dev.apigwinsights.local.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveTest {
    @TempDir
    Path tmp;

    @Test
    void readsTarNumbersInOctalWithPaddingAndInBase256() {
        byte[] field = "0000644 \0".getBytes(StandardCharsets.US_ASCII);
        assertThat(Archive.octal(field, 0, 8)).isEqualTo(0644);
        assertThat(Archive.octal("   17\0  ".getBytes(StandardCharsets.US_ASCII), 0, 8)).isEqualTo(15);
        byte[] big = new byte[12];
        big[0] = (byte) 0x80;
        big[7] = 0x02; // 2 << 32: a member over 8 GiB, which octal cannot hold
        assertThat(Archive.octal(big, 0, 12)).isEqualTo(2L << 32);
        assertThat(Archive.octal("12x4    ".getBytes(StandardCharsets.US_ASCII), 0, 8)).isEqualTo(-1);
    }

    @Test
    void aTextThatSaysUstarWhereTarDoesIsNotTakenForATar() {
        byte[] text = (" ".repeat(257) + "ustar and more text to fill the block").getBytes(StandardCharsets.US_ASCII);
        byte[] block = Arrays.copyOf(text, 600);
        Arrays.fill(block, text.length, block.length, (byte) ' ');

        assertThat(Archive.isTarHeader(block, block.length)).isFalse();
        assertThat(Archive.open(block, block.length, new ByteArrayInputStream(block), null)).isNull();
    }

    @Test
    void aTarCutInsideAFileGivesTheFilesBeforeWholeThenSaysTheArchiveIsCorrupt() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("logs"));
        Files.writeString(folder.resolve("a.log"), "first\n".repeat(100));
        Files.writeString(folder.resolve("b.log"), "second\n".repeat(1000));
        Path tar = tmp.resolve("logs.tar");
        Process p = new ProcessBuilder("tar", "-c", "-f", tar.toString(), "-C", folder.toString(), "a.log", "b.log").start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).isTrue();
        byte[] bytes = Files.readAllBytes(tar);
        byte[] cut = Arrays.copyOf(bytes, 512 + 1024 + 512 + 3000); // a's header and data, b's header, part of b

        Archive archive = Archive.open(cut, cut.length, new ByteArrayInputStream(cut), null);
        Archive.Entry a = archive.next();
        String aText = new String(a.content().readAllBytes(), StandardCharsets.UTF_8);
        Archive.Entry b = archive.next();
        InputStream bData = b.content();

        assertThat(a.name()).isEqualTo("a.log");
        assertThat(aText).isEqualTo("first\n".repeat(100));
        assertThat(b.name()).isEqualTo("b.log");
        assertThatThrownBy(bData::readAllBytes).isInstanceOf(Archive.CorruptArchiveException.class)
                .hasMessageStartingWith("truncated or corrupt tar data")
                .satisfies(e -> assertThat(((Archive.CorruptArchiveException) e).isOf(archive)).isTrue());
    }

    @Test
    void anUnreadRestOfAFileIsSkippedToTheNextOne() throws IOException, InterruptedException {
        Path folder = Files.createDirectories(tmp.resolve("two"));
        Files.writeString(folder.resolve("1.log"), "x".repeat(5000));
        Files.writeString(folder.resolve("2.log"), "y\n");
        Path tar = tmp.resolve("two.tar");
        Process p = new ProcessBuilder("tar", "-c", "-f", tar.toString(), "-C", folder.toString(), "1.log", "2.log").start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).isTrue();
        byte[] bytes = Files.readAllBytes(tar);

        Archive archive = Archive.open(bytes, bytes.length, new ByteArrayInputStream(bytes), null);
        archive.next().content().readNBytes(10);
        Archive.Entry second = archive.next();

        assertThat(second.name()).isEqualTo("2.log");
        assertThat(new String(second.content().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("y\n");
        assertThat(archive.next()).isNull();
    }

    @Test
    void readsPaxRecordsByTheirLengthsIncludingASizeOverOctalsReach() {
        String path = "logs/" + "d".repeat(200) + "/access log\u00e9.gz";
        String pathRecord = "path=" + path + "\n";
        int pathBytes = pathRecord.getBytes(StandardCharsets.UTF_8).length;
        int length = pathBytes + 4; // "NNN " plus the record: the length counts its own digits
        String records = length + " " + pathRecord + "23 size=10737418240000\n" + "garbage";

        Map<String, String> pax = Archive.paxRecords(records.getBytes(StandardCharsets.UTF_8));

        assertThat(pax).containsEntry("path", path).containsEntry("size", "10737418240000").hasSize(2);
    }

    @Test
    void readsZipNamesAsUtf8WhenTheyAreEvenWithoutTheFlagAndWindowsSlashesAsSlashes() {
        String utf8AsLatin1 = new String("r\u00e9sum\u00e9/000000.gz".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);

        assertThat(Archive.entryName(utf8AsLatin1)).isEqualTo("r\u00e9sum\u00e9/000000.gz");
        assertThat(Archive.entryName("caf\u00e9\\000000.gz")).as("Latin-1 that is not UTF-8 stays").isEqualTo("caf\u00e9/000000.gz");
        assertThat(Archive.entryName("\u65e5\u672c/a.log")).as("flagged UTF-8, already decoded").isEqualTo("\u65e5\u672c/a.log");
    }

    @Test
    void saysAnEncryptedZipNeedsItsPassword() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("a.log"));
            zip.write("x\n".getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = out.toByteArray();
        bytes[6] |= 1; // the local header's "encrypted" flag, as a password-protected zip sets it

        Archive archive = Archive.open(bytes, bytes.length, new ByteArrayInputStream(bytes), null);

        assertThatThrownBy(archive::next).isNotInstanceOf(Archive.CorruptArchiveException.class)
                .hasMessage("an encrypted zip: extract it with its password, then ingest the files");
    }

    @Test
    void namesCompressionsByMagicButNotTextThatLooksLikeOne() {
        byte[] zstd = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 0x20};
        byte[] bzip2Empty = {'B', 'Z', 'h', '9', 0x17, 0x72, 0x45, 0x38, 0x50, (byte) 0x90, 0, 0, 0, 0};
        byte[] text = "BZh9 1AY&SY is not enough".getBytes(StandardCharsets.US_ASCII);

        assertThat(OtherCompression.of(zstd, zstd.length)).isEqualTo(OtherCompression.ZSTD);
        assertThat(OtherCompression.of(bzip2Empty, bzip2Empty.length)).isEqualTo(OtherCompression.BZIP2);
        assertThat(OtherCompression.of(text, text.length)).isNull();
        assertThat(OtherCompression.of(zstd, 3)).as("too short to tell").isNull();
    }
    @Test
    void readsStoredFilesWithDataDescriptorsFromTheCentralDirectoryOfAZipFile() throws IOException {
        byte[] bytes = RawZip.of(new RawZip.Member("a.log", ZipEntry.DEFLATED, true, "a1\na2\n".getBytes(StandardCharsets.UTF_8)),
                new RawZip.Member("b.log", ZipEntry.STORED, true, "b1\n".getBytes(StandardCharsets.UTF_8)),
                new RawZip.Member("c.log", ZipEntry.STORED, false, "c1\n".getBytes(StandardCharsets.UTF_8)));
        Path file = Files.write(tmp.resolve("streamed.zip"), bytes);
        ByteArrayInputStream fromFile = new ByteArrayInputStream(bytes);

        Archive archive = Archive.open(bytes, bytes.length, fromFile, file);
        Map<String, String> read = readAll(archive);
        Archive fromStream = Archive.open(bytes, bytes.length, new ByteArrayInputStream(bytes), null);
        Archive.Entry first = fromStream.next();
        first.content().readAllBytes();

        assertThat(read).containsExactly(Map.entry("a.log", "a1\na2\n"), Map.entry("b.log", "b1\n"), Map.entry("c.log", "c1\n"));
        assertThat(fromFile.available()).as("the stream is read to its end, so the byte count is the file's").isZero();
        assertThat(first.name()).isEqualTo("a.log");
        assertThatThrownBy(fromStream::next).isInstanceOf(Archive.CorruptArchiveException.class)
                .hasMessageEndingWith("so its end cannot be found in a stream: save the zip as a file and ingest the file, or extract it");
    }

    @Test
    void namesACompressionTheJdkCannotInflateAndStepsOverItToTheNextFile() throws IOException {
        byte[] deflate64 = {0x15, (byte) 0x8d, 0x41, 0x0a, 0x00, 0x21};
        byte[] bytes = RawZip.of(new RawZip.Member("a.log", ZipEntry.DEFLATED, false, "a1\n".getBytes(StandardCharsets.UTF_8)),
                new RawZip.Member("big.log", 9, false, deflate64),
                new RawZip.Member("__MACOSX/._big.log", 12, false, deflate64),
                new RawZip.Member("c.log", ZipEntry.DEFLATED, true, "c1\n".getBytes(StandardCharsets.UTF_8)));

        Archive archive = Archive.open(bytes, bytes.length, new ByteArrayInputStream(bytes), null);
        Archive.Entry a = archive.next();
        String aText = new String(a.content().readAllBytes(), StandardCharsets.UTF_8);
        Archive.Entry big = archive.next();
        Archive.Entry c = archive.next();
        String cText = new String(c.content().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(aText).isEqualTo("a1\n");
        assertThat(big.name()).isEqualTo("big.log");
        assertThatThrownBy(() -> big.content().read()).isNotInstanceOf(Archive.CorruptArchiveException.class)
                .hasMessageStartingWith("compressed with Deflate64 (zip method 9), which ingest cannot read: extract the zip");
        assertThat(c.name()).as("read from the stream, without a file's central directory").isEqualTo("c.log");
        assertThat(cText).isEqualTo("c1\n");
        assertThat(archive.next()).isNull();
    }

    @Test
    void endsTheZipWhereAMemberThatIsNotDeflatedGivesItsSizeOnlyAfterItsDataAndNoCentralDirectoryHelps() throws IOException {
        byte[] bytes = RawZip.of(new RawZip.Member("a.log", ZipEntry.DEFLATED, true, "a1\n".getBytes(StandardCharsets.UTF_8)),
                new RawZip.Member("big.log", 12, true, new byte[] {'B', 'Z', 'h', '9'}),
                new RawZip.Member("c.log", ZipEntry.DEFLATED, false, "c1\n".getBytes(StandardCharsets.UTF_8)));
        Path file = Files.write(tmp.resolve("bzip2.zip"), bytes);

        Archive archive = Archive.open(bytes, bytes.length, new ByteArrayInputStream(bytes), file);
        archive.next().content().readAllBytes();
        Archive piped = Archive.open(bytes, bytes.length, new ByteArrayInputStream(bytes), null);
        piped.next().content().readAllBytes();

        assertThatThrownBy(archive::next).isInstanceOf(Archive.CorruptArchiveException.class)
                .hasMessage("a member of this zip is compressed with bzip2 (zip method 12), which ingest cannot read, and gives its "
                        + "size only after its data, so the files from it on cannot be found: extract the zip and ingest its files");
        assertThatThrownBy(piped::next).isInstanceOf(Archive.CorruptArchiveException.class)
                .hasMessageStartingWith("a member of this zip that is not deflated gives its size only after its data, so its end "
                        + "cannot be found in a stream: save the zip as a file");
    }

    private static Map<String, String> readAll(Archive archive) throws IOException {
        Map<String, String> read = new java.util.LinkedHashMap<>();
        for (Archive.Entry e = archive.next(); e != null; e = archive.next()) {
            read.put(e.name(), new String(e.content().readAllBytes(), StandardCharsets.UTF_8));
        }
        return read;
    }
}
