package dev.apigwinsights.local.ingest;

import dev.apigwinsights.local.store.StoreLayout;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the command line's inputs into files: a file as given, a directory recursively (sorted,
 * hidden files and folders skipped, and never the store's own rows or staging), {@code -} for
 * standard input. Every problem found here stops the ingest before anything is read.
 */
public final class InputFiles {
    private InputFiles() {
    }

    /** An input the ingest cannot start with; its message names the input and the problem. */
    public static final class BadInputException extends Exception {
        BadInputException(String message) {
            super(message);
        }
    }

    public static List<IngestInput> expand(List<String> args, StoreLayout store) throws BadInputException {
        List<IngestInput> out = new ArrayList<>();
        boolean stdin = false;
        for (String arg : args) {
            if (arg.equals("-")) {
                if (stdin) {
                    throw new BadInputException("standard input ('-') given twice");
                }
                stdin = true;
                out.add(IngestInput.stdin());
                continue;
            }
            Path path = Path.of(arg);
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new BadInputException(arg + ": no such file or directory");
            }
            if (Files.isDirectory(path)) {
                List<IngestInput> files = directory(path, store);
                if (files.isEmpty()) {
                    throw new BadInputException(arg + ": directory holds no files to ingest");
                }
                out.addAll(files);
            } else {
                out.add(file(path, arg));
            }
        }
        return out;
    }

    private static IngestInput file(Path path, String shown) throws BadInputException {
        if (!Files.exists(path)) {
            throw new BadInputException(shown + ": cannot be opened (broken link?)");
        }
        if (!Files.isReadable(path)) {
            throw new BadInputException(shown + ": permission denied");
        }
        if (!Files.isRegularFile(path)) {
            // Named on the command line, a pipe is read as a stream: <(zcat logs.gz), a FIFO.
            // A directory walk never gets here with one (it takes regular files only).
            return IngestInput.pipe(path);
        }
        try {
            return IngestInput.file(path, Files.size(path));
        } catch (IOException e) {
            throw new BadInputException(shown + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static List<IngestInput> directory(Path dir, StoreLayout store) throws BadInputException {
        List<Path> paths = new ArrayList<>();
        try {
            Files.walkFileTree(dir, java.util.EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    return d.equals(dir) || !hidden(d) && !inStoreInternals(d, store)
                            ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    // attrs follow links already; a hidden folder above was pruned whole
                    if (attrs.isRegularFile() && !hidden(f) && !inStoreInternals(f, store)) {
                        paths.add(f);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                    // A link back to a folder above it (current -> ..) holds nothing the walk does not
                    // reach anyway: stepped over, as find -L does.
                    if (e instanceof FileSystemLoopException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            String why = e instanceof java.nio.file.AccessDeniedException ? "permission denied: " + e.getMessage() : e.toString();
            throw new BadInputException(dir + ": cannot be listed (" + why + ")");
        }
        paths.sort(null);
        List<IngestInput> out = new ArrayList<>(paths.size());
        for (Path p : paths) {
            out.add(file(p, p.toString()));
        }
        return out;
    }

    /** A dot name: hidden, with everything under it (a folder's subtree is pruned when it is visited). */
    private static boolean hidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    /** The store's rows (already stored) and its staging area are never inputs; its error documents may be (a replay). */
    private static boolean inStoreInternals(Path p, StoreLayout store) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(store.logs()) || abs.startsWith(store.staging()) || abs.equals(store.lockFile());
    }
}
