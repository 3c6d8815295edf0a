package dev.apigwinsights.insights;

import dev.apigwinsights.derive.ApiType;
import dev.apigwinsights.derive.AuthMethod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The filters a user can set on insights (besides the time range). The dashboard's controls,
 * QuickSight's controls, the HTTP API's query parameters and the CLI's {@code --filter key=value}
 * are all generated from this enum.
 *
 * <p>A filter matches a row when any of its {@link #targets()} equals any of the given values
 * (several values of one filter are OR-ed, different filters AND-ed). Values are always bound
 * parameters, never written into SQL.
 */
public enum Filter {
    API("api", "API", "API id", ValueType.STRING, null, Columns.API_ID),
    API_TYPE("api_type", "API type", "REST, HTTP or WEBSOCKET", ValueType.STRING, names(ApiType.values()), Columns.API_TYPE),
    STAGE("stage", "Stage", "Stage name", ValueType.STRING, null, Columns.STAGE),
    DOMAIN("domain", "Domain", "Domain name the client called", ValueType.STRING, null, Columns.DOMAIN_NAME),
    ROUTE("route", "Route", "resource_path (REST) or route_key (HTTP, WebSocket)", ValueType.STRING, null, Columns.ROUTE),
    HTTP_METHOD("http_method", "Method", "HTTP method", ValueType.STRING, null, Columns.HTTP_METHOD),
    STATUS_CLASS("status_class", "Status class", "1xx, 2xx, 3xx, 4xx or 5xx", ValueType.STRING,
            List.of("1xx", "2xx", "3xx", "4xx", "5xx"), Columns.STATUS_CLASS),
    STATUS("status", "Status", "HTTP status code", ValueType.BIGINT, null, Columns.STATUS),
    ERROR_SIGNATURE("error_signature", "Error signature", "Error message with ids, numbers and ARNs masked (as top_error_signatures shows it)",
            ValueType.STRING, null, Columns.ERROR_SIGNATURE),
    USAGE_PLAN("usage_plan", "Usage plan", "Usage plan name or id", ValueType.STRING, null,
            Columns.USAGE_PLAN_NAME, Columns.USAGE_PLAN_ID),
    CUSTOMER("customer", "Customer", "The API key's customerId", ValueType.STRING, null, Columns.CUSTOMER_ID),
    API_KEY("api_key", "API key", "API key id or name (never the key value)", ValueType.STRING, null,
            Columns.API_KEY_ID, Columns.API_KEY_NAME),
    CLIENT_IP("client_ip", "Client IP", "Client IP address", ValueType.STRING, null, Columns.SOURCE_IP),
    USER("user", "User", "IAM user ARN, IAM user or caller, Cognito/JWT subject or Cognito identity id", ValueType.STRING, null,
            Columns.USER_ARN, Columns.USER, Columns.CALLER, Columns.CLAIMS_SUB, Columns.COGNITO_IDENTITY_ID),
    AUTH_METHOD("auth_method", "Auth method", "How the caller authenticated", ValueType.STRING, names(AuthMethod.values()),
            Columns.AUTH_METHOD),
    COUNTRY("country", "Country", "ISO 3166-1 alpha-2 country of the client IP", ValueType.STRING, null, Columns.CLIENT_COUNTRY),
    REQUEST_ID("request_id", "Request id", "API Gateway request id", ValueType.STRING, null, Columns.REQUEST_ID);

    private final String key;
    private final String label;
    private final String description;
    private final ValueType valueType;
    private final List<String> allowedValues;
    private final List<Expr> targets;

    Filter(String key, String label, String description, ValueType valueType, List<String> allowedValues, Expr... targets) {
        this.key = key;
        this.label = label;
        this.description = description;
        this.valueType = valueType;
        this.allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
        this.targets = List.of(targets);
    }

    /** The stable key: CLI {@code --filter key=value}, HTTP query parameter, QuickSight parameter name. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public ValueType valueType() {
        return valueType;
    }

    /** The closed set of values this filter takes, or empty when any value of its type goes. */
    public List<String> allowedValues() {
        return allowedValues;
    }

    /** The expressions a value is compared with (any may match). */
    public List<Expr> targets() {
        return targets;
    }

    /** The names a user may type for this filter: its key, then the names of the columns it targets. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        names.add(key);
        for (Expr t : targets) {
            if (t instanceof Expr.Col c) {
                names.add(c.name());
            }
        }
        return names;
    }

    /** The filter called {@code name} (its key or a targeted column name, case-insensitive). */
    public static Optional<Filter> byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Filter f : values()) {
            if (f.names().contains(n)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * Checks and converts one user value: a number for {@link #STATUS}, one of
     * {@link #allowedValues()} (case-insensitive, returned in canonical case) for closed sets.
     */
    public Object convert(String value) {
        if (value == null || value.isBlank()) {
            throw new InsightParameterException("filter " + key + ": empty value");
        }
        String v = value.trim();
        if (valueType == ValueType.BIGINT) {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new InsightParameterException("filter " + key + ": '" + value + "' is not a whole number");
            }
        }
        if (!allowedValues.isEmpty()) {
            for (String allowed : allowedValues) {
                if (allowed.equalsIgnoreCase(v)) {
                    return allowed;
                }
            }
            throw new InsightParameterException("filter " + key + ": '" + value + "' is not one of " + allowedValues);
        }
        return v;
    }

    /**
     * Parses {@code key=value} (the CLI's {@code --filter}). Errors name the known filters.
     */
    public static Parsed parse(String assignment) {
        int eq = assignment == null ? -1 : assignment.indexOf('=');
        if (eq <= 0) {
            throw new InsightParameterException("filter '" + assignment + "': expected key=value, e.g. status_class=5xx; keys: " + keys());
        }
        String name = assignment.substring(0, eq);
        Filter filter = byName(name).orElseThrow(() -> new InsightParameterException(
                "unknown filter '" + name.trim() + "'; keys: " + keys()));
        return new Parsed(filter, filter.convert(assignment.substring(eq + 1)));
    }

    /** The keys of all filters, for error messages and help. */
    public static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Filter f : values()) {
            keys.add(f.key);
        }
        return keys;
    }

    /** A parsed {@code key=value}: the filter and its converted value. */
    public record Parsed(Filter filter, Object value) {
    }

    private static List<String> names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).toList();
    }
}
