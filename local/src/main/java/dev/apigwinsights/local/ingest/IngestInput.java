package dev.apigwinsights.local.ingest;

import java.nio.file.Path;

/**
 * One input of an ingest: a file, or standard input ({@code path} null).
 *
 * @param size the file's size in bytes, or -1 for standard input (progress is then open-ended)
 */
public record IngestInput(String name, Path path, long size) {
    public static IngestInput stdin() {
        return new IngestInput("-", null, -1);
    }

    public static IngestInput file(Path path, long size) {
        return new IngestInput(path.toString(), path, size);
    }
}
