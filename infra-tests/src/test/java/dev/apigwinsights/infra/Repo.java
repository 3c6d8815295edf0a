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
        return RepositoryRoot.find();
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
