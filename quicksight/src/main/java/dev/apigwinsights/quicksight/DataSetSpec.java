package dev.apigwinsights.quicksight;

import java.util.List;
import java.util.Objects;

/**
 * A data set of the dashboard: the identifier the definition declares for it, the CloudFormation
 * resource that creates it, its columns, and where its rows come from: the access-log table, or a
 * custom SQL query (an explicit-SQL insight of the catalog, always queried directly, with
 * data-set parameters the dashboard's parameters set).
 */
public record DataSetSpec(String identifier, String resourceName, String idSuffix, String displayName,
                          DataSetColumns columns, Source source) {

    public sealed interface Source permits AccessLogsTable, CustomSql {
    }

    /** The Glue table {@code access_logs}: DIRECT_QUERY or SPICE, as the stack's parameter says. */
    public record AccessLogsTable() implements Source {
    }

    /**
     * A custom SQL query. {@code sql} is a CloudFormation {@code Fn::Sub} string: it names the table
     * {@code "${GlueDatabase}"."${GlueTable}"} and the data-set parameters {@code <<$name>>}.
     */
    public record CustomSql(String sql, List<DataSetParameter> parameters) implements Source {
        public CustomSql {
            Objects.requireNonNull(sql, "sql");
            parameters = List.copyOf(parameters);
        }
    }

    /** A parameter of a custom SQL data set, with the value it takes when the dashboard sets none. */
    public record DataSetParameter(String name, ParameterSpec.NumberKind kind, double defaultValue) {
        public DataSetParameter {
            if (!name.matches("[a-zA-Z0-9]+")) {
                throw new IllegalArgumentException("data-set parameter names are letters and digits: " + name);
            }
        }
    }

    public DataSetSpec {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(resourceName, "resourceName");
        Objects.requireNonNull(idSuffix, "idSuffix");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(source, "source");
        if (!resourceName.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("not a CloudFormation logical id: " + resourceName);
        }
        if (!idSuffix.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("data set id suffixes are lower-case words with dashes: " + idSuffix);
        }
    }
}
