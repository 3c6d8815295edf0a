package dev.apigwinsights.local.store;

import dev.apigwinsights.local.util.ByteArrays;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Writes an ingest's output into the store, idempotently and crash-safely.
 *
 * <p>Rows (canonical JSON lines) and error documents arrive in input order and are spooled per
 * day under the run's staging folder. Every {@code chunkRows} rows, and at the end, the chunk is
 * committed day by day: DuckDB reads the day's spool, drops rows whose key (request id, else the
 * hash of the original entry) is already stored for that day or appears earlier in the chunk,
 * writes one Parquet file of the columns the rows fill ({@link PresentColumns}) into staging and
 * renames it into {@code logs/year=/month=/day=/}. Error documents are deduplicated by their raw
 * data against every stored one. A rename is the only step readers can see, so the store is always
 * readable; a run killed at any point leaves whole files, and the next run (which clears stale
 * staging) stores exactly what is missing.
 *
 * <p>A chunk is committed on a thread of its own while the next one is spooled, so DuckDB's
 * work overlaps the transformer's; at most one chunk waits, which bounds the staging disk. DuckDB
 * runs one thread per commit by default: the transformer has the other cores, and many small
 * per-day writes cost less CPU single-threaded.
 *
 * <p>Not thread-safe: one writer thread feeds it.
 */
public final class StoreWriter implements AutoCloseable {
    /** Rows per commit: bounds the staging disk and the DuckDB work of one commit. */
    public static final long DEFAULT_CHUNK_ROWS = 250_000;
    private static final int MAX_OPEN_SPOOLS = 64;
    private static final int SPOOL_BUFFER = 64 * 1024;
    private static final byte[] REQUEST_ID_PREFIX = "{\"request_id\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] LINE_HASH_KEY = ("\"" + StoreSchema.LINE_HASH + "\":\"").getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final StoreLayout layout;
    private final String runId;
    private final long chunkRows;
    private final Path runDir;
    private final Connection duck;
    private final ExecutorService committer;
    private final int duckDbThreads;
    private final Stats stats = new Stats();
    private Chunk current;
    private Future<?> committing;
    /** Test hook: stop after this many renames, as a crash would. */
    int renamesBeforeCrash = Integer.MAX_VALUE;

    /** What a writer did; rows = written + duplicates for every committed chunk. */
    public static final class Stats {
        long rowsWritten;
        long duplicateRows;
        long failuresWritten;
        long failuresAlreadyStored;
        long rowFiles;
        final Set<String> days = new java.util.TreeSet<>();

        public long rowsWritten() {
            return rowsWritten;
        }

        public long duplicateRows() {
            return duplicateRows;
        }

        public long failuresWritten() {
            return failuresWritten;
        }

        public long failuresAlreadyStored() {
            return failuresAlreadyStored;
        }

        public long rowFiles() {
            return rowFiles;
        }

        /** Days that received rows, as {@code yyyy-MM-dd}. */
        public Set<String> days() {
            return days;
        }
    }

    private static final class DaySpool {
        final Path file;
        /** Row spools only: the columns the day's rows fill, which its row file is written with. */
        final PresentColumns columns = new PresentColumns();
        long count;

        DaySpool(Path file) {
            this.file = file;
        }
    }

    /** Rows and error documents spooled for one commit, per day. */
    private static final class Chunk {
        final int number;
        final Path dir;
        final Map<String, DaySpool> rows = new TreeMap<>();
        final Map<String, DaySpool> errors = new TreeMap<>();
        final LinkedHashMap<Path, OutputStream> open = new LinkedHashMap<>(16, 0.75f, true);
        final KeySet keys = new KeySet();
        final Set<String> daysWithRepeats = new HashSet<>();
        long rowCount;

        Chunk(int number, Path dir) throws IOException {
            this.number = number;
            this.dir = Files.createDirectories(dir);
        }

        boolean isEmpty() {
            return rows.isEmpty() && errors.isEmpty();
        }

        OutputStream out(Path file) throws IOException {
            OutputStream o = open.get(file);
            if (o == null) {
                if (open.size() >= MAX_OPEN_SPOOLS) {
                    Iterator<Map.Entry<Path, OutputStream>> eldest = open.entrySet().iterator();
                    eldest.next().getValue().close();
                    eldest.remove();
                }
                o = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND), SPOOL_BUFFER);
                open.put(file, o);
            }
            return o;
        }

        void closeSpools() throws IOException {
            for (OutputStream o : open.values()) {
                o.close();
            }
            open.clear();
        }
    }

    /**
     * Starts a run: clears what crashed runs left in staging (the caller holds the
     * {@link IngestLock}) and opens the run's own staging folder.
     *
     * @param duckDbMemoryLimit DuckDB's {@code memory_limit} (e.g. {@code 1GB}); it spills to the staging folder beyond it
     * @param duckDbThreads     DuckDB threads of a commit that overlaps transforming; the last
     *                          commit, which nothing overlaps, uses every core
     */
    public StoreWriter(StoreLayout layout, String runId, long chunkRows, String duckDbMemoryLimit, int duckDbThreads)
            throws IOException, SQLException {
        this.layout = layout;
        this.runId = runId;
        this.chunkRows = chunkRows;
        this.duckDbThreads = Math.max(1, duckDbThreads);
        deleteTree(layout.staging());
        this.runDir = Files.createDirectories(layout.staging().resolve(runId));
        this.duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = duck.createStatement()) {
            s.execute("SET memory_limit = " + StoreSchema.literal(duckDbMemoryLimit));
            s.execute("SET temp_directory = " + StoreSchema.literal(runDir.resolve("tmp").toString()));
            s.execute("SET preserve_insertion_order = false");
        }
        this.committer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "store-commit");
            t.setDaemon(true);
            return t;
        });
        this.current = new Chunk(1, runDir.resolve("chunk-1"));
    }

    /**
     * Spools one canonical JSON line (with its trailing newline) for {@code day} ({@code yyyy-MM-dd}),
     * from anywhere: its day's row file keeps every column.
     */
    public void row(String day, byte[] b, int off, int len) throws IOException, SQLException {
        spool(day, b, off, len).columns.addAll();
        countRow(day, b, off, len);
    }

    /** {@link #row} for a line the transformer wrote: its day's row file gets only the columns its rows fill. */
    public void transformedRow(String day, byte[] b, int off, int len) throws IOException, SQLException {
        spool(day, b, off, len).columns.add(b, off, len);
        countRow(day, b, off, len);
    }

    private DaySpool spool(String day, byte[] b, int off, int len) throws IOException {
        Chunk c = current;
        DaySpool spool = c.rows.computeIfAbsent(day, d -> new DaySpool(c.dir.resolve(d + ".ndjson")));
        c.out(spool.file).write(b, off, len);
        spool.count++;
        return spool;
    }

    private void countRow(String day, byte[] b, int off, int len) throws IOException, SQLException {
        Chunk c = current;
        if (!c.keys.add(keyHash(b, off, len))) {
            c.daysWithRepeats.add(day);
        }
        if (++c.rowCount >= chunkRows) {
            rotate(false);
        }
    }

    /** Spools one error document line for the day of its arrival. */
    public void failure(String day, byte[] b, int off, int len) throws IOException {
        Chunk c = current;
        DaySpool spool = c.errors.computeIfAbsent(day, d -> new DaySpool(c.dir.resolve(d + ".errors.json")));
        c.out(spool.file).write(b, off, len);
        spool.count++;
    }

    /** The counts so far; complete after {@link #commit()}. */
    public Stats stats() {
        return stats;
    }

    /** Commits everything spooled so far and waits until it is stored. */
    public void commit() throws IOException, SQLException {
        rotate(true);
        await();
    }

    /** Hands the current chunk to the committer (after the previous one is done) and starts a new one. */
    private void rotate(boolean last) throws IOException, SQLException {
        if (current.isEmpty()) {
            return;
        }
        Chunk done = current;
        done.closeSpools();
        await();
        current = new Chunk(done.number + 1, runDir.resolve("chunk-" + (done.number + 1)));
        int threads = last ? Runtime.getRuntime().availableProcessors() : duckDbThreads;
        committing = committer.submit(() -> {
            try (Statement st = duck.createStatement()) {
                st.execute("SET threads = " + threads);
            }
            commit(done);
            return null;
        });
    }

    private void await() throws IOException, SQLException {
        if (committing == null) {
            return;
        }
        try {
            committing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while committing", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            throw new IOException(cause);
        } finally {
            committing = null;
        }
    }

    private void commit(Chunk c) throws IOException, SQLException {
        for (Map.Entry<String, DaySpool> e : c.rows.entrySet()) {
            commitRows(c, e.getKey(), e.getValue());
        }
        for (Map.Entry<String, DaySpool> e : c.errors.entrySet()) {
            commitErrors(c, e.getKey(), e.getValue());
        }
        deleteTree(c.dir);
    }

    private void commitRows(Chunk c, String day, DaySpool spool) throws IOException, SQLException {
        Path dayDir = layout.logsDay(day);
        List<Path> existing = listFiles(dayDir, StoreLayout.ROW_FILE_SUFFIX);
        Path staged = c.dir.resolve(day + StoreLayout.ROW_FILE_SUFFIX);
        StringBuilder q = new StringBuilder("COPY (SELECT ").append(StoreSchema.storedSelect(spool.columns::has))
                .append(" FROM read_json(").append(StoreSchema.literal(spool.file.toString()))
                .append(", format = 'newline_delimited', columns = ").append(StoreSchema.canonicalJsonColumns(spool.columns::has))
                .append(") AS n");
        if (!existing.isEmpty()) {
            q.append(" ANTI JOIN (SELECT DISTINCT ").append(StoreSchema.dedupeKey(null)).append(" AS k FROM read_parquet(")
                    .append(fileList(existing)).append(", union_by_name = true)) AS e ON ")
                    .append(StoreSchema.dedupeKey("n")).append(" = e.k");
        }
        if (c.daysWithRepeats.contains(day)) {
            q.append(" QUALIFY row_number() OVER (PARTITION BY ").append(StoreSchema.dedupeKey("n")).append(") = 1");
        }
        q.append(") TO ").append(StoreSchema.literal(staged.toString())).append(" (").append(StoreSchema.ROW_FILE_OPTIONS).append(')');
        try (Statement s = duck.createStatement()) {
            s.execute(q.toString());
        }
        long written = count("SELECT count(*) FROM read_parquet(" + StoreSchema.literal(staged.toString()) + ")");
        stats.rowsWritten += written;
        stats.duplicateRows += spool.count - written;
        if (written > 0) {
            Files.createDirectories(dayDir);
            publish(staged, dayDir.resolve(runId + "-" + c.number + StoreLayout.ROW_FILE_SUFFIX));
            stats.rowFiles++;
            stats.days.add(day);
        } else {
            Files.delete(staged);
        }
        Files.delete(spool.file);
    }

    private void commitErrors(Chunk c, String day, DaySpool spool) throws IOException, SQLException {
        String columns = StoreSchema.errorDocumentJsonColumns();
        Path staged = c.dir.resolve(day + ".json");
        StringBuilder q = new StringBuilder("COPY (SELECT * FROM read_json(").append(StoreSchema.literal(spool.file.toString()))
                .append(", format = 'newline_delimited', columns = ").append(columns).append(") AS n");
        if (LocalStore.hasFiles(layout.processingFailed(), "")) {
            q.append(" ANTI JOIN (SELECT DISTINCT md5(rawData) AS k FROM read_json(")
                    .append(StoreSchema.literal(layout.processingFailedGlob()))
                    .append(", format = 'newline_delimited', columns = {'rawData': 'VARCHAR'})) AS e ON md5(n.rawData) = e.k");
        }
        q.append(" QUALIFY row_number() OVER (PARTITION BY md5(n.rawData)) = 1) TO ")
                .append(StoreSchema.literal(staged.toString())).append(" (FORMAT json)");
        try (Statement s = duck.createStatement()) {
            s.execute(q.toString());
        }
        long written = count("SELECT count(*) FROM read_json(" + StoreSchema.literal(staged.toString())
                + ", format = 'newline_delimited', columns = " + columns + ")");
        stats.failuresWritten += written;
        stats.failuresAlreadyStored += spool.count - written;
        if (written > 0) {
            Path dir = layout.processingFailedDay(day);
            Files.createDirectories(dir);
            // Firehose names error objects <stream>-<version>-<time>-<uuid>, without an extension.
            publish(staged, dir.resolve("apigw-insights-local-1-" + runId + "-" + c.number));
        } else {
            Files.delete(staged);
        }
        Files.delete(spool.file);
    }

    private void publish(Path staged, Path target) throws IOException {
        if (renamesBeforeCrash-- <= 0) {
            throw new IOException("simulated crash before publishing " + target.getFileName());
        }
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private long count(String sql) throws SQLException {
        try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
    /** The 64-bit hash of a line's dedupe key: its request id, else its line hash. */
    static long keyHash(byte[] b, int off, int len) {
        int start;
        if (ByteArrays.startsWith(b, off, len, REQUEST_ID_PREFIX)) {
            start = off + REQUEST_ID_PREFIX.length;
        } else {
            int at = lastIndexOf(b, off, len, LINE_HASH_KEY);
            start = at < 0 ? off : at + LINE_HASH_KEY.length;
        }
        long h = 0xcbf29ce484222325L;
        for (int i = start; i < off + len && b[i] != '"'; i++) {
            h = (h ^ b[i]) * 0x100000001b3L;
        }
        return h;
    }

    private static int lastIndexOf(byte[] b, int off, int len, byte[] needle) {
        outer:
        for (int i = off + len - needle.length; i >= off; i--) {
            for (int k = 0; k < needle.length; k++) {
                if (b[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static List<Path> listFiles(Path dir, String suffix) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p) && name.endsWith(suffix) && !name.startsWith(".")) {
                    files.add(p);
                }
            }
        }
        files.sort(null);
        return files;
    }

    private static String fileList(List<Path> files) {
        StringBuilder s = new StringBuilder("[");
        for (Path p : files) {
            s.append(s.length() == 1 ? "" : ", ").append(StoreSchema.literal(p.toString()));
        }
        return s.append(']').toString();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Drops the run's staging folder (whatever was not committed is discarded). */
    @Override
    public void close() throws IOException, SQLException {
        try {
            committer.shutdownNow();
            try {
                committer.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            current.closeSpools();
            duck.close();
        } finally {
            deleteTree(runDir);
            try {
                Files.deleteIfExists(layout.staging());
            } catch (java.nio.file.DirectoryNotEmptyException e) {
                // another run's leftovers; the next ingest clears them
            }
        }
    }
}
