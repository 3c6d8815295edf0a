package dev.apigwinsights.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository under test: the root comes from Maven ({@code apigw.repo.root}). */
final class Repo {

    private static Template template;

    private Repo() {
    }

    static Path root() {
        String configured = System.getProperty("apigw.repo.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        // Running from an IDE: the module folder is the working directory.
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("template.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find template.yaml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(file(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** template.yaml, parsed once per test JVM. */
    static synchronized Template template() {
        if (template == null) {
            template = Template.parse(read("template.yaml"));
        }
        return template;
    }
}
