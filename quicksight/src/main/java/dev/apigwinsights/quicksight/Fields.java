package dev.apigwinsights.quicksight;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The fields visuals and filters can use, per data set: its columns and the definition's calculated fields. */
final class Fields {

    private final Map<String, DataSetColumns> dataSets;
    private final Map<String, CalculatedField> calculated = new HashMap<>();

    Fields(Map<String, DataSetColumns> dataSets, List<CalculatedField> calculatedFields) {
        this.dataSets = Map.copyOf(dataSets);
        for (CalculatedField field : calculatedFields) {
            DataSetColumns columns = dataSets.get(field.dataSet());
            if (columns == null) {
                throw new IllegalArgumentException("calculated field " + field.name() + " names unknown data set " + field.dataSet());
            }
            if (columns.column(field.name()).isPresent() || calculated.put(key(field.dataSet(), field.name()), field) != null) {
                throw new IllegalArgumentException("calculated field " + field.name() + " is already a field of " + field.dataSet());
            }
        }
    }

    private static String key(String dataSet, String name) {
        return dataSet + "\u0000" + name;
    }

    /** The type of a field; fails for a field the data set does not have. */
    ColumnType type(String dataSet, String name) {
        CalculatedField field = calculated.get(key(dataSet, name));
        if (field != null) {
            return field.type();
        }
        DataSetColumns columns = dataSets.get(dataSet);
        if (columns == null) {
            throw new IllegalArgumentException("no data set '" + dataSet + "'");
        }
        return columns.require(name).type();
    }

    /** True for an aggregated calculated field. */
    boolean aggregated(String dataSet, String name) {
        CalculatedField field = calculated.get(key(dataSet, name));
        return field != null && field.aggregated();
    }
}
