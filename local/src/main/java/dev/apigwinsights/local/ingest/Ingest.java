package dev.apigwinsights.local.ingest;

import dev.apigwinsights.firehose.FirehoseBatchTransformer;
import dev.apigwinsights.local.store.IngestLock;
import dev.apigwinsights.local.store.StoreLayout;
import dev.apigwinsights.local.store.StoreWriter;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The local pipeline: inputs → framings → Firehose simulator (the real transformer, on every
 * core) → store, in input order.
 *
 * <p>Threads: the caller reads inputs and cuts batches; a pool of {@code workers} transforms
 * them in parallel; one writer thread takes the results in submission order and spools them into
 * the {@link StoreWriter}, which commits by chunks. A bounded queue between reader and writer
 * keeps memory at a few batches whatever the input size.
 */
public final class Ingest {
    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /**
     * @param chunkRows          rows per store commit
     * @param duckDbMemoryLimit  DuckDB's memory limit while committing (it spills to disk beyond)
     * @param workers            transformer threads
     * @param duckDbThreads      DuckDB threads of commits that overlap transforming
     */
    public record Options(long chunkRows, String duckDbMemoryLimit, int workers, int duckDbThreads) {
        public static Options defaults() {
            return new Options(StoreWriter.DEFAULT_CHUNK_ROWS, "1GB", Runtime.getRuntime().availableProcessors(), 1);
        }
    }

    /** Archives nest this deep at most (a zip of {@code .tar.gz} bundles of exports is two). */
    private static final int MAX_ARCHIVE_DEPTH = 4;

    private final FirehoseSimulator simulator;
    private final Clock clock;
    private final InputStream stdin;

    public Ingest(FirehoseBatchTransformer transformer, Clock clock, InputStream stdin) {
        this.simulator = new FirehoseSimulator(transformer, clock);
        this.clock = clock;
        this.stdin = stdin;
    }

    /**
     * Ingests {@code inputs} into the store at {@code dataDir}. An input that cannot be read to its
     * end is reported in the summary's {@code inputErrors}; what was read before stays ingested.
     *
     * @throws IngestLock.StoreBusyException when another ingest is writing to the same directory
     * @throws IOException or SQLException when the store cannot be written
     */
    @SuppressWarnings("try") // the lock is held for the block, never referenced in it
    public IngestSummary run(Path dataDir, List<IngestInput> inputs, Options options, Progress progress)
            throws IOException, SQLException {
        long started = System.nanoTime();
        StoreLayout layout = new StoreLayout(dataDir);
        long runStart = clock.millis();
        String runId = RUN_TIME.format(clock.instant()) + "-" + String.format("%08x", ThreadLocalRandom.current().nextInt());
        try (IngestLock lock = IngestLock.acquire(layout);
             StoreWriter writer = new StoreWriter(layout, runId, options.chunkRows(), options.duckDbMemoryLimit(), options.duckDbThreads())) {
            Pipeline pipeline = new Pipeline(writer, options.workers(), progress);
            Map<InputKind, Integer> kinds = new EnumMap<>(InputKind.class);
            List<String> errors = new ArrayList<>();
            long bytes = 0;
            try {
                for (IngestInput input : inputs) {
                    bytes += read(input, runStart, pipeline, kinds, errors, bytes);
                }
                pipeline.finish();
            } catch (WriterFailedException e) {
                pipeline.rethrow(e.getCause());
                throw e;
            } finally {
                pipeline.shutdown();
            }
            writer.commit();
            return summary(pipeline, writer.stats(), inputs.size(), bytes, kinds, errors,
                    (System.nanoTime() - started) / 1e9, layout.root());
        }
    }

    /** Reads one input into the pipeline; returns the bytes read. */
    private long read(IngestInput input, long runStart, Pipeline pipeline, Map<InputKind, Integer> kinds,
                      List<String> errors, long bytesBefore) throws IOException {
        CountingInputStream counted = null;
        try (InputStream raw = input.path() == null ? new FilterInputStream(stdin) {
            @Override
            public void close() {
                // standard input stays open for the process
            }
        } : input.seekable() ? Files.newInputStream(input.path())
                // a pipe: its channel stream's available() asks for a position, which a pipe has not
                : new java.io.FileInputStream(input.path().toFile())) {
            counted = new CountingInputStream(raw);
            CountingInputStream position = counted;
            pipeline.position(() -> bytesBefore + position.count());
            Source source = new Source(input.name(), input.path(), input.seekable() ? input.path() : null, runStart, 0);
            readStream(source, new BufferedInputStream(counted, 1 << 16), pipeline, kinds, errors);
        } catch (IOException e) {
            long at = counted == null ? 0 : counted.count();
            errors.add(input.name() + ": " + describe(e) + (at > 0 ? " after " + at + " bytes; what was read before it was ingested" : ""));
        }
        return counted == null ? 0 : counted.count();
    }

    /**
     * Where a stream comes from: its name in messages, the path that names it (an archive member's
     * inside the archive), the file that holds exactly its bytes (null when it is standard input,
     * gzip or an archive member), and how many archives enclose it.
     */
    private record Source(String name, Path naming, Path file, long runStart, int depth) {
        InputContext context() {
            return new InputContext(naming, file, runStart);
        }
    }

    /** Undoes gzip, then reads an archive's files one by one, or the stream as one input. */
    private void readStream(Source source, BufferedInputStream in, Pipeline pipeline, Map<InputKind, Integer> kinds,
                            List<String> errors) throws IOException {
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        InputStream content = in;
        if (gzip) {
            content = new BufferedInputStream(new GzipData(in), 1 << 16);
            source = new Source(source.name(), source.naming(), null, source.runStart(), source.depth());
        }
        byte[] head = head(content);
        Archive archive = Archive.open(head, head.length, content, source.file());
        if (archive != null) {
            readArchive(source, archive, pipeline, kinds, errors);
            return;
        }
        OtherCompression other = OtherCompression.of(head, head.length);
        if (other != null) {
            kinds.merge(InputKind.BINARY, 1, Integer::sum);
            errors.add(source.name() + ": " + other.message());
            return;
        }
        content = Utf16Input.utf8(content);
        if (!content.markSupported()) {
            content = new BufferedInputStream(content, 1 << 16);
        }
        head = head(content);
        boolean nulsDropped = false;
        while (true) {
            if (!nulsDropped && InputDetector.hasZeroBlock(head, head.length)) {
                content = new BufferedInputStream(new NulDroppingInput(content), 1 << 16);
                nulsDropped = true;
            } else if (head.length == InputDetector.HEAD_BYTES && InputDetector.isBlank(head, head.length)) {
                // A head of nothing but blank lines would be judged an empty input and what follows lost.
                skipLeadingBlankLines(content, pipeline);
            } else {
                break;
            }
            head = head(content);
        }
        InputKind kind = InputDetector.detect(head, head.length);
        kinds.merge(kind, 1, Integer::sum);
        if (kind == InputKind.BINARY) {
            errors.add(source.name() + ": binary data, not a log (or text neither UTF-8 nor UTF-16): skipped");
        }
        if (InputDetector.hasUtf8Bom(head, head.length)) {
            // A UTF-8 byte order mark (Windows editors, PowerShell 7) is not part of the first line:
            // left in, the first export or tail line would lose its time prefix and fail.
            content.skipNBytes(3);
        }
        kind.framing().read(content, source.context(), pipeline);
    }

    /**
     * Steps over the whitespace (and a UTF-8 byte order mark) that {@code content} starts with, up to
     * the first other byte, counting each line it ends as blank.
     */
    private static void skipLeadingBlankLines(InputStream content, RecordSink sink) throws IOException {
        byte[] chunk = new byte[InputDetector.HEAD_BYTES];
        boolean first = true;
        while (true) {
            content.mark(chunk.length);
            int n = content.readNBytes(chunk, 0, chunk.length);
            int i = first && InputDetector.hasUtf8Bom(chunk, n) ? 3 : 0;
            first = false;
            for (; i < n && InputDetector.isWhitespace(chunk[i]); i++) {
                if (chunk[i] == '\n') {
                    sink.blankLine();
                }
            }
            content.reset();
            content.skipNBytes(i);
            if (i < n || n < chunk.length) {
                return;
            }
        }
    }

    /**
     * The first bytes of {@code content} (which supports mark), leaving it where it was. When the
     * data fails before {@link InputDetector#HEAD_BYTES} (a small truncated download), the bytes
     * before the failure are the head: the framing reads them and meets the failure again there.
     */
    private static byte[] head(InputStream content) throws IOException {
        content.mark(InputDetector.HEAD_BYTES);
        byte[] head = new byte[InputDetector.HEAD_BYTES];
        int n = 0;
        try {
            for (int r; n < head.length && (r = content.read(head, n, head.length - n)) >= 0; ) {
                n += r;
            }
        } catch (IOException e) {
            if (n == 0) {
                throw e;
            }
        }
        content.reset();
        return n == head.length ? head : java.util.Arrays.copyOf(head, n);
    }

    /**
     * Reads each file of {@code archive} as an input of its own, named {@code archive!/member}. A
     * member that fails is reported and the next one is read; a failure of the archive's own data
     * ends it (reported by the caller).
     */
    private void readArchive(Source source, Archive archive, Pipeline pipeline, Map<InputKind, Integer> kinds,
                             List<String> errors) throws IOException {
        if (source.depth() >= MAX_ARCHIVE_DEPTH) {
            errors.add(source.name() + ": an archive inside " + MAX_ARCHIVE_DEPTH + " others: not read (extract it first)");
            return;
        }
        boolean first = true;
        for (Archive.Entry entry = archive.next(); entry != null; entry = archive.next(), first = false) {
            if (first && Archive.isDocumentPackage(entry.name())) {
                kinds.merge(InputKind.BINARY, 1, Integer::sum);
                errors.add(source.name() + ": a document or program package (Office, OpenDocument, EPUB, Java), not logs: skipped");
                return;
            }
            Source member = new Source(source.name() + "!/" + entry.name(), memberPath(entry.name()), null,
                    source.runStart(), source.depth() + 1);
            try {
                readStream(member, new BufferedInputStream(entry.content(), 1 << 16), pipeline, kinds, errors);
            } catch (Archive.CorruptArchiveException e) {
                if (e.isOf(archive)) {
                    throw e;
                }
                errors.add(member.name() + ": " + describe(e));
            } catch (IOException e) {
                errors.add(member.name() + ": " + describe(e));
            }
        }
    }

    /** The member's path for naming (an export's log stream is its folder); null when it is no path here. */
    private static Path memberPath(String member) {
        try {
            return Path.of(member);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** A gzip stream whose failures say so: a truncated download is the usual one. */
    private static final class GzipData extends FilterInputStream {
        GzipData(InputStream in) throws IOException {
            super(null);
            try {
                this.in = new GZIPInputStream(in, 1 << 16);
            } catch (EOFException | ZipException e) {
                throw new CorruptGzipException(e);
            }
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (EOFException | ZipException e) {
                throw new CorruptGzipException(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (EOFException | ZipException e) {
                throw new CorruptGzipException(e);
            }
        }

        /** Unknown: so that a buffer over this returns what it has before it reads again (see {@link #head}). */
        @Override
        public int available() {
            return 0;
        }
    }

    private static final class CorruptGzipException extends IOException {
        CorruptGzipException(IOException cause) {
            super("truncated or corrupt gzip data", cause);
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private static IngestSummary summary(Pipeline p, StoreWriter.Stats stats, int inputs, long bytes, Map<InputKind, Integer> kinds,
                                         List<String> errors, double seconds, Path dataDir) {
        BatchOutcome t = p.totals;
        long rowsTransformed = p.rowsTransformed;
        Map<String, Long> reasons = new TreeMap<>();
        t.reasons.forEach((k, v) -> reasons.put(k, v.longValue()));
        return new IngestSummary(inputs, bytes, kinds, rowsTransformed + t.entriesFailed + t.entriesDropped, p.blankLines,
                t.records, t.ok, t.dropped, t.failed, t.entriesFailed, t.entriesDropped, rowsTransformed, p.rowsPassedThrough,
                stats.rowsWritten(), stats.duplicateRows(), stats.failuresWritten(), stats.failuresAlreadyStored(), reasons,
                List.copyOf(errors), seconds, dataDir);
    }

    /** Thrown through the framings when the writer has failed: the run stops. */
    private static final class WriterFailedException extends RuntimeException {
        WriterFailedException(Throwable cause) {
            super(cause);
        }
    }

    /** The record sink, the ordered queue of transform results, and the writer thread. */
    private final class Pipeline implements RecordSink {
        private final StoreWriter writer;
        private final ExecutorService workers;
        private final BlockingQueue<Future<BatchOutcome>> queue;
        private final Thread writerThread;
        private final Future<BatchOutcome> end = CompletableFuture.completedFuture(null);
        private final Progress progress;
        private volatile Throwable writerError;
        private java.util.function.LongSupplier position = () -> 0;

        private List<SourceRecord> batch = new ArrayList<>();
        private long batchWeight;
        private BatchOutcome stored = new BatchOutcome();
        long blankLines;

        // written by the writer thread, read after it is joined
        final BatchOutcome totals = new BatchOutcome();
        long rowsTransformed;
        long rowsPassedThrough;

        Pipeline(StoreWriter writer, int workerCount, Progress progress) {
            this.writer = writer;
            this.progress = progress;
            AtomicInteger n = new AtomicInteger();
            this.workers = Executors.newFixedThreadPool(Math.max(1, workerCount), r -> {
                Thread t = new Thread(r, "ingest-transform-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            this.queue = new ArrayBlockingQueue<>(Math.max(1, workerCount) * 2 + 1);
            this.writerThread = new Thread(this::drain, "ingest-writer");
            this.writerThread.setDaemon(true);
            this.writerThread.start();
        }

        void position(java.util.function.LongSupplier position) {
            this.position = position;
        }

        @Override
        public void record(SourceRecord record) {
            if (stored.rowCount() > 0) {
                flushStored();
            }
            int weight = FirehoseSimulator.weight(record);
            if (!batch.isEmpty() && (batch.size() >= FirehoseSimulator.MAX_BATCH_RECORDS
                    || batchWeight + weight > FirehoseSimulator.MAX_BATCH_WEIGHT)) {
                flushBatch();
            }
            batch.add(record);
            batchWeight += weight;
        }

        @Override
        public void canonicalRow(byte[] line, String day) {
            if (!batch.isEmpty()) {
                flushBatch();
            }
            stored.rows.append(line);
            stored.endRow(day);
            stored.canonicalRows++;
            if (stored.rows.length() >= FirehoseSimulator.MAX_BATCH_WEIGHT) {
                flushStored();
            }
        }

        @Override
        public void blankLine() {
            blankLines++;
        }

        private void flushBatch() {
            List<SourceRecord> records = batch;
            batch = new ArrayList<>();
            batchWeight = 0;
            enqueue(workers.submit(() -> simulator.process(records)));
        }

        private void flushStored() {
            enqueue(CompletableFuture.completedFuture(stored));
            stored = new BatchOutcome();
        }

        private void enqueue(Future<BatchOutcome> f) {
            try {
                while (!queue.offer(f, 100, TimeUnit.MILLISECONDS)) {
                    if (writerError != null) {
                        throw new WriterFailedException(writerError);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WriterFailedException(e);
            }
            progress.at(position.getAsLong());
        }

        /** Hands over what is pending and waits until the writer has spooled everything. */
        void finish() throws IOException, SQLException {
            if (!batch.isEmpty()) {
                flushBatch();
            }
            if (stored.rowCount() > 0) {
                flushStored();
            }
            enqueue(end);
            try {
                writerThread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            rethrow(writerError);
            progress.at(position.getAsLong());
        }

        void shutdown() {
            workers.shutdownNow();
            writerThread.interrupt();
        }

        private void drain() {
            try {
                while (true) {
                    Future<BatchOutcome> f = queue.take();
                    if (f == end) {
                        return;
                    }
                    write(f.get());
                }
            } catch (ExecutionException e) {
                writerError = e.getCause();
            } catch (InterruptedException e) {
                writerError = e;
            } catch (Throwable e) {
                writerError = e;
            }
        }

        private void write(BatchOutcome o) throws IOException, SQLException {
            byte[] rows = o.rows.array();
            // only the transformer's own lines are scanned for their columns; stored rows passed through keep them all
            boolean transformed = o.canonicalRows == 0;
            for (int i = 0; i < o.rowCount(); i++) {
                if (transformed) {
                    writer.transformedRow(o.rowDay(i), rows, o.rowStart(i), o.rowEnd(i) - o.rowStart(i));
                } else {
                    writer.row(o.rowDay(i), rows, o.rowStart(i), o.rowEnd(i) - o.rowStart(i));
                }
            }
            byte[] failures = o.failures.array();
            for (int i = 0; i < o.failureCount(); i++) {
                writer.failure(o.failureDay(i), failures, o.failureStart(i), o.failureEnd(i) - o.failureStart(i));
            }
            rowsTransformed += o.rowsTransformed();
            rowsPassedThrough += o.canonicalRows;
            totals.records += o.records;
            totals.ok += o.ok;
            totals.dropped += o.dropped;
            totals.failed += o.failed;
            totals.entriesFailed += o.entriesFailed;
            totals.entriesDropped += o.entriesDropped;
            o.reasons.forEach((k, v) -> totals.reasons.merge(k, v, Integer::sum));
        }

        private void rethrow(Throwable e) throws IOException, SQLException {
            if (e == null) {
                return;
            }
            if (e instanceof IOException io) {
                throw io;
            }
            if (e instanceof SQLException sql) {
                throw sql;
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            if (e instanceof Error err) {
                throw err;
            }
            throw new IOException(e);
        }
    }
}
