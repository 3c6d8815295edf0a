package dev.apigwinsights.local.store;

import dev.apigwinsights.local.util.ByteArrays;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import java.util.HashMap;
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
import org.duckdb.DuckDBConnection;

/**
 * Writes an ingest's output into the store, idempotently and crash-safely.
 *
 * <p>Rows (canonical JSON lines) and error documents arrive in input order and are spooled per
 * day under the run's staging folder. Every {@code chunkRows} rows, and at the end, the chunk is
 * committed day by day: DuckDB reads the day's spool, drops rows whose key (request id, else the
 * hash of the original entry) is already stored for that day or appears earlier in the chunk,
 * writes one Parquet file of the columns the rows fill ({@link PresentColumns}) into staging and
 * renames it into {@code logs/year=/month=/day=/}. Only rows that may already be stored are
 * checked against the day's files: a {@link DayKeyFilter} holds the key of every row the run has
 * spooled and, once the run has a chunk's worth of rows for a day, the keys of the day's files from
 * before the run; a row it has not seen goes to a spool that skips that check. Without it, each commit read every key of the day again, and a day
 * ingested in many chunks cost time growing with the square of its rows. A row whose key the
 * writer cannot read from its bytes (an escaped request id, a row passed through in another
 * layout) makes its day take the check for every row until the run ends.
 *
 * <p>Error documents are deduplicated by their raw data against every stored one. A rename is the
 * only step readers can see, so the store is always readable; a run killed at any point leaves
 * whole files, and the next run (which clears stale staging) stores exactly what is missing.
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
    private static final byte[] REQUEST_ID_PREFIX = "{\"request_id\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LINE_HASH_MEMBER = (",\"" + StoreSchema.LINE_HASH + "\":\"").getBytes(StandardCharsets.US_ASCII);
    /** Keys the run's filter holds at about 1% false positives before it first grows. */
    private static final long FILTER_FIRST_KEYS = 1L << 21;
    /** Heap the filter may take: about 30 million keys at 1% false positives, more at a higher rate. */
    private static final long FILTER_MAX_BYTES = 40L << 20;

    private final StoreLayout layout;
    private final String runId;
    private final long chunkRows;
    private final Path runDir;
    private final Connection duck;
    private final ExecutorService committer;
    private final int duckDbThreads;
    private final Stats stats = new Stats();
    private final DayKeyFilter keyFilter = new DayKeyFilter(FILTER_FIRST_KEYS, FILTER_MAX_BYTES);
    private final Map<String, DayKeys> dayKeys = new HashMap<>();
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
        long rowsChecked;
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

        /** Rows checked against their day's stored files: those the run may have stored already. */
        public long rowsChecked() {
            return rowsChecked;
        }

        /** Days that received rows, as {@code yyyy-MM-dd}. */
        public Set<String> days() {
            return days;
        }
    }

    private static final class DaySpool {
        final Path file;
        /** Row spools only: rows that may be stored already, checked against the day's files. */
        final Path mayBeStoredFile;
        /** Row spools only: the columns the day's rows fill, which its row file is written with. */
        final PresentColumns columns = new PresentColumns();
        long count;
        long mayBeStoredCount;

        DaySpool(Path file, Path mayBeStoredFile) {
            this.file = file;
            this.mayBeStoredFile = mayBeStoredFile;
        }
    }

    /** What the run knows of a day's stored keys. */
    private static final class DayKeys {
        final long hash;
        /** The day had files before the run whose keys are not in the filter yet. */
        boolean storedKeysPending;
        /** A row's key could not be read from its bytes, or the stored keys could not be read. */
        boolean keysUnknown;
        long rows;

        DayKeys(long hash) {
            this.hash = hash;
        }

        /** The filter holds every key stored for the day; if not, each of its rows takes the check. */
        boolean complete() {
            return !storedKeysPending && !keysUnknown;
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
        countRow();
    }

    /** {@link #row} for a line the transformer wrote: its day's row file gets only the columns its rows fill. */
    public void transformedRow(String day, byte[] b, int off, int len) throws IOException, SQLException {
        spool(day, b, off, len).columns.add(b, off, len);
        countRow();
    }

    private DaySpool spool(String day, byte[] b, int off, int len) throws IOException {
        Chunk c = current;
        DaySpool spool = c.rows.computeIfAbsent(day, d -> new DaySpool(c.dir.resolve(d + ".ndjson"), c.dir.resolve(d + ".check.ndjson")));
        DayKeys known = dayKeys(day);
        long key = keyRange(b, off, len);
        boolean mayBeStored;
        if (key < 0) {
            // The key is only known to DuckDB: dedupe the day's rows in SQL from now on.
            known.keysUnknown = true;
            c.daysWithRepeats.add(day);
            mayBeStored = true;
        } else {
            long dayKey = DayKeyFilter.dayKey(known.hash, DayKeyFilter.hash(b, (int) (key >>> 32), (int) key));
            if (!c.keys.add(dayKey)) {
                c.daysWithRepeats.add(day);
            }
            // Added even while the day is not complete, so that it can become so.
            mayBeStored = keyFilter.add(dayKey) || !known.complete();
        }
        if (mayBeStored) {
            c.out(spool.mayBeStoredFile).write(b, off, len);
            spool.mayBeStoredCount++;
        } else {
            c.out(spool.file).write(b, off, len);
            spool.count++;
        }
        return spool;
    }

    private void countRow() throws IOException, SQLException {
        if (++current.rowCount >= chunkRows) {
            rotate(false);
        }
    }

    /**
     * The day's stored keys as the run knows them. A day with files from before the run has their
     * keys read into the filter only once the run has spooled a chunk's worth of rows for it: a
     * run that commits the day once reads every stored key in that one check anyway, and reading
     * them all out to the filter first would only add to it.
     */
    private DayKeys dayKeys(String day) throws IOException {
        DayKeys known = dayKeys.get(day);
        if (known == null) {
            byte[] name = day.getBytes(StandardCharsets.US_ASCII);
            known = new DayKeys(DayKeyFilter.hash(name, 0, name.length));
            known.storedKeysPending = !storedBefore(day).isEmpty();
            dayKeys.put(day, known);
        }
        if (++known.rows == chunkRows && known.storedKeysPending && !known.keysUnknown) {
            known.keysUnknown = !addStoredKeys(known.hash, storedBefore(day));
            known.storedKeysPending = false;
        }
        return known;
    }

    /** The day's row files that earlier runs wrote (this run's are named for it, and their keys are in the filter). */
    private List<Path> storedBefore(String day) throws IOException {
        List<Path> files = listFiles(layout.logsDay(day), StoreLayout.ROW_FILE_SUFFIX);
        files.removeIf(f -> f.getFileName().toString().startsWith(runId + "-"));
        return files;
    }

    private boolean addStoredKeys(long dayHash, List<Path> existing) throws IOException {
        // DuckDB writes the keys out faster than JDBC hands them over one at a time (about 150 ns a
        // key against 430-770), one file at a time so the key file stays the size of one commit's.
        Path keys = runDir.resolve("stored-keys.csv");
        // Its own connection: the committer may be using the writer's at the same time.
        try (Connection reader = ((DuckDBConnection) duck).duplicate(); Statement s = reader.createStatement()) {
            for (Path file : existing) {
                s.execute("COPY (SELECT " + StoreSchema.dedupeKey(null) + " FROM read_parquet(" + StoreSchema.literal(file.toString())
                        + ", union_by_name = true)) TO " + StoreSchema.literal(keys.toString()) + " (FORMAT csv, HEADER false)");
                if (!addKeyLines(keys, dayHash)) {
                    return false;
                }
            }
            return true;
        } catch (SQLException e) {
            // Unreadable here means unread: every row of the day takes the exact check, which reports it.
            return false;
        } finally {
            Files.deleteIfExists(keys);
        }
    }

    /**
     * Adds the key on each line of DuckDB's CSV; false at a quoted one (a key holding a comma, a
     * quote or a line break, or an empty one), whose bytes in the file are not the key's.
     */
    private boolean addKeyLines(Path csv, long dayHash) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(csv)) {
            byte[] buf = new byte[SPOOL_BUFFER];
            long h = DayKeyFilter.EMPTY_HASH;
            boolean lineStart = true;
            for (int n; (n = in.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        keyFilter.add(DayKeyFilter.dayKey(dayHash, h));
                        h = DayKeyFilter.EMPTY_HASH;
                        lineStart = true;
                    } else if (lineStart && b == '"') {
                        return false;
                    } else {
                        h = DayKeyFilter.hashNext(h, b);
                        lineStart = false;
                    }
                }
            }
            return true;
        }
    }

    /** Spools one error document line for the day of its arrival. */
    public void failure(String day, byte[] b, int off, int len) throws IOException {
        Chunk c = current;
        DaySpool spool = c.errors.computeIfAbsent(day, d -> new DaySpool(c.dir.resolve(d + ".errors.json"), null));
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
        Path staged = c.dir.resolve(day + StoreLayout.ROW_FILE_SUFFIX);
        String columns = StoreSchema.canonicalJsonColumns(spool.columns::has);
        String rows = spool.count == 0 ? null : readJson(spool.file, columns);
        String mayBeStored = null;
        if (spool.mayBeStoredCount > 0) {
            mayBeStored = readJson(spool.mayBeStoredFile, columns);
            List<Path> existing = listFiles(dayDir, StoreLayout.ROW_FILE_SUFFIX);
            if (!existing.isEmpty()) {
                mayBeStored = "(SELECT m.* FROM " + mayBeStored + " AS m ANTI JOIN (SELECT " + StoreSchema.dedupeKey(null)
                        + " AS k FROM read_parquet(" + fileList(existing) + ", union_by_name = true)) AS e ON "
                        + StoreSchema.dedupeKey("m") + " = e.k)";
            }
        }
        String source = rows == null ? mayBeStored : mayBeStored == null ? rows : "(SELECT * FROM " + rows + " UNION ALL SELECT * FROM " + mayBeStored + ")";
        StringBuilder q = new StringBuilder("COPY (SELECT ").append(StoreSchema.storedSelect(spool.columns::has))
                .append(" FROM ").append(source).append(" AS n");
        if (c.daysWithRepeats.contains(day)) {
            q.append(" QUALIFY row_number() OVER (PARTITION BY ").append(StoreSchema.dedupeKey("n")).append(") = 1");
        }
        q.append(") TO ").append(StoreSchema.literal(staged.toString())).append(" (").append(StoreSchema.ROW_FILE_OPTIONS).append(')');
        try (Statement s = duck.createStatement()) {
            s.execute(q.toString());
        }
        long written = count("SELECT count(*) FROM read_parquet(" + StoreSchema.literal(staged.toString()) + ")");
        stats.rowsWritten += written;
        stats.duplicateRows += spool.count + spool.mayBeStoredCount - written;
        stats.rowsChecked += spool.mayBeStoredCount;
        if (written > 0) {
            Files.createDirectories(dayDir);
            publish(staged, dayDir.resolve(runId + "-" + c.number + StoreLayout.ROW_FILE_SUFFIX));
            stats.rowFiles++;
            stats.days.add(day);
        } else {
            Files.delete(staged);
        }
        Files.deleteIfExists(spool.file);
        Files.deleteIfExists(spool.mayBeStoredFile);
    }

    private static String readJson(Path spool, String columns) {
        return "read_json(" + StoreSchema.literal(spool.toString()) + ", format = 'newline_delimited', columns = " + columns + ")";
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
    /**
     * Where a row's dedupe key is in its bytes, as {@code from << 32 | to}, or -1 when the bytes do
     * not say it for certain. Rows written by the transformer's writer (and this stack's delivered
     * rows) start with their request id when they have one; a row without one ends with the line
     * hash the ingest appended. A request id holding an escape is not its stored text byte for byte.
     */
    static long keyRange(byte[] b, int off, int len) {
        int end = off + len;
        if (end > off && b[end - 1] == '\n') {
            end--;
        }
        if (ByteArrays.startsWith(b, off, end - off, REQUEST_ID_PREFIX)) {
            for (int i = off + REQUEST_ID_PREFIX.length; i < end; i++) {
                if (b[i] == '"') {
                    return (long) (off + REQUEST_ID_PREFIX.length) << 32 | i;
                }
                if (b[i] == '\\') {
                    return -1;
                }
            }
            return -1;
        }
        int to = end - 2;
        if (to <= off || b[to] != '"' || b[to + 1] != '}') {
            return -1;
        }
        int from = to;
        while (from > off && isLowerHex(b[from - 1])) {
            from--;
        }
        int member = from - LINE_HASH_MEMBER.length;
        if (from == to || member <= off || !ByteArrays.startsWith(b, member, LINE_HASH_MEMBER.length, LINE_HASH_MEMBER)) {
            return -1;
        }
        return (long) from << 32 | to;
    }

    private static boolean isLowerHex(byte c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
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
