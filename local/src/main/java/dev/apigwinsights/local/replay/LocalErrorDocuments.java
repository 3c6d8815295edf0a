package dev.apigwinsights.local.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Error documents in local files: each path a file, or a folder read recursively, in path order. */
final class LocalErrorDocuments implements ErrorDocumentSource {
    private final List<Path> paths;

    LocalErrorDocuments(List<Path> paths) {
        this.paths = List.copyOf(paths);
    }

    @Override
    public String describe() {
        return paths.toString();
    }

    @Override
    public void forEachObject(TimeWindow window, ObjectReader reader, ReplayStats stats) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new NoSuchFileException(p.toString());
            }
        }
        for (Path file : files) {
            String name = file.toString().replace('\\', '/');
            if (!ErrorDocumentSource.partitionDay(name).map(window::mayHoldDay).orElse(true)) {
                stats.objectsOutsideWindow++;
                continue;
            }
            try (InputStream in = Files.newInputStream(file)) {
                reader.read(name, in);
            }
        }
    }
}
