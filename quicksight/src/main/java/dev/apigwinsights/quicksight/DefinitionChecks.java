package dev.apigwinsights.quicksight;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a QuickSight definition must satisfy beyond its shape (which the CloudFormation spec and
 * the API model check): every column a visual, filter or calculated field uses exists in its data
 * set with a type the use fits (and an aggregated calculated field is used only as a measure that
 * sets no aggregation of its own, every other measure sets one); every calculated field is one the
 * generator declared, with its type; every parameter referenced is declared, and every data-set
 * parameter it maps to exists; ids are unique; layouts, filter scopes (on visuals of the filter's
 * data set), controls and sorts refer to things that exist on the right sheet; QuickSight's
 * per-sheet limits hold. Each problem is one message with a JSON path.
 */
public final class DefinitionChecks {

    /** QuickSight limits (per sheet, per definition). */
    public static final int MAX_VISUALS_PER_SHEET = 50;
    public static final int MAX_FILTER_CONTROLS_PER_SHEET = 200;
    public static final int MAX_DATA_SETS = 50;

    private static final Pattern FIELD_REFERENCE = Pattern.compile("\\{([^}]+)}");
    /** Where ids are declared (elsewhere the same keys refer to them): sheets, visuals, controls, texts, filters. */
    private static final List<Pattern> ID_DECLARATIONS = List.of(
            Pattern.compile("/Sheets/\\d+/SheetId"),
            Pattern.compile("/Sheets/\\d+/Visuals/\\d+/\\w+/VisualId"),
            Pattern.compile("/Sheets/\\d+/(FilterControls|ParameterControls)/\\d+/\\w+/(FilterControlId|ParameterControlId)"),
            Pattern.compile("/Sheets/\\d+/TextBoxes/\\d+/SheetTextBoxId"),
            Pattern.compile("/Sheets/\\d+/Images/\\d+/SheetImageId"),
            Pattern.compile("/FilterGroups/\\d+/FilterGroupId"),
            Pattern.compile("/FilterGroups/\\d+/Filters/\\d+/\\w+/FilterId"));
    /** The field kinds of field wells, whose {@code FieldId} declares a field. */
    private static final Set<String> FIELD_KINDS = Set.of(
            "NumericalMeasureField", "CategoricalMeasureField", "DateMeasureField", "CalculatedMeasureField",
            "NumericalDimensionField", "CategoricalDimensionField", "DateDimensionField", "UnaggregatedField");
    /** Where a column is used, and the types that use accepts. */
    private static final Set<ColumnType> NUMERIC = Set.of(ColumnType.INTEGER, ColumnType.DECIMAL);
    private static final Map<String, Set<ColumnType>> COLUMN_TYPES_BY_USE = Map.ofEntries(
            Map.entry("NumericalMeasureField", NUMERIC),
            Map.entry("NumericalDimensionField", NUMERIC),
            Map.entry("NumericRangeFilter", NUMERIC),
            Map.entry("NumericEqualityFilter", NUMERIC),
            Map.entry("DateDimensionField", Set.of(ColumnType.DATETIME)),
            Map.entry("DateMeasureField", Set.of(ColumnType.DATETIME)),
            Map.entry("RelativeDatesFilter", Set.of(ColumnType.DATETIME)),
            Map.entry("TimeRangeFilter", Set.of(ColumnType.DATETIME)),
            Map.entry("TimeEqualityFilter", Set.of(ColumnType.DATETIME)),
            Map.entry("CategoricalDimensionField", Set.of(ColumnType.STRING)),
            Map.entry("CategoricalMeasureField", Set.of(ColumnType.STRING)),
            Map.entry("CategoryFilter", Set.of(ColumnType.STRING)));

    /** An unaggregated field of a table of rows: the list element itself declares the field. */
    private static final Pattern UNAGGREGATED_FIELD = Pattern.compile("/TableUnaggregatedFieldWells/Values/\\d+$");

    /** Where a column identifier only names a field (an axis label's target), without using the column. */
    private static final String REFERENCE = "ApplyTo";

    /** QuickSight parameter and data-set parameter names: letters and digits. */
    private static final Pattern PARAMETER_NAME = Pattern.compile("[a-zA-Z0-9]+");

    private final Map<String, DataSetColumns> dataSets;
    private final Map<String, Set<String>> dataSetParameters = new HashMap<>();
    private final Map<String, CalculatedField> declaredCalculations = new HashMap<>();

    /**
     * {@code dataSets}: the data sets the definition may declare (by identifier), with their columns
     * and parameters; {@code calculatedFields}: the calculated fields it may use, with their types.
     */
    public DefinitionChecks(List<DataSetSpec> dataSets, List<CalculatedField> calculatedFields) {
        Map<String, DataSetColumns> columns = new HashMap<>();
        for (DataSetSpec dataSet : dataSets) {
            columns.put(dataSet.identifier(), dataSet.columns());
            Set<String> parameters = new HashSet<>();
            if (dataSet.source() instanceof DataSetSpec.CustomSql sql) {
                sql.parameters().forEach(p -> parameters.add(p.name()));
            }
            dataSetParameters.put(dataSet.identifier(), parameters);
        }
        this.dataSets = Map.copyOf(columns);
        for (CalculatedField field : calculatedFields) {
            declaredCalculations.put(field.dataSet() + "\u0000" + field.name(), field);
        }
    }

    /** The checks for the data sets and calculated fields {@code dashboard} declares. */
    public static DefinitionChecks of(DashboardSpec dashboard) {
        return new DefinitionChecks(dashboard.dataSets(), dashboard.calculatedFields());
    }

    public List<String> check(JsonNode definition) {
        Run run = new Run(definition);
        run.all();
        return run.problems;
    }

    private final class Run {
        final JsonNode definition;
        final List<String> problems = new ArrayList<>();
        /** Calculated fields the definition declares, by data set identifier and name. */
        final Map<String, Map<String, CalculatedField>> calculated = new HashMap<>();
        final Set<String> declaredDataSets = new HashSet<>();

        Run(JsonNode definition) {
            this.definition = definition;
        }

        void all() {
            dataSetDeclarations();
            calculatedFields();
            columns("", definition, "");
            measureAggregations();
            parameters();
            uniqueIds();
            Map<String, SheetContent> sheets = sheets();
            filterScopes(sheets);
            controls(sheets);
        }

        void dataSetDeclarations() {
            JsonNode declarations = definition.path("DataSetIdentifierDeclarations");
            if (declarations.size() > MAX_DATA_SETS) {
                problems.add("/DataSetIdentifierDeclarations: " + declarations.size() + " data sets, QuickSight allows " + MAX_DATA_SETS);
            }
            for (int i = 0; i < declarations.size(); i++) {
                String identifier = declarations.get(i).path("Identifier").asText();
                if (!declaredDataSets.add(identifier)) {
                    problems.add("/DataSetIdentifierDeclarations/" + i + ": identifier '" + identifier + "' declared twice");
                }
                if (!dataSets.containsKey(identifier)) {
                    problems.add("/DataSetIdentifierDeclarations/" + i + ": no columns known for data set '" + identifier + "'");
                }
            }
        }

        void calculatedFields() {
            JsonNode fields = definition.path("CalculatedFields");
            for (int i = 0; i < fields.size(); i++) {
                JsonNode field = fields.get(i);
                String path = "/CalculatedFields/" + i;
                String dataSet = field.path("DataSetIdentifier").asText();
                String name = field.path("Name").asText();
                if (!declaredDataSets.contains(dataSet)) {
                    problems.add(path + ": data set '" + dataSet + "' is not declared");
                    continue;
                }
                CalculatedField declared = declaredCalculations.get(dataSet + "\u0000" + name);
                if (declared == null) {
                    problems.add(path + ": calculated field '" + name + "' is not declared (its type is unknown)");
                } else if (!declared.expression().equals(field.path("Expression").asText())) {
                    problems.add(path + ": the expression of '" + name + "' is not the declared one");
                }
                if (calculated.computeIfAbsent(dataSet, k -> new HashMap<>()).putIfAbsent(name,
                        declared != null ? declared : new CalculatedField(dataSet, name, "", ColumnType.STRING, false)) != null
                        || dataSets.get(dataSet) != null && dataSets.get(dataSet).column(name).isPresent()) {
                    problems.add(path + ": '" + name + "' is already a field of data set '" + dataSet + "'");
                }
            }
            for (int i = 0; i < fields.size(); i++) {
                JsonNode field = fields.get(i);
                Matcher references = FIELD_REFERENCE.matcher(field.path("Expression").asText());
                while (references.find()) {
                    String referenced = references.group(1);
                    if (!hasColumn(field.path("DataSetIdentifier").asText(), referenced)) {
                        problems.add("/CalculatedFields/" + i + "/Expression: {" + referenced + "} is not a column of data set '"
                                + field.path("DataSetIdentifier").asText() + "'");
                    }
                }
            }
        }

        boolean hasColumn(String dataSet, String column) {
            DataSetColumns columns = dataSets.get(dataSet);
            return (columns != null && columns.column(column).isPresent())
                    || calculated.getOrDefault(dataSet, Map.of()).containsKey(column);
        }

        /** The type of a column or declared calculated field, or null when unknown. */
        ColumnType typeOf(String dataSet, String column) {
            CalculatedField field = calculated.getOrDefault(dataSet, Map.of()).get(column);
            if (field != null) {
                return declaredCalculations.containsKey(dataSet + "\u0000" + column) ? field.type() : null;
            }
            DataSetColumns columns = dataSets.get(dataSet);
            return columns == null ? null : columns.column(column).map(DataSetColumns.Column::type).orElse(null);
        }

        boolean isAggregated(String dataSet, String column) {
            CalculatedField field = calculated.getOrDefault(dataSet, Map.of()).get(column);
            return field != null && field.aggregated();
        }

        /** Every {@code ColumnIdentifier} (an object with {@code ColumnName}), checked against the use it sits in. */
        void columns(String path, JsonNode node, String use) {
            if (node.isObject()) {
                if (node.has("ColumnName") && node.path("ColumnName").isTextual()) {
                    column(path, node, use);
                }
                node.properties().forEach(e -> columns(path + "/" + e.getKey(), e.getValue(),
                        COLUMN_TYPES_BY_USE.containsKey(e.getKey()) || e.getKey().equals(REFERENCE) ? e.getKey() : use));
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    columns(path + "/" + i, node.get(i), use);
                }
            }
        }

        void column(String path, JsonNode identifier, String use) {
            String dataSet = identifier.path("DataSetIdentifier").asText("");
            String name = identifier.path("ColumnName").asText();
            if (!declaredDataSets.contains(dataSet)) {
                problems.add(path + ": column '" + name + "' names undeclared data set '" + dataSet + "'");
                return;
            }
            if (!hasColumn(dataSet, name)) {
                problems.add(path + ": '" + name + "' is not a column of data set '" + dataSet + "'");
                return;
            }
            if (use.equals(REFERENCE)) {
                return; // a label naming a field of the visual, not a use of the column
            }
            if (isAggregated(dataSet, name) && !use.equals("NumericalMeasureField")) {
                problems.add(path + ": '" + name + "' aggregates itself; " + (use.isEmpty() ? "it" : use) + " cannot use it");
                return;
            }
            ColumnType type = typeOf(dataSet, name);
            if (type == null || use.isEmpty()) {
                return; // reported where the calculated field is declared, or a use without a type rule
            }
            if (!COLUMN_TYPES_BY_USE.get(use).contains(type)) {
                problems.add(path + ": " + use + " cannot use " + type + " column '" + name + "' (needs "
                        + COLUMN_TYPES_BY_USE.get(use) + ")");
            }
        }

        /** A measure over an aggregated calculated field sets no aggregation; every other numerical measure sets one. */
        void measureAggregations() {
            walk("", definition, (path, key, value) -> {
                if (key.equals("NumericalMeasureField") && value.isObject()) {
                    JsonNode column = value.path("Column");
                    boolean aggregated = isAggregated(column.path("DataSetIdentifier").asText(), column.path("ColumnName").asText());
                    if (aggregated && value.has("AggregationFunction")) {
                        problems.add(path + ": '" + column.path("ColumnName").asText() + "' aggregates itself; it takes no AggregationFunction");
                    } else if (!aggregated && !value.has("AggregationFunction")) {
                        problems.add(path + ": '" + column.path("ColumnName").asText() + "' needs an AggregationFunction"
                                + " (QuickSight would sum it silently)");
                    }
                }
            });
        }

        void parameters() {
            Set<String> declared = new HashSet<>();
            JsonNode declarations = definition.path("ParameterDeclarations");
            for (int i = 0; i < declarations.size(); i++) {
                JsonNode declaration = declarations.get(i);
                JsonNode body = declaration.size() == 1 ? declaration.elements().next() : declaration;
                String name = body.path("Name").asText();
                if (!declared.add(name)) {
                    problems.add("/ParameterDeclarations/" + i + ": parameter '" + name + "' declared twice");
                }
                if (!PARAMETER_NAME.matcher(name).matches()) {
                    problems.add("/ParameterDeclarations/" + i + ": parameter name '" + name + "' is not letters and digits");
                }
                JsonNode mapped = body.path("MappedDataSetParameters");
                for (int m = 0; m < mapped.size(); m++) {
                    String dataSet = mapped.get(m).path("DataSetIdentifier").asText();
                    String parameter = mapped.get(m).path("DataSetParameterName").asText();
                    if (!declaredDataSets.contains(dataSet)) {
                        problems.add("/ParameterDeclarations/" + i + "/MappedDataSetParameters/" + m + ": data set '" + dataSet + "' is not declared");
                    } else if (!dataSetParameters.getOrDefault(dataSet, Set.of()).contains(parameter)) {
                        problems.add("/ParameterDeclarations/" + i + "/MappedDataSetParameters/" + m + ": data set '" + dataSet
                                + "' has no parameter '" + parameter + "'");
                    }
                }
            }
            walk("", definition, (path, key, value) -> {
                if ((key.equals("ParameterName") || key.equals("SourceParameterName")) && value.isTextual()
                        && !path.startsWith("/ParameterDeclarations/") && !declared.contains(value.asText())) {
                    problems.add(path + ": parameter '" + value.asText() + "' is not declared");
                }
            });
        }

        void uniqueIds() {
            Map<String, String> seen = new HashMap<>();
            walk("", definition, (path, key, value) -> {
                if (value.isTextual() && declaresId(path, key)) {
                    String id = key + " " + value.asText();
                    String first = seen.putIfAbsent(id, path);
                    if (first != null) {
                        problems.add(path + ": " + key + " '" + value.asText() + "' is already used at " + first);
                    }
                }
            });
        }

        boolean declaresId(String path, String key) {
            if (key.equals("FieldId")) {
                String parent = path.substring(0, path.length() - "/FieldId".length());
                return FIELD_KINDS.contains(parent.substring(parent.lastIndexOf('/') + 1))
                        || UNAGGREGATED_FIELD.matcher(parent).find(); // an unaggregated field has no wrapper
            }
            return ID_DECLARATIONS.stream().anyMatch(p -> p.matcher(path).matches());
        }

        Map<String, SheetContent> sheets() {
            Map<String, SheetContent> sheets = new LinkedHashMap<>();
            JsonNode sheetNodes = definition.path("Sheets");
            for (int s = 0; s < sheetNodes.size(); s++) {
                JsonNode sheet = sheetNodes.get(s);
                String path = "/Sheets/" + s;
                SheetContent content = new SheetContent(path);
                JsonNode visuals = sheet.path("Visuals");
                for (int v = 0; v < visuals.size(); v++) {
                    JsonNode visual = visuals.get(v);
                    JsonNode body = body(visual);
                    content.elements.put(body.path("VisualId").asText(), "VISUAL");
                    content.visuals.add(body.path("VisualId").asText());
                    Set<String> used = new HashSet<>();
                    walk("", visual, (p, key, value) -> {
                        if (key.equals("DataSetIdentifier") && value.isTextual()) {
                            used.add(value.asText());
                        }
                    });
                    content.dataSetsByVisual.put(body.path("VisualId").asText(), used);
                    sorts(path + "/Visuals/" + v, visual);
                }
                sheet.path("FilterControls").forEach(c -> content.elements.put(body(c).path("FilterControlId").asText(), "FILTER_CONTROL"));
                sheet.path("ParameterControls").forEach(c -> content.elements.put(body(c).path("ParameterControlId").asText(), "PARAMETER_CONTROL"));
                sheet.path("TextBoxes").forEach(t -> content.elements.put(t.path("SheetTextBoxId").asText(), "TEXT_BOX"));
                sheet.path("Images").forEach(t -> content.elements.put(t.path("SheetImageId").asText(), "IMAGE"));
                if (content.visuals.size() > MAX_VISUALS_PER_SHEET) {
                    problems.add(path + ": " + content.visuals.size() + " visuals, QuickSight allows " + MAX_VISUALS_PER_SHEET + " per sheet");
                }
                if (sheet.path("FilterControls").size() > MAX_FILTER_CONTROLS_PER_SHEET) {
                    problems.add(path + ": " + sheet.path("FilterControls").size() + " filter controls, QuickSight allows "
                            + MAX_FILTER_CONTROLS_PER_SHEET + " per sheet");
                }
                layouts(path, sheet, content);
                sheets.put(sheet.path("SheetId").asText(), content);
            }
            return sheets;
        }

        /** Every sort names a field of its own visual. */
        void sorts(String path, JsonNode visual) {
            Set<String> fields = new HashSet<>();
            walk(path, visual, (p, key, value) -> {
                if (key.equals("FieldId") && value.isTextual() && declaresId(p, key)) {
                    fields.add(value.asText());
                }
            });
            walk(path, visual, (p, key, value) -> {
                if (key.equals("FieldId") && p.contains("/FieldSort/") && !fields.contains(value.asText())) {
                    problems.add(p + ": sorts by '" + value.asText() + "', which is not a field of this visual");
                }
            });
        }

        void layouts(String path, JsonNode sheet, SheetContent content) {
            Map<String, Integer> placed = new HashMap<>();
            JsonNode layouts = sheet.path("Layouts");
            for (int l = 0; l < layouts.size(); l++) {
                JsonNode elements = layouts.get(l).path("Configuration").path("GridLayout").path("Elements");
                List<int[]> boxes = new ArrayList<>();
                for (int e = 0; e < elements.size(); e++) {
                    JsonNode element = elements.get(e);
                    String elementPath = path + "/Layouts/" + l + "/Configuration/GridLayout/Elements/" + e;
                    String id = element.path("ElementId").asText();
                    String type = content.elements.get(id);
                    if (type == null) {
                        problems.add(elementPath + ": places '" + id + "', which is not on this sheet");
                    } else if (!type.equals(element.path("ElementType").asText())) {
                        problems.add(elementPath + ": '" + id + "' is a " + type + ", not a " + element.path("ElementType").asText());
                    }
                    placed.merge(id, 1, Integer::sum);
                    int column = element.path("ColumnIndex").asInt(0);
                    int span = element.path("ColumnSpan").asInt();
                    int row = element.path("RowIndex").asInt(0);
                    int rows = element.path("RowSpan").asInt();
                    if (column < 0 || span < 1 || column + span > GridLayout.COLUMNS || row < 0 || rows < 1) {
                        problems.add(elementPath + ": '" + id + "' does not fit the " + GridLayout.COLUMNS + "-column grid");
                    }
                    if (element.has("ColumnIndex") && element.has("RowIndex")) {
                        for (int[] box : boxes) {
                            if (column < box[0] + box[1] && box[0] < column + span && row < box[2] + box[3] && box[2] < row + rows) {
                                problems.add(elementPath + ": '" + id + "' overlaps another element");
                            }
                        }
                        boxes.add(new int[] {column, span, row, rows});
                    }
                }
            }
            for (String visual : content.visuals) {
                int times = placed.getOrDefault(visual, 0);
                if (times != 1) {
                    problems.add(path + ": visual '" + visual + "' is placed " + times + " times in the layout (once expected)");
                }
            }
        }

        void filterScopes(Map<String, SheetContent> sheets) {
            JsonNode groups = definition.path("FilterGroups");
            for (int g = 0; g < groups.size(); g++) {
                Set<String> filterDataSets = new HashSet<>();
                walk("", groups.get(g).path("Filters"), (p, key, value) -> {
                    if (key.equals("DataSetIdentifier") && value.isTextual()) {
                        filterDataSets.add(value.asText());
                    }
                });
                boolean singleDataSet = !groups.get(g).path("CrossDataset").asText().equals("ALL_DATASETS");
                JsonNode scopes = groups.get(g).path("ScopeConfiguration").path("SelectedSheets").path("SheetVisualScopingConfigurations");
                for (int s = 0; s < scopes.size(); s++) {
                    JsonNode scope = scopes.get(s);
                    String path = "/FilterGroups/" + g + "/ScopeConfiguration/SelectedSheets/SheetVisualScopingConfigurations/" + s;
                    SheetContent sheet = sheets.get(scope.path("SheetId").asText());
                    if (sheet == null) {
                        problems.add(path + ": sheet '" + scope.path("SheetId").asText() + "' does not exist");
                        continue;
                    }
                    boolean selected = scope.path("Scope").asText().equals("SELECTED_VISUALS");
                    if (selected && scope.path("VisualIds").isEmpty()) {
                        problems.add(path + ": SELECTED_VISUALS names no visual");
                    }
                    for (JsonNode visual : scope.path("VisualIds")) {
                        if (!sheet.visuals.contains(visual.asText())) {
                            problems.add(path + ": visual '" + visual.asText() + "' is not on sheet '" + scope.path("SheetId").asText() + "'");
                        } else if (singleDataSet && !sheet.dataSetsByVisual.get(visual.asText()).containsAll(filterDataSets)) {
                            problems.add(path + ": visual '" + visual.asText() + "' does not show data set " + filterDataSets
                                    + ", so the filter cannot narrow it");
                        }
                    }
                }
            }
        }

        /** Each filter control's source filter exists, and its group applies to the control's sheet. */
        void controls(Map<String, SheetContent> sheets) {
            Map<String, Set<String>> sheetsByFilter = new HashMap<>();
            for (JsonNode group : definition.path("FilterGroups")) {
                Set<String> scoped = new HashSet<>();
                JsonNode scope = group.path("ScopeConfiguration");
                if (scope.has("AllSheets")) {
                    scoped.addAll(sheets.keySet());
                }
                scope.path("SelectedSheets").path("SheetVisualScopingConfigurations").forEach(s -> scoped.add(s.path("SheetId").asText()));
                for (JsonNode filter : group.path("Filters")) {
                    sheetsByFilter.put(body(filter).path("FilterId").asText(), scoped);
                }
            }
            JsonNode sheetNodes = definition.path("Sheets");
            for (int s = 0; s < sheetNodes.size(); s++) {
                String sheetId = sheetNodes.get(s).path("SheetId").asText();
                JsonNode controls = sheetNodes.get(s).path("FilterControls");
                for (int c = 0; c < controls.size(); c++) {
                    String source = body(controls.get(c)).path("SourceFilterId").asText();
                    String path = "/Sheets/" + s + "/FilterControls/" + c;
                    Set<String> scoped = sheetsByFilter.get(source);
                    if (scoped == null) {
                        problems.add(path + ": source filter '" + source + "' does not exist");
                    } else if (!scoped.contains(sheetId)) {
                        problems.add(path + ": filter '" + source + "' does not apply to sheet '" + sheetId + "', so its control would do nothing");
                    }
                }
            }
        }
    }

    /** A sheet's ids by element type, and its visual ids in order. */
    private static final class SheetContent {
        final String path;
        final Map<String, String> elements = new HashMap<>();
        final List<String> visuals = new ArrayList<>();
        final Map<String, Set<String>> dataSetsByVisual = new HashMap<>();

        SheetContent(String path) {
            this.path = path;
        }

        @Override
        public String toString() {
            return path;
        }
    }

    /** The body of a union wrapper ({@code {"KPIVisual": {...}}} → {@code {...}}). */
    private static JsonNode body(JsonNode union) {
        return union.size() == 1 ? union.elements().next() : union;
    }

    @FunctionalInterface
    private interface FieldVisitor {
        void visit(String path, String key, JsonNode value);
    }

    private static void walk(String path, JsonNode node, FieldVisitor visitor) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                String child = path + "/" + e.getKey();
                visitor.visit(child, e.getKey(), e.getValue());
                walk(child, e.getValue(), visitor);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(path + "/" + i, node.get(i), visitor);
            }
        }
    }
}
