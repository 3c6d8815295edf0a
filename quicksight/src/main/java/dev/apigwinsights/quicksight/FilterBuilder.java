package dev.apigwinsights.quicksight;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

import static dev.apigwinsights.quicksight.Json.arr;
import static dev.apigwinsights.quicksight.Json.obj;

/**
 * Turns a {@link FilterSpec} into a QuickSight filter group (scoped to the sheets, or the visuals,
 * it narrows) and, per sheet, the control that sets it. Group ids are {@code <filter>-group};
 * control ids {@code <filter>-<sheet>}.
 */
final class FilterBuilder {

    /** Default window of a relative time filter: the last 7 days. */
    static final int DEFAULT_DAYS = 7;

    private final String dataSet;
    private final DataSetColumns columns;

    FilterBuilder(String dataSetIdentifier, DataSetColumns columns) {
        this.dataSet = dataSetIdentifier;
        this.columns = columns;
    }

    /** The filter group for {@code filter}, applying to {@code sheetIds} (all their visuals, or the filter's own). */
    ObjectNode group(FilterSpec filter, List<String> sheetIds) {
        List<ObjectNode> scopes = sheetIds.stream()
                .map(sheetId -> filter.visualIds().isEmpty()
                        ? obj("SheetId", sheetId, "Scope", "ALL_VISUALS")
                        : obj("SheetId", sheetId, "Scope", "SELECTED_VISUALS", "VisualIds", arr(filter.visualIds())))
                .toList();
        return obj(
                "FilterGroupId", filter.id() + "-group",
                "Filters", arr(filter(filter)),
                "ScopeConfiguration", obj("SelectedSheets", obj("SheetVisualScopingConfigurations", arr(scopes))),
                "CrossDataset", "SINGLE_DATASET",
                "Status", "ENABLED");
    }

    ObjectNode filter(FilterSpec filter) {
        ColumnType type = columns.require(filter.column()).type();
        ObjectNode column = obj("DataSetIdentifier", dataSet, "ColumnName", filter.column());
        return switch (filter.kind()) {
            case VALUES -> categoryFilter(filter, type, column, obj("FilterListConfiguration", obj(
                    "MatchOperator", "CONTAINS", "SelectAllOptions", "FILTER_ALL_VALUES", "NullOption", "ALL_VALUES")));
            case EXACT_TEXT -> categoryFilter(filter, type, column, obj("CustomFilterConfiguration", obj(
                    "MatchOperator", "EQUALS", "SelectAllOptions", "FILTER_ALL_VALUES", "NullOption", "NON_NULLS_ONLY")));
            case RELATIVE_TIME -> {
                requireType(filter, type, ColumnType.DATETIME);
                yield obj("RelativeDatesFilter", obj(
                        "FilterId", filter.id(),
                        "Column", column,
                        "AnchorDateConfiguration", obj("AnchorOption", "NOW"),
                        "TimeGranularity", "DAY",
                        "MinimumGranularity", "DAY",
                        "RelativeDateType", "LAST",
                        "RelativeDateValue", DEFAULT_DAYS,
                        "NullOption", "NON_NULLS_ONLY"));
            }
        };
    }

    private static ObjectNode categoryFilter(FilterSpec filter, ColumnType type, ObjectNode column, ObjectNode configuration) {
        requireType(filter, type, ColumnType.STRING);
        return obj("CategoryFilter", obj("FilterId", filter.id(), "Column", column, "Configuration", configuration));
    }

    /** The control for {@code filter} on sheet {@code sheetId}. */
    ObjectNode control(FilterSpec filter, String sheetId) {
        String controlId = controlId(filter, sheetId);
        return switch (filter.kind()) {
            case VALUES -> obj("Dropdown", obj(
                    "FilterControlId", controlId, "Title", filter.controlTitle(), "SourceFilterId", filter.id(),
                    "Type", "MULTI_SELECT"));
            case EXACT_TEXT -> obj("TextField", obj(
                    "FilterControlId", controlId, "Title", filter.controlTitle(), "SourceFilterId", filter.id()));
            case RELATIVE_TIME -> obj("RelativeDateTime", obj(
                    "FilterControlId", controlId, "Title", filter.controlTitle(), "SourceFilterId", filter.id()));
        };
    }

    static String controlId(FilterSpec filter, String sheetId) {
        return filter.id() + "-" + sheetId;
    }

    private static void requireType(FilterSpec filter, ColumnType actual, ColumnType expected) {
        if (actual != expected) {
            throw new IllegalArgumentException(filter.id() + ": a " + filter.kind() + " filter needs a " + expected
                    + " column, " + filter.column() + " is " + actual);
        }
    }
}
