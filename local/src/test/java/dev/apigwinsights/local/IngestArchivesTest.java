package dev.apigwinsights.local;

import static dev.apigwinsights.local.StoreTestSupport.T0;
import static dev.apigwinsights.local.StoreTestSupport.count;
import static dev.apigwinsights.local.StoreTestSupport.exported;
import static dev.apigwinsights.local.StoreTestSupport.gzip;
import static dev.apigwinsights.local.StoreTestSupport.ingest;
import static dev.apigwinsights.local.StoreTestSupport.jsonLine;
import static dev.apigwinsights.local.StoreTestSupport.jsonLines;
import static dev.apigwinsights.local.StoreTestSupport.rows;
import static dev.apigwinsights.local.StoreTestSupport.summary;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigwinsights.local.ingest.RawZip;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zip and tar bundles of log downloads, read member by member; and compressions ingest does not
 * read, named. Zips come from the JDK's writer, tars from the system's GNU tar, as users make them.
 */
class IngestArchivesTest {
    @TempDir
    Path tmp;

    private Path data() {
        return tmp.resolve("store");
    }

    @Test
    void readsEveryLogFileOfAZipAndPassesOverFoldersAndMacMetadata() throws Exception {
        List<String> export = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            export.add(exported(T0 + i * 1000L + 40, jsonLine(i)));
        }
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("exports/", new byte[0]);
        members.put("exports/4f1c2a0e-task/stream-a/000000.gz", gzip(lines(export)));
        members.put("raw/access.log", lines(jsonLines(100, 130)));
        members.put("__MACOSX/raw/._access.log", new byte[] {0, 5, 22, 7, 0, 2, 0, 0, 'M', 'a', 'c', ' ', 'O', 'S', ' ', 'X'});
        members.put("raw/._access.log", new byte[] {0, 5, 22, 7, 0, 2, 0, 0, 'M', 'a', 'c', ' ', 'O', 'S', ' ', 'X'});
        members.put("raw/.DS_Store", new byte[] {0, 0, 0, 1, 'B', 'u', 'd', '1', 0, 0, 0x10, 0});
        Path zip = zip(tmp.resolve("downloads.zip"), members, ZipEntry.DEFLATED);

        CliTestSupport.Result r = ingest("--data", data().toString(), "--json", zip.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode s = summary(r);
        assertThat(s.get("inputs").asInt()).as("one file given").isEqualTo(1);
        assertThat(s.get("inputKinds").get("CLOUDWATCH_EXPORT").asInt()).isEqualTo(1);
        assertThat(s.get("inputKinds").get("ACCESS_LOG_LINES").asInt()).isEqualTo(1);
        assertThat(s.get("inputKinds").has("BINARY")).as("metadata files are not read as logs").isFalse();
        assertThat(rows(data(), "SELECT coalesce(log_stream, '-') AS stream, count(*) AS n FROM access_logs GROUP BY 1 ORDER BY 1"))
                .extracting(m -> m.get("stream") + " " + m.get("n"))
                .as("an export's log stream is its folder inside the zip too")
                .containsExactly("- 30", "stream-a 70");
    }

    @Test
    void readsTarGzBundlesWithLongNamesAndAZipInsideThem() throws Exception {
        Path bundle = Files.createDirectories(tmp.resolve("bundle"));
        String longFolder = "x".repeat(120) + "/stream-with-a-long-folder-name";
        write(bundle.resolve("task/" + longFolder + "/000000.gz"), gzip(lines(List.of(exported(T0 + 40, jsonLine(1)), exported(T0 + 1040, jsonLine(2))))));
        write(bundle.resolve("inner.zip"), zipBytes(Map.of("lines.log", lines(jsonLines(10, 15))), ZipEntry.STORED));
        // a link, skipped, whose name and target are both long: GNU tar writes long-link and long-name headers for it
        Path target = bundle.resolve("task/" + longFolder + "/000000.gz");
        Files.createSymbolicLink(bundle.resolve("latest-" + "y".repeat(110)), target);
        Path gnu = tar(tmp.resolve("gnu.tar.gz"), bundle, "--format=gnu", "-z");
        Path pax = tar(tmp.resolve("pax.tar"), bundle, "--format=pax");

        CliTestSupport.Result first = ingest("--data", data().toString(), "--json", gnu.toString());
        CliTestSupport.Result second = ingest("--data", data().toString(), "--json", pax.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(summary(first).get("rowsWritten").asLong()).isEqualTo(7);
        assertThat(summary(second).get("rowsWritten").asLong()).as("the same files in another archive format: nothing new").isZero();
        assertThat(rows(data(), "SELECT request_id, coalesce(log_stream, '-') AS stream FROM access_logs ORDER BY 1"))
                .extracting(m -> m.get("request_id") + " " + m.get("stream"))
                .containsExactly("req-00001 stream-with-a-long-folder-name", "req-00002 stream-with-a-long-folder-name",
                        "req-00010 -", "req-00011 -", "req-00012 -", "req-00013 -", "req-00014 -");
    }

    @Test
    void readsAZipPipedToStandardInput() throws Exception {
        byte[] zip = zipBytes(Map.of("a.log", lines(jsonLines(0, 4)), "b/c.log.gz", gzip(lines(jsonLines(4, 6)))), ZipEntry.DEFLATED);

        CliTestSupport.Result r = StoreTestSupport.ingest(new ByteArrayInputStream(zip), "--data", data().toString(), "--json", "-");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(summary(r).get("rowsWritten").asLong()).isEqualTo(6);
        assertThat(summary(r).get("inputKinds").get("ACCESS_LOG_LINES").asInt()).isEqualTo(2);
    }

    @Test
    void aTruncatedZipKeepsItsWholeFilesAndTheFullDownloadCompletesItWithoutDuplicates() throws Exception {
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("a.log", lines(jsonLines(0, 200)));
        members.put("b.log", lines(jsonLines(200, 400)));
        Path full = zip(tmp.resolve("full.zip"), members, ZipEntry.DEFLATED);
        byte[] bytes = Files.readAllBytes(full);
        Path cut = Files.write(tmp.resolve("cut.zip"), Arrays.copyOf(bytes, bytes.length * 3 / 4));

        CliTestSupport.Result truncated = ingest("--data", data().toString(), "--json", cut.toString());
        long afterCut = count(data(), "access_logs");
        CliTestSupport.Result complete = ingest("--data", data().toString(), "--json", full.toString());

        assertThat(truncated.exitCode()).isEqualTo(1);
        assertThat(truncated.err()).contains("cut.zip: truncated or corrupt zip data");
        assertThat(summary(truncated).get("processingFailed").asLong()).as("no half line is failed").isZero();
        assertThat(afterCut).isBetween(200L, 399L);
        assertThat(complete.exitCode()).as(complete.err()).isZero();
        assertThat(count(data(), "access_logs")).isEqualTo(400);
    }

    @Test
    void aBadFileInsideAnArchiveIsReportedByItsPathAndTheOthersAreRead() throws Exception {
        byte[] gz = gzip(lines(jsonLines(0, 300)));
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("logs/cut.log.gz", Arrays.copyOf(gz, gz.length / 2));
        members.put("logs/good.log", lines(jsonLines(500, 510)));
        members.put("logs/day.log.zst", new byte[] {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 0x20, 0x05, 0x29, 0, 0, 'h', 'e', 'l', 'l', 'o'});
        Path zip = zip(tmp.resolve("bundle.zip"), members, ZipEntry.DEFLATED);

        CliTestSupport.Result r = ingest("--data", data().toString(), "--json", zip.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("bundle.zip!/logs/cut.log.gz: truncated or corrupt gzip data")
                .contains("bundle.zip!/logs/day.log.zst: zstd-compressed data, which ingest does not read");
        assertThat(rows(data(), "SELECT count(*) AS n FROM access_logs WHERE request_id >= 'req-00500'").get(0))
                .as("the file after the bad one is read").containsEntry("n", 10L);
        assertThat(count(data(), "access_logs")).as("the cut gzip's whole lines are kept").isBetween(11L, 309L);
    }

    @Test
    void readsAZipWrittenToAPipeWithStoredFilesAndNamesAWindowsDeflate64Member() throws Exception {
        // a zip as Python's zipfile writes it to a pipe: sizes after the data, even for stored files
        byte[] streamed = RawZip.of(new RawZip.Member("a.log", ZipEntry.DEFLATED, true, lines(jsonLines(0, 20))),
                new RawZip.Member("b.log", ZipEntry.STORED, true, lines(jsonLines(20, 50))));
        Path streamedZip = Files.write(tmp.resolve("piped.zip"), streamed);
        // a big file written with Deflate64 (as Windows' built-in zip or 7-Zip can), between two deflated ones
        byte[] windows = RawZip.of(new RawZip.Member("logs/mon.log", ZipEntry.DEFLATED, false, lines(jsonLines(100, 110))),
                new RawZip.Member("logs/huge.log", 9, false, new byte[] {0x15, (byte) 0x8d, 0x41, 0x0a, 0x00, 0x21}),
                new RawZip.Member("logs/wed.log", ZipEntry.DEFLATED, false, lines(jsonLines(120, 125))));
        Path windowsZip = Files.write(tmp.resolve("windows.zip"), windows);

        CliTestSupport.Result fromPipeWriter = ingest("--data", data().toString(), "--json", streamedZip.toString());
        CliTestSupport.Result fromWindows = ingest("--data", tmp.resolve("other").toString(), "--json", windowsZip.toString());

        assertThat(fromPipeWriter.exitCode()).as(fromPipeWriter.err()).isZero();
        assertThat(summary(fromPipeWriter).get("rowsWritten").asLong()).isEqualTo(50);
        assertThat(summary(fromPipeWriter).get("bytesRead").asLong()).as("the whole file is counted").isEqualTo(streamed.length);
        assertThat(fromWindows.exitCode()).isEqualTo(1);
        assertThat(fromWindows.err()).contains("windows.zip!/logs/huge.log: compressed with Deflate64 (zip method 9), which ingest cannot read");
        assertThat(summary(fromWindows).get("rowsWritten").asLong()).as("the files before and after it").isEqualTo(15);
    }

    @Test
    void skipsSpreadsheetsAndJarsLyingAmongTheLogsInsteadOfSendingTheirXml() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("downloads"));
        Map<String, byte[]> xlsx = new LinkedHashMap<>();
        xlsx.put("[Content_Types].xml", "<?xml version=\"1.0\"?>\n<Types/>\n".getBytes(StandardCharsets.UTF_8));
        xlsx.put("xl/worksheets/sheet1.xml", "<worksheet><row r=\"1\"/></worksheet>\n".getBytes(StandardCharsets.UTF_8));
        zip(dir.resolve("usage.xlsx"), xlsx, ZipEntry.DEFLATED);
        zip(dir.resolve("tool.jar"), Map.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8)), ZipEntry.DEFLATED);
        write(dir.resolve("access.log"), lines(jsonLines(0, 3)));
        zip(dir.resolve("bundle.zip"), Map.of("report.xlsx", Files.readAllBytes(dir.resolve("usage.xlsx"))), ZipEntry.STORED);

        CliTestSupport.Result r = ingest("--data", data().toString(), "--json", dir.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("usage.xlsx: a document or program package").contains("tool.jar: a document or program package")
                .contains("bundle.zip!/report.xlsx: a document or program package");
        JsonNode s = summary(r);
        assertThat(s.get("processingFailed").asLong()).as("no XML line is sent as a log").isZero();
        assertThat(s.get("rowsWritten").asLong()).isEqualTo(3);
    }

    @Test
    void namesCompressionsItDoesNotReadAndSaysWhatToRun() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        write(dir.resolve("a.log.xz"), new byte[] {(byte) 0xFD, '7', 'z', 'X', 'Z', 0, 0, 4, (byte) 0xE6, (byte) 0xD6, (byte) 0xB4, 0x46});
        write(dir.resolve("b.log.bz2"), new byte[] {'B', 'Z', 'h', '9', 0x31, 0x41, 0x59, 0x26, 0x53, 0x59, 0x12, 0x34});
        write(dir.resolve("c.snappy"), new byte[] {(byte) 0xFF, 6, 0, 0, 's', 'N', 'a', 'P', 'p', 'Y', 1, 9, 0, 0});
        write(dir.resolve("d.log"), lines(List.of("BZh9 is how a bzip2 file starts, and this line is not one", jsonLine(7))));

        CliTestSupport.Result r = ingest("--data", data().toString(), "--json", dir.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("a.log.xz: xz-compressed data, which ingest does not read (it reads gzip, zip and tar): unxz FILE")
                .contains("b.log.bz2: bzip2-compressed data").contains("bunzip2 FILE")
                .contains("c.snappy: framed-Snappy-compressed data").contains("set the Firehose stream's compression to GZIP")
                .doesNotContain("d.log:");
        JsonNode s = summary(r);
        assertThat(s.get("inputKinds").get("BINARY").asInt()).isEqualTo(3);
        assertThat(s.get("processingFailed").asLong()).as("a text line that starts like bzip2 is read as text").isEqualTo(1);
        assertThat(s.get("rowsWritten").asLong()).isEqualTo(1);
    }

    @Test
    void readsParquetFromStandardInputAndFromInsideAnArchive() throws Exception {
        Path parquet = tmp.resolve("delivered.parquet");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:"); java.sql.Statement st = c.createStatement()) {
            st.execute("COPY (SELECT 'pq-' || i AS request_id, TIMESTAMP '2024-02-03 10:00:00' + to_seconds(i) AS request_time,"
                    + " 200::INTEGER AS status, 'DIRECT' AS source_kind FROM range(3) t(i)) TO '" + parquet + "' (FORMAT parquet)");
        }
        byte[] bytes = Files.readAllBytes(parquet);
        Path zip = zip(tmp.resolve("delivered.zip"), Map.of("2024/02/03/10/delivered.parquet", bytes), ZipEntry.DEFLATED);

        CliTestSupport.Result fromStdin = StoreTestSupport.ingest(new ByteArrayInputStream(gzip(bytes)), "--data", data().toString(), "--json", "-");
        CliTestSupport.Result fromZip = ingest("--data", tmp.resolve("other").toString(), "--json", zip.toString());

        assertThat(fromStdin.exitCode()).as(fromStdin.err()).isZero();
        assertThat(fromZip.exitCode()).as(fromZip.err()).isZero();
        for (Path store : List.of(data(), tmp.resolve("other"))) {
            assertThat(rows(store, "SELECT request_id, epoch_ms(request_time) AS t FROM access_logs ORDER BY 1"))
                    .extracting(m -> m.get("request_id") + " " + m.get("t"))
                    .containsExactly("pq-0 1706954400000", "pq-1 1706954401000", "pq-2 1706954402000");
        }
        try (var leftovers = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(leftovers.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("apigw-insights-parquet-")))
                    .as("the temporary copies are deleted").isEmpty();
        }
    }

    private static byte[] lines(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private static Path zip(Path file, Map<String, byte[]> members, int method) throws IOException {
        return Files.write(file, zipBytes(members, method));
    }

    private static byte[] zipBytes(Map<String, byte[]> members, int method) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> m : members.entrySet()) {
                ZipEntry e = new ZipEntry(m.getKey());
                e.setMethod(method);
                if (method == ZipEntry.STORED) {
                    CRC32 crc = new CRC32();
                    crc.update(m.getValue());
                    e.setSize(m.getValue().length);
                    e.setCrc(crc.getValue());
                }
                zip.putNextEntry(e);
                zip.write(m.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** GNU tar, as found on every Debian machine: the archives users actually make. */
    private static Path tar(Path archive, Path folder, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("tar", "-c", "-f", archive.toString(), "-C", folder.toString()));
        command.addAll(List.of(options));
        command.add(".");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return archive;
    }
}
