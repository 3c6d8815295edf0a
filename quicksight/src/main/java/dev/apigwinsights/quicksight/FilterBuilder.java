package dev.apigwinsights.quicksight;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

import static dev.apigwinsights.quicksight.Json.arr;
import static dev.apigwinsights.quicksight.Json.obj;

/**
 * Turns a {@link FilterSpec} into a QuickSight filter group (scoped to the sheets and visuals it
 * narrows) and, per sheet of its scope, the control that sets it. Group ids are
 * {@code <filter>-group}; control ids {@code <filter>-<sheet>}.
 */
final class FilterBuilder {

    /** Default window of a relative time filter: the last 7 days. */
    static final int DEFAULT_DAYS = 7;

    private final Fields fields;

    FilterBuilder(Fields fields) {
        this.fields = fields;
    }

    /** The filter group for {@code filter}. */
    ObjectNode group(FilterSpec filter) {
        List<ObjectNode> scopes = new ArrayList<>();
        filter.scope().forEach((sheetId, visualIds) -> scopes.add(visualIds.isEmpty()
                ? obj("SheetId", sheetId, "Scope", "ALL_VISUALS")
                : obj("SheetId", sheetId, "Scope", "SELECTED_VISUALS", "VisualIds", arr(visualIds))));
        return obj(
                "FilterGroupId", filter.id() + "-group",
                "Filters", arr(filter(filter)),
                "ScopeConfiguration", obj("SelectedSheets", obj("SheetVisualScopingConfigurations", arr(scopes))),
                "CrossDataset", "SINGLE_DATASET",
                "Status", "ENABLED");
    }

    ObjectNode filter(FilterSpec filter) {
        if (fields.aggregated(filter.dataSet(), filter.column())) {
            throw new IllegalArgumentException(filter.id() + ": " + filter.column() + " aggregates itself; it cannot filter rows");
        }
        ColumnType type = fields.type(filter.dataSet(), filter.column());
        ObjectNode column = obj("DataSetIdentifier", filter.dataSet(), "ColumnName", filter.column());
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
            case FLAG -> {
                if (!type.isNumeric()) {
                    throw new IllegalArgumentException(filter.id() + ": a FLAG filter needs a numeric column, "
                            + filter.column() + " is " + type);
                }
                yield obj("NumericEqualityFilter", obj(
                        "FilterId", filter.id(),
                        "Column", column,
                        "Value", 1.0,
                        "MatchOperator", "EQUALS",
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
                    "Type", "MULTI_SELECT",
                    "SelectableValues", filter.selectableValues().isEmpty() ? null : obj("Values", arr(filter.selectableValues()))));
            case EXACT_TEXT -> obj("TextField", obj(
                    "FilterControlId", controlId, "Title", filter.controlTitle(), "SourceFilterId", filter.id()));
            case RELATIVE_TIME -> obj("RelativeDateTime", obj(
                    "FilterControlId", controlId, "Title", filter.controlTitle(), "SourceFilterId", filter.id()));
            case FLAG -> throw new IllegalArgumentException(filter.id() + ": a fixed condition has no control");
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
