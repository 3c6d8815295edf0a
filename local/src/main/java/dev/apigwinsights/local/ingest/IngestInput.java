package dev.apigwinsights.local.ingest;

import java.nio.file.Path;

/**
 * One input of an ingest: a file, a pipe named by a path ({@code <(zcat logs.gz)}, a FIFO), or
 * standard input ({@code path} null).
 *
 * @param size the file's size in bytes, or -1 for a pipe or standard input (progress is then
 *        open-ended, and the input is read once, front to back)
 */
public record IngestInput(String name, Path path, long size) {
    public static IngestInput stdin() {
        return new IngestInput("-", null, -1);
    }

    /** A pipe named by a path: read as a stream, like standard input. */
    public static IngestInput pipe(Path path) {
        return new IngestInput(path.toString(), path, -1);
    }

    /** Whether the input is a file that can be read again and from anywhere (a Parquet footer, a zip's directory). */
    public boolean seekable() {
        return path != null && size >= 0;
    }

    public static IngestInput file(Path path, long size) {
        return new IngestInput(path.toString(), path, size);
    }
}
