package dev.apigwinsights.quicksight;

import java.util.List;
import java.util.Objects;

/** The whole dashboard: its sheets in tab order and the filters every content sheet shares. */
public record DashboardSpec(String dataSetIdentifier, List<SheetSpec> sheets, List<FilterSpec> filters) {

    public DashboardSpec {
        Objects.requireNonNull(dataSetIdentifier, "dataSetIdentifier");
        sheets = List.copyOf(sheets);
        filters = List.copyOf(filters);
        for (FilterSpec filter : filters) {
            if (!filter.visualIds().isEmpty()) {
                throw new IllegalArgumentException(filter.id() + ": a dashboard-wide filter narrows whole sheets, not chosen visuals");
            }
        }
    }
}
