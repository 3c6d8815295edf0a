package dev.apigwinsights.local.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commits are whole files renamed into place: a crash between them leaves a readable store a re-run completes. */
class StoreWriterTest {
    @TempDir
    Path tmp;

    private static void rows(StoreWriter w, int days, int perDay) throws Exception {
        for (int d = 1; d <= days; d++) {
            rows(w, "d" + d, d, perDay);
        }
    }

    /** {@code n} rows of 2024-02-{@code day}, with request ids {@code prefix-0} and on. */
    private static void rows(StoreWriter w, String prefix, int day, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            byte[] line = String.format("{\"request_id\":\"%s-%d\",\"request_time\":\"2024-02-%02dT10:00:00.000Z\","
                    + "\"request_time_epoch_ms\":1,\"status\":200}%n", prefix, i, day).getBytes(StandardCharsets.UTF_8);
            w.row(String.format("2024-02-%02d", day), line, 0, line.length);
        }
    }

    private static long count(Path dir) throws Exception {
        try (LocalStore store = LocalStore.open(dir); Statement s = store.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT request_id) FROM access_logs")) {
            rs.next();
            assertThat(rs.getLong(1)).as("no duplicates").isEqualTo(rs.getLong(2));
            return rs.getLong(1);
        }
    }

    @Test
    void aRunKilledBetweenDaysLeavesWholeDaysAndTheRerunStoresOnlyWhatIsMissing() throws Exception {
        StoreLayout layout = new StoreLayout(tmp);
        try (StoreWriter crashing = new StoreWriter(layout, "run-1", 1_000_000, "256MB", 1)) {
            crashing.renamesBeforeCrash = 2;
            rows(crashing, 5, 30);
            assertThatThrownBy(crashing::commit).isInstanceOf(IOException.class).hasMessageContaining("simulated crash");
        }
        assertThat(count(tmp)).as("two whole days readable").isEqualTo(60);

        try (StoreWriter rerun = new StoreWriter(layout, "run-2", 1_000_000, "256MB", 1)) {
            rows(rerun, 5, 30);
            rerun.commit();
            assertThat(rerun.stats().rowsWritten()).isEqualTo(90);
            assertThat(rerun.stats().duplicateRows()).isEqualTo(60);
        }
        assertThat(count(tmp)).isEqualTo(150);
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).doesNotContain(".staging");
        }
    }

    @Test
    void leftoversOfACrashedRunAreClearedAndNeverRead() throws Exception {
        StoreLayout layout = new StoreLayout(tmp);
        Path stale = Files.createDirectories(layout.staging().resolve("dead-run/chunk-1"));
        Files.writeString(stale.resolve("2024-02-01.ndjson"), "{\"request_id\":\"ghost\"}\n");

        try (StoreWriter w = new StoreWriter(layout, "run", 1_000_000, "256MB", 1)) {
            assertThat(stale).doesNotExist();
            rows(w, 1, 3);
            w.commit();
        }
        assertThat(count(tmp)).isEqualTo(3);
    }

    @Test
    void chunksCommitAsTheyFillAndRowsRepeatedAcrossChunksAreStoredOnce() throws Exception {
        StoreLayout layout = new StoreLayout(tmp);
        try (StoreWriter w = new StoreWriter(layout, "run", 25, "256MB", 1)) {
            rows(w, 2, 30);
            rows(w, 2, 30);
            w.commit();
            assertThat(w.stats().rowsWritten()).isEqualTo(60);
            assertThat(w.stats().duplicateRows()).isEqualTo(60);
            assertThat(w.stats().rowFiles()).isGreaterThan(2);
        }
        assertThat(count(tmp)).isEqualTo(60);
    }

    @Test
    void onlyRowsTheRunMayHaveStoredAlreadyAreCheckedAgainstTheDaysFiles() throws Exception {
        StoreLayout layout = new StoreLayout(tmp);
        try (StoreWriter w = new StoreWriter(layout, "run", 100, "256MB", 1)) {
            rows(w, "a", 1, 1_000);
            rows(w, "a", 1, 1_000);
            w.commit();
            assertThat(w.stats().rowsWritten()).isEqualTo(1_000);
            assertThat(w.stats().duplicateRows()).isEqualTo(1_000);
            // The first 1,000 are new (a few false positives aside); every repeat is checked.
            assertThat(w.stats().rowsChecked()).isBetween(1_000L, 1_050L);
        }
        try (StoreWriter small = new StoreWriter(layout, "run-2", 100, "256MB", 1)) {
            rows(small, "b", 1, 99);
            small.commit();
            assertThat(small.stats().rowsWritten()).isEqualTo(99);
            assertThat(small.stats().rowsChecked()).as("fewer than a chunk: checked, stored keys left unread").isEqualTo(99);
        }
        try (StoreWriter big = new StoreWriter(layout, "run-3", 100, "256MB", 1)) {
            rows(big, "a", 1, 500);
            rows(big, "c", 1, 1_000);
            big.commit();
            assertThat(big.stats().rowsWritten()).isEqualTo(1_000);
            assertThat(big.stats().duplicateRows()).isEqualTo(500);
            // The first chunk's worth is checked; then the stored keys are in the filter and new rows skip the check.
            assertThat(big.stats().rowsChecked()).isBetween(500L, 550L);
        }
        assertThat(count(tmp)).isEqualTo(2_099);
    }

    @Test
    void rowsWhoseKeyIsNotReadableFromTheirBytesAreStillStoredOnce() throws Exception {
        StoreLayout layout = new StoreLayout(tmp);
        String plain = "{\"request_id\":\"r-1\",\"request_time\":\"2024-02-01T10:00:00.000Z\",\"status\":200}\n";
        String escaped = "{\"request_id\":\"r-\\\"2\\\"\",\"request_time\":\"2024-02-01T10:00:00.000Z\",\"status\":200}\n";
        // A row passed through with its id elsewhere than first: only DuckDB knows its key.
        String idLater = "{\"status\":200,\"request_time\":\"2024-02-01T10:00:00.000Z\",\"request_id\":\"r-1\"}\n";
        String noId = "{\"request_time\":\"2024-02-01T10:00:00.000Z\",\"status\":503,\"_line_hash\":\"0123456789abcdef\"}\n";
        for (String run : List.of("run-1", "run-2")) {
            try (StoreWriter w = new StoreWriter(layout, run, 2, "256MB", 1)) {
                for (String line : List.of(idLater, escaped, plain, noId, escaped, noId, plain, plain)) {
                    byte[] b = line.getBytes(StandardCharsets.UTF_8);
                    w.row("2024-02-01", b, 0, b.length);
                }
                w.commit();
            }
        }
        try (LocalStore store = LocalStore.open(tmp); Statement s = store.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(request_id, '-') FROM access_logs ORDER BY 1")) {
            List<String> keys = new java.util.ArrayList<>();
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
            assertThat(keys).containsExactly("-", "r-\"2\"", "r-1");
        }
    }

    @Test
    void storedKeysThatAreNotPlainTextStillDedupeTheNextRun() throws Exception {
        StoreLayout layout = new StoreLayout(tmp);
        // A comma or an empty id needs no escape in JSON but is quoted when DuckDB writes the keys out.
        List<String> ids = List.of("plain-1", "a,b", "", "ünïcode-2");
        for (String run : List.of("run-1", "run-2")) {
            // Chunks of two: the second run reads the stored keys at its second row.
            try (StoreWriter w = new StoreWriter(layout, run, 2, "256MB", 1)) {
                for (String id : ids) {
                    byte[] b = ("{\"request_id\":\"" + id + "\",\"request_time\":\"2024-02-01T10:00:00.000Z\",\"status\":200}\n")
                            .getBytes(StandardCharsets.UTF_8);
                    w.row("2024-02-01", b, 0, b.length);
                }
                w.commit();
                assertThat(w.stats().rowsWritten()).as(run).isEqualTo(run.equals("run-1") ? 4 : 0);
            }
        }
        assertThat(count(tmp)).isEqualTo(4);
    }

    @Test
    void readsARowsKeyFromItsBytesOnlyWhereItIsCertain() {
        assertThat(key("{\"request_id\":\"abc-1\",\"status\":200}\n")).isEqualTo("abc-1");
        assertThat(key("{\"request_id\":\"\",\"status\":200}")).isEmpty();
        assertThat(key("{\"status\":503,\"_line_hash\":\"00ff\"}\n")).isEqualTo("00ff");
        assertThat(key("{\"request_id\":\"a\\\"b\",\"status\":200}")).as("escaped").isNull();
        assertThat(key("{\"request_id\":null,\"status\":200}")).isNull();
        assertThat(key("{\"status\":200,\"request_id\":\"abc\"}")).as("id not first").isNull();
        assertThat(key("{\"status\":503,\"extra\":{\"_line_hash\":\"00ff\"}}")).as("a nested member").isNull();
        assertThat(key("{\"status\":503,\"x\":\"_line_hash\\\":\\\"00ff\"}")).as("inside a string").isNull();
        assertThat(key("{\"status\":503,\"_line_hash\":\"\"}")).isNull();
    }

    private static String key(String line) {
        byte[] b = ("xx" + line).getBytes(StandardCharsets.UTF_8);
        long range = StoreWriter.keyRange(b, 2, b.length - 2);
        return range < 0 ? null : new String(b, (int) (range >>> 32), (int) range - (int) (range >>> 32), StandardCharsets.UTF_8);
    }

    @Test
    void storesWrittenWithParquetVersionOneStayReadableAndDeduplicateAgainstNewFiles() throws Exception {
        StoreLayout layout = new StoreLayout(tmp);
        try (StoreWriter w = new StoreWriter(layout, "run-1", 1_000_000, "256MB", 1)) {
            rows(w, 2, 10);
            w.commit();
        }
        // Rewrite the committed files as releases before version 2 encodings wrote them.
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
            for (Path file : rowFiles(layout)) {
                Path old = file.resolveSibling("old.parquet");
                s.execute("COPY (SELECT * FROM read_parquet(" + StoreSchema.literal(file.toString()) + ")) TO "
                        + StoreSchema.literal(old.toString()) + " (FORMAT parquet, COMPRESSION zstd)");
                Files.move(old, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                assertThat(formatVersion(s, file)).as("rewritten as version 1").isEqualTo(1);
            }
        }
        try (StoreWriter w = new StoreWriter(layout, "run-2", 1_000_000, "256MB", 1)) {
            rows(w, 3, 10);
            w.commit();
            assertThat(w.stats().rowsWritten()).isEqualTo(10);
            assertThat(w.stats().duplicateRows()).isEqualTo(20);
        }
        assertThat(count(tmp)).isEqualTo(30);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
            assertThat(rowFiles(layout).stream().map(f -> formatVersion(s, f))).as("the old files and the new one").containsExactly(1L, 1L, 2L);
        }
        try (LocalStore store = LocalStore.open(tmp); Statement s = store.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT day, count(*), min(request_time) FROM access_logs GROUP BY day ORDER BY day")) {
            for (int d = 1; d <= 3; d++) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(String.format("%02d", d));
                assertThat(rs.getLong(2)).isEqualTo(10);
                assertThat(rs.getString(3)).startsWith(String.format("2024-02-%02d 10:00:00", d));
            }
        }
    }

    private static List<Path> rowFiles(StoreLayout layout) throws IOException {
        try (Stream<Path> files = Files.walk(layout.logs())) {
            return files.filter(f -> f.toString().endsWith(StoreLayout.ROW_FILE_SUFFIX)).sorted().toList();
        }
    }

    /** The Parquet format version in the file's footer. */
    private static long formatVersion(Statement s, Path file) {
        try (ResultSet rs = s.executeQuery("SELECT format_version FROM parquet_file_metadata(" + StoreSchema.literal(file.toString()) + ")")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSecondIngestOfTheSameStoreIsRefusedWhileTheFirstRuns() throws Exception {
        StoreLayout layout = new StoreLayout(tmp);
        try (IngestLock first = IngestLock.acquire(layout)) {
            assertThat(first).isNotNull();
            // a second process cannot take it: an OverlappingFileLockException within one JVM says the same
            assertThatThrownBy(() -> IngestLock.acquire(layout)).isInstanceOfAny(IngestLock.StoreBusyException.class,
                    java.nio.channels.OverlappingFileLockException.class);
        }
        try (IngestLock again = IngestLock.acquire(layout)) {
            assertThat(again).isNotNull();
        }
    }
}
