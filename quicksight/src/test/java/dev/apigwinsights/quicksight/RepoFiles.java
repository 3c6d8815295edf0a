package dev.apigwinsights.quicksight;

import dev.apigwinsights.infra.RepositoryRoot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** Files of the repository under test; the root comes from Maven ({@code apigw.repo.root}). */
final class RepoFiles {

    private RepoFiles() {
    }

    static String read(String relative) {
        try {
            return Files.readString(RepositoryRoot.find().resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
