package dev.apigwinsights.local.ingest;

import java.nio.file.Path;

/**
 * What a framing may know about its input besides the bytes.
 *
 * @param path        the path that names the input (a file's, or an archive member's inside its
 *                    archive), or null for standard input
 * @param file        a file that holds exactly the input's bytes, or null (standard input, gzip
 *                    data, an archive member)
 * @param runStartMs  the ingest's start: the Firehose arrival time of records with no better one
 */
record InputContext(Path path, Path file, long runStartMs) {

    /**
     * The log stream of a CloudWatch Logs export file: export tasks write
     * {@code <prefix>/<task-id>/<log-stream>/000000.gz}, so the folder of a file named like that
     * is its stream; null otherwise.
     */
    String exportLogStream() {
        if (path == null || path.getParent() == null || !path.getFileName().toString().matches("\\d{6}(\\.gz)?")) {
            return null;
        }
        return path.getParent().getFileName().toString();
    }
}
