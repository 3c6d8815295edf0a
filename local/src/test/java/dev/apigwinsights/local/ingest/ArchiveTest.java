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
        assertThat(Archive.open(block, block.length, new ByteArrayInputStream(block))).isNull();
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

        Archive archive = Archive.open(cut, cut.length, new ByteArrayInputStream(cut));
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

        Archive archive = Archive.open(bytes, bytes.length, new ByteArrayInputStream(bytes));
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

        Archive archive = Archive.open(bytes, bytes.length, new ByteArrayInputStream(bytes));

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
}
