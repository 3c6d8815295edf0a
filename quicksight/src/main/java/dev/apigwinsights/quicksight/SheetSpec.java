package dev.apigwinsights.quicksight;

import java.util.List;
import java.util.Objects;

/**
 * One sheet: a name, a description shown at its top, an optional text (plain paragraphs) shown
 * above its visuals, and its visuals in reading order. Filters say themselves which sheets they
 * narrow ({@link FilterSpec#scope()}).
 */
public record SheetSpec(String id, String name, String description, List<String> paragraphs, List<VisualSpec> visuals) {

    public SheetSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        paragraphs = List.copyOf(paragraphs);
        visuals = List.copyOf(visuals);
        if (!Ids.isValid(id)) {
            throw new IllegalArgumentException("sheet id '" + id + "' is not a QuickSight id");
        }
    }
}
