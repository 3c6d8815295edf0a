package dev.apigwinsights.eventkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The shared fixtures in the repository's events/ folder (surefire passes its location). */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path dir() {
        String dir = System.getProperty("apigw.events.dir");
        Path p = dir != null ? Path.of(dir) : Path.of("../../events");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("events/ folder not found at " + p.toAbsolutePath());
        }
        return p;
    }

    public static Path path(String name) {
        return dir().resolve(name);
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> lines(String name) {
        try {
            return Files.readAllLines(path("lines/" + name), StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
