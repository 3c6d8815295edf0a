package dev.apigwinsights.quicksight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

import static dev.apigwinsights.quicksight.Json.arr;
import static dev.apigwinsights.quicksight.Json.obj;

/**
 * Builds the {@code Definition} shared by the dashboard and the analysis from a
 * {@link DashboardSpec}: one data set declaration, the sheets with their visuals, text boxes,
 * filter controls and grid layouts, and the filter groups (dashboard-wide filters scoped to every
 * content sheet, sheet filters to their sheet).
 */
public final class DefinitionBuilder {

    private final DataSetColumns columns;

    public DefinitionBuilder(DataSetColumns columns) {
        this.columns = columns;
    }

    /** The definition; {@code dataSetArn} is the value (often an intrinsic) of the data set's ARN. */
    public ObjectNode build(DashboardSpec dashboard, JsonNode dataSetArn) {
        VisualBuilder visuals = new VisualBuilder(dashboard.dataSetIdentifier(), columns);
        FilterBuilder filters = new FilterBuilder(dashboard.dataSetIdentifier(), columns);
        List<String> contentSheets = dashboard.sheets().stream().filter(SheetSpec::content).map(SheetSpec::id).toList();

        List<ObjectNode> sheets = new ArrayList<>();
        List<ObjectNode> filterGroups = new ArrayList<>();
        for (FilterSpec filter : dashboard.filters()) {
            filterGroups.add(filters.group(filter, contentSheets));
        }
        for (SheetSpec sheet : dashboard.sheets()) {
            sheets.add(sheet(sheet, sheet.content() ? dashboard.filters() : List.of(), visuals, filters));
            for (FilterSpec filter : sheet.filters()) {
                filterGroups.add(filters.group(filter, List.of(sheet.id())));
            }
        }
        return obj(
                "DataSetIdentifierDeclarations", arr(obj("Identifier", dashboard.dataSetIdentifier(), "DataSetArn", dataSetArn)),
                "Sheets", arr(sheets),
                "FilterGroups", filterGroups.isEmpty() ? null : arr(filterGroups),
                "AnalysisDefaults", obj("DefaultNewSheetConfiguration", obj(
                        "InteractiveLayoutConfiguration", obj("Grid", obj("CanvasSizeOptions",
                                obj("ScreenCanvasSizeOptions", obj("ResizeOption", "RESPONSIVE")))),
                        "SheetContentType", "INTERACTIVE")),
                "Options", obj("Timezone", "UTC", "WeekStart", "MONDAY"));
    }

    private ObjectNode sheet(SheetSpec sheet, List<FilterSpec> sharedFilters, VisualBuilder visuals, FilterBuilder filters) {
        GridLayout layout = new GridLayout();
        List<ObjectNode> textBoxes = new ArrayList<>();
        if (!sheet.paragraphs().isEmpty()) {
            String textBoxId = sheet.id() + "-text";
            textBoxes.add(obj("SheetTextBoxId", textBoxId, "Content", TextBoxContent.of(sheet.paragraphs())));
            layout.add(textBoxId, "TEXT_BOX", new GridLayout.Size(GridLayout.COLUMNS, 2 + 2 * sheet.paragraphs().size()));
        }
        List<ObjectNode> visualNodes = new ArrayList<>();
        for (VisualSpec visual : sheet.visuals()) {
            visualNodes.add(visuals.build(visual));
            layout.add(visual.id(), "VISUAL", GridLayout.sizeOf(visual.kind()));
        }
        List<ObjectNode> controls = new ArrayList<>();
        for (FilterSpec filter : sharedFilters) {
            controls.add(filters.control(filter, sheet.id()));
        }
        for (FilterSpec filter : sheet.filters()) {
            controls.add(filters.control(filter, sheet.id()));
        }
        return obj(
                "SheetId", sheet.id(),
                "Name", sheet.name(),
                "Title", sheet.name(),
                "Description", sheet.description(),
                "ContentType", "INTERACTIVE",
                "Visuals", visualNodes.isEmpty() ? null : arr(visualNodes),
                "TextBoxes", textBoxes.isEmpty() ? null : arr(textBoxes),
                "FilterControls", controls.isEmpty() ? null : arr(controls),
                "Layouts", arr(layout.sheetLayout()));
    }
}
