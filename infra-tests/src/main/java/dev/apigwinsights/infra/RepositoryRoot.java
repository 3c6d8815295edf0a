package dev.apigwinsights.infra;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository under test: {@code -Dapigw.repo.root} (set by Maven), or else the first folder up with template.yaml. */
public final class RepositoryRoot {

    private RepositoryRoot() {
    }

    public static Path find() {
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
}
