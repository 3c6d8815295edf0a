package dev.apigwinsights.reports.layout;

import java.util.List;
import java.util.Objects;

/** A chapter of a report: a title, one sentence saying what it answers, and its blocks. */
public record Section(String id, String title, String lead, List<Block> blocks) {

    public Section {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(lead, "lead");
        blocks = List.copyOf(blocks);
    }

    public static Section of(String id, String title, String lead, Block... blocks) {
        return new Section(id, title, lead, List.of(blocks));
    }
}
