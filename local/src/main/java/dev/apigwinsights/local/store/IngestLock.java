package dev.apigwinsights.local.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

/**
 * One ingest writes to a data directory at a time: two concurrent ones could each miss the
 * other's rows when removing duplicates. The OS releases the lock when the process dies, so a
 * killed ingest never blocks the next one.
 */
public final class IngestLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private IngestLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws StoreBusyException when another ingest holds the directory */
    public static IngestLock acquire(StoreLayout layout) throws IOException {
        Files.createDirectories(layout.root());
        FileChannel channel = FileChannel.open(layout.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new StoreBusyException("another ingest is writing to " + layout.root() + "; wait for it to finish");
        }
        return new IngestLock(channel, lock);
    }

    /** Another process is ingesting into the same data directory. */
    public static final class StoreBusyException extends IOException {
        StoreBusyException(String message) {
            super(message);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
