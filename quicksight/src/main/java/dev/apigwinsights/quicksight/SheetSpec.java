package dev.apigwinsights.quicksight;

import java.util.List;
import java.util.Objects;

/**
 * One sheet: a name, a description shown at its top, an optional text (markdown-free plain
 * paragraphs) shown above its visuals, its visuals in reading order, and its own filters.
 * Content sheets take the dashboard-wide filters; the About sheet does not.
 */
public record SheetSpec(String id, String name, String description, List<String> paragraphs,
                        List<VisualSpec> visuals, List<FilterSpec> filters, boolean content) {

    public SheetSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        paragraphs = List.copyOf(paragraphs);
        visuals = List.copyOf(visuals);
        filters = List.copyOf(filters);
        if (!Ids.isValid(id)) {
            throw new IllegalArgumentException("sheet id '" + id + "' is not a QuickSight id");
        }
    }

    public static SheetSpec content(String id, String name, String description, List<VisualSpec> visuals,
                                    List<FilterSpec> filters) {
        return new SheetSpec(id, name, description, List.of(), visuals, filters, true);
    }
}
