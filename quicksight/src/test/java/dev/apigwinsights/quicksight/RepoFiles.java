package dev.apigwinsights.quicksight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository under test; the root comes from Maven ({@code apigw.repo.root}). */
final class RepoFiles {

    private RepoFiles() {
    }

    static Path root() {
        String configured = System.getProperty("apigw.repo.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("template.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find template.yaml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static String read(String relative) {
        try {
            return Files.readString(root().resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
