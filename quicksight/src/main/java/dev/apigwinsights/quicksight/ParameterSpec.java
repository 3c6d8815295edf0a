package dev.apigwinsights.quicksight;

import java.util.List;
import java.util.Objects;

/**
 * A dashboard parameter with a control: a number the owner can change (an SLO target), passed to
 * the data-set parameters of custom-SQL data sets ({@code MappedDataSetParameters}).
 *
 * @param name         QuickSight parameter name (letters and digits only)
 * @param controlSheets sheets that show its control
 */
public record ParameterSpec(String name, NumberKind kind, double defaultValue, String controlTitle,
                            List<String> controlSheets, List<Mapping> mappings) {

    /** The parameter's number type. */
    public enum NumberKind { INTEGER, DECIMAL }

    /** A data-set parameter this parameter sets. */
    public record Mapping(String dataSet, String dataSetParameter) {
    }

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(controlTitle, "controlTitle");
        controlSheets = List.copyOf(controlSheets);
        mappings = List.copyOf(mappings);
        if (!name.matches("[a-zA-Z0-9]+")) {
            throw new IllegalArgumentException("QuickSight parameter names are letters and digits: " + name);
        }
        if (kind == NumberKind.INTEGER && defaultValue != Math.rint(defaultValue)) {
            throw new IllegalArgumentException(name + ": an integer parameter needs a whole default, got " + defaultValue);
        }
    }
}
