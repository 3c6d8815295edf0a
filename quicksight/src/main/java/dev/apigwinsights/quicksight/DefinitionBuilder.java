package dev.apigwinsights.quicksight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static dev.apigwinsights.quicksight.Json.arr;
import static dev.apigwinsights.quicksight.Json.obj;

/**
 * Builds the {@code Definition} shared by the dashboard and the analysis from a
 * {@link DashboardSpec}: data set declarations, calculated fields, parameters, the sheets with
 * their visuals, text boxes, filter and parameter controls and grid layouts, and the filter groups.
 */
public final class DefinitionBuilder {

    /**
     * The definition; {@code dataSetArn} gives the value (often an intrinsic) of each data set's
     * ARN, by its identifier.
     */
    public ObjectNode build(DashboardSpec dashboard, Function<DataSetSpec, JsonNode> dataSetArn) {
        Map<String, DataSetColumns> columns = new LinkedHashMap<>();
        dashboard.dataSets().forEach(d -> columns.put(d.identifier(), d.columns()));
        Fields fields = new Fields(columns, dashboard.calculatedFields());
        VisualBuilder visuals = new VisualBuilder(fields);
        FilterBuilder filters = new FilterBuilder(fields);

        List<ObjectNode> sheets = new ArrayList<>();
        for (SheetSpec sheet : dashboard.sheets()) {
            sheets.add(sheet(sheet, dashboard, visuals, filters));
        }
        List<ObjectNode> filterGroups = dashboard.filters().stream().map(filters::group).toList();
        return obj(
                "DataSetIdentifierDeclarations", arr(dashboard.dataSets().stream()
                        .map(d -> obj("Identifier", d.identifier(), "DataSetArn", dataSetArn.apply(d))).toList()),
                "Sheets", arr(sheets),
                "CalculatedFields", dashboard.calculatedFields().isEmpty() ? null : arr(dashboard.calculatedFields().stream()
                        .map(f -> obj("DataSetIdentifier", f.dataSet(), "Name", f.name(), "Expression", f.expression())).toList()),
                "ParameterDeclarations", dashboard.parameters().isEmpty() ? null
                        : arr(dashboard.parameters().stream().map(DefinitionBuilder::parameter).toList()),
                "FilterGroups", filterGroups.isEmpty() ? null : arr(filterGroups),
                "AnalysisDefaults", obj("DefaultNewSheetConfiguration", obj(
                        "InteractiveLayoutConfiguration", obj("Grid", obj("CanvasSizeOptions",
                                obj("ScreenCanvasSizeOptions", obj("ResizeOption", "RESPONSIVE")))),
                        "SheetContentType", "INTERACTIVE")),
                "Options", obj("Timezone", "UTC", "WeekStart", "MONDAY"));
    }

    private static ObjectNode parameter(ParameterSpec parameter) {
        boolean integer = parameter.kind() == ParameterSpec.NumberKind.INTEGER;
        Object value = integer ? (Object) Math.round(parameter.defaultValue()) : (Object) parameter.defaultValue();
        return obj(integer ? "IntegerParameterDeclaration" : "DecimalParameterDeclaration", obj(
                "ParameterValueType", "SINGLE_VALUED",
                "Name", parameter.name(),
                "DefaultValues", obj("StaticValues", arr(value)),
                "MappedDataSetParameters", arr(parameter.mappings().stream()
                        .map(m -> obj("DataSetIdentifier", m.dataSet(), "DataSetParameterName", m.dataSetParameter())).toList())));
    }

    private static ObjectNode sheet(SheetSpec sheet, DashboardSpec dashboard, VisualBuilder visuals, FilterBuilder filters) {
        GridLayout layout = new GridLayout();
        List<ObjectNode> textBoxes = new ArrayList<>();
        if (!sheet.paragraphs().isEmpty()) {
            String textBoxId = sheet.id() + "-text";
            textBoxes.add(obj("SheetTextBoxId", textBoxId, "Content", TextBoxContent.of(sheet.paragraphs())));
            layout.add(textBoxId, "TEXT_BOX", GridLayout.textSize(sheet.paragraphs()));
        }
        List<ObjectNode> visualNodes = new ArrayList<>();
        for (VisualSpec visual : sheet.visuals()) {
            visualNodes.add(visuals.build(visual));
            layout.add(visual.id(), "VISUAL", GridLayout.sizeOf(visual.kind()));
        }
        List<ObjectNode> controls = new ArrayList<>();
        for (FilterSpec filter : dashboard.filters()) {
            if (filter.hasControl() && filter.scope().containsKey(sheet.id())) {
                controls.add(filters.control(filter, sheet.id()));
            }
        }
        List<ObjectNode> parameterControls = new ArrayList<>();
        for (ParameterSpec parameter : dashboard.parameters()) {
            if (parameter.controlSheets().contains(sheet.id())) {
                parameterControls.add(obj("TextField", obj(
                        "ParameterControlId", parameter.name() + "-" + sheet.id(),
                        "Title", parameter.controlTitle(),
                        "SourceParameterName", parameter.name())));
            }
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
                "ParameterControls", parameterControls.isEmpty() ? null : arr(parameterControls),
                "Layouts", arr(layout.sheetLayout()));
    }
}
