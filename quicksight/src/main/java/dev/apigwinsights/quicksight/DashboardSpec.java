package dev.apigwinsights.quicksight;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The whole dashboard: its data sets (the first is the access-log table), the calculated fields
 * and parameters of the definition, its sheets in tab order, and its filters.
 */
public record DashboardSpec(List<DataSetSpec> dataSets, List<CalculatedField> calculatedFields, List<ParameterSpec> parameters,
                            List<SheetSpec> sheets, List<FilterSpec> filters) {

    public DashboardSpec {
        dataSets = List.copyOf(dataSets);
        calculatedFields = List.copyOf(calculatedFields);
        parameters = List.copyOf(parameters);
        sheets = List.copyOf(sheets);
        filters = List.copyOf(filters);
        if (dataSets.isEmpty()) {
            throw new IllegalArgumentException("a dashboard needs a data set");
        }
        Set<String> identifiers = new HashSet<>();
        for (DataSetSpec dataSet : dataSets) {
            if (!identifiers.add(dataSet.identifier())) {
                throw new IllegalArgumentException("data set identifier declared twice: " + dataSet.identifier());
            }
        }
    }

    /** The data sets by their identifier in the definition. */
    public Map<String, DataSetSpec> dataSetsByIdentifier() {
        return dataSets.stream().collect(Collectors.toMap(DataSetSpec::identifier, Function.identity(), (a, b) -> a,
                java.util.LinkedHashMap::new));
    }

    /** Every visual of every sheet, in order. */
    public List<VisualSpec> visuals() {
        return sheets.stream().flatMap(s -> s.visuals().stream()).toList();
    }
}
