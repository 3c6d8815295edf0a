package dev.apigwinsights.infra;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks resource properties against the service's API model as the AWS SDK has it: the second
 * source of truth next to the CloudFormation specification. Every property name must be a member
 * the API knows (at every depth), every enum value one the API lists, and every value the shape
 * the API marshals (structure, list, map, string, integer, number, boolean). The CloudFormation
 * specification sometimes lists a property or enum value the service does not take yet (or takes
 * in another call); where the two disagree, a value must satisfy both.
 *
 * <p>A resource type is checked when it is bound to the SDK request its handler sends
 * ({@link #quickSight()}); properties CloudFormation consumes itself are named, with the reason,
 * in the binding.
 */
public final class SdkModelValidator {

    /** The SDK artifact the bindings read, for messages. */
    static final String QUICKSIGHT_MODEL = "software.amazon.awssdk:quicksight";

    private static final String QUICKSIGHT_PACKAGE = "software.amazon.awssdk.services.quicksight.model.";

    /** CloudFormation resource type to the SDK request its handler sends on create. */
    static final Map<String, String> QUICKSIGHT_REQUESTS = Map.of(
            "AWS::QuickSight::Analysis", "CreateAnalysisRequest",
            "AWS::QuickSight::Dashboard", "CreateDashboardRequest",
            "AWS::QuickSight::DataSet", "CreateDataSetRequest",
            "AWS::QuickSight::DataSource", "CreateDataSourceRequest",
            "AWS::QuickSight::RefreshSchedule", "CreateRefreshScheduleRequest",
            "AWS::QuickSight::Template", "CreateTemplateRequest",
            "AWS::QuickSight::Theme", "CreateThemeRequest");

    /**
     * Top-level properties the CloudFormation handler sends outside the create request: each with
     * the SDK shape it is sent as (checked against it), or none when the handler itself consumes it.
     * Only properties we have a use for are listed; a test checks each is in the CloudFormation
     * specification and not in the request.
     */
    static final Map<String, Map<String, Optional<String>>> QUICKSIGHT_HANDLER_PROPERTIES = Map.of(
            "AWS::QuickSight::DataSet", Map.of(
                    // Sent with PutDataSetRefreshProperties once the data set exists.
                    "DataSetRefreshProperties", Optional.of("DataSetRefreshProperties"),
                    // Tells the handler whether and how long to wait for the first SPICE ingestion.
                    "IngestionWaitPolicy", Optional.empty()));

    private static SdkModelValidator quickSight;

    private final SdkModel model;
    private final String source;
    private final Map<String, SdkModel.Structure> requests;
    private final Map<String, Map<String, Optional<SdkModel.Structure>>> handlerProperties;

    SdkModelValidator(SdkModel model, String source, Map<String, SdkModel.Structure> requests,
                      Map<String, Map<String, Optional<SdkModel.Structure>>> handlerProperties) {
        this.model = model;
        this.source = source;
        this.requests = requests;
        this.handlerProperties = handlerProperties;
    }

    /**
     * The QuickSight resources, bound to {@code software.amazon.awssdk:quicksight}; one instance per
     * JVM, so the shapes read by reflection are read once.
     */
    public static synchronized SdkModelValidator quickSight() {
        if (quickSight == null) {
            SdkModel model = new SdkModel();
            Map<String, SdkModel.Structure> requests = new HashMap<>();
            QUICKSIGHT_REQUESTS.forEach((type, request) -> requests.put(type, model.structure(modelClass(request))));
            Map<String, Map<String, Optional<SdkModel.Structure>>> handled = new HashMap<>();
            QUICKSIGHT_HANDLER_PROPERTIES.forEach((type, properties) -> {
                Map<String, Optional<SdkModel.Structure>> shapes = new HashMap<>();
                properties.forEach((name, shape) -> shapes.put(name, shape.map(s -> model.structure(modelClass(s)))));
                handled.put(type, Map.copyOf(shapes));
            });
            quickSight = new SdkModelValidator(model, QUICKSIGHT_MODEL, Map.copyOf(requests), Map.copyOf(handled));
        }
        return quickSight;
    }

    static Class<?> modelClass(String simpleName) {
        try {
            return Class.forName(QUICKSIGHT_PACKAGE + simpleName);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the QuickSight SDK has no model class " + simpleName, e);
        }
    }

    public SdkModel model() {
        return model;
    }

    /** The request shape a resource type is checked against, if it is bound. */
    public Optional<SdkModel.Structure> requestOf(String resourceType) {
        return Optional.ofNullable(requests.get(resourceType));
    }

    public boolean covers(String resourceType) {
        return requests.containsKey(resourceType);
    }

    /** Problems with a resource's {@code Properties}, with paths under {@code path}; none for unbound types. */
    public List<String> validateProperties(String path, String resourceType, JsonNode properties) {
        List<String> problems = new ArrayList<>();
        SdkModel.Structure request = requests.get(resourceType);
        if (request == null || !properties.isObject()) {
            return problems;
        }
        Map<String, Optional<SdkModel.Structure>> handled = handlerProperties.getOrDefault(resourceType, Map.of());
        properties.properties().forEach(e -> {
            Optional<SdkModel.Structure> handledAs = handled.get(e.getKey());
            if (handledAs == null) {
                checkMember(path, request, e.getKey(), e.getValue(), problems);
            } else {
                handledAs.ifPresent(shape -> check(path + "/" + e.getKey(), e.getValue(), shape, problems));
            }
        });
        return problems;
    }

    /** Problems with one value against one shape (for tests and for definitions checked on their own). */
    public List<String> validate(String path, JsonNode value, SdkModel.Shape shape) {
        List<String> problems = new ArrayList<>();
        check(path, value, shape, problems);
        return problems;
    }

    private void checkMember(String path, SdkModel.Structure structure, String name, JsonNode value, List<String> problems) {
        Optional<Map.Entry<String, SdkModel.Shape>> member = structure.member(name);
        if (member.isEmpty()) {
            problems.add(path + ": '" + name + "' is not a member of " + structure.name() + " in the API model ("
                    + source + "); the service would reject it");
            return;
        }
        check(path + "/" + name, value, member.get().getValue(), problems);
    }

    private void check(String path, JsonNode value, SdkModel.Shape shape, List<String> problems) {
        List<JsonNode> alternatives = Template.alternatives(value);
        if (alternatives.size() != 1 || alternatives.get(0) != value) {
            // Fn::If: each branch must fit on its own (AWS::NoValue removes the property).
            for (JsonNode alternative : alternatives) {
                check(path, alternative, shape, problems);
            }
            return;
        }
        if (Template.isIntrinsic(value)) {
            return; // resolved at deploy time; its type is the CloudFormation validator's business
        }
        if (shape instanceof SdkModel.Structure structure) {
            if (!value.isObject()) {
                problems.add(path + ": the API model (" + source + ") expects a " + structure.name() + " structure, got "
                        + SpecValidator.nodeKind(value));
            } else {
                value.properties().forEach(e -> checkMember(path, structure, e.getKey(), e.getValue(), problems));
            }
        } else if (shape instanceof SdkModel.ListOf list) {
            if (!value.isArray()) {
                problems.add(path + ": the API model (" + source + ") expects a list, got " + SpecValidator.nodeKind(value));
            } else {
                for (int i = 0; i < value.size(); i++) {
                    check(path + "/" + i, value.get(i), list.element(), problems);
                }
            }
        } else if (shape instanceof SdkModel.MapOf map) {
            if (!value.isObject()) {
                problems.add(path + ": the API model (" + source + ") expects a map, got " + SpecValidator.nodeKind(value));
            } else {
                value.properties().forEach(e -> check(path + "/" + e.getKey(), e.getValue(), map.value(), problems));
            }
        } else {
            checkScalar(path, value, (SdkModel.Scalar) shape, problems);
        }
    }

    private void checkScalar(String path, JsonNode value, SdkModel.Scalar scalar, List<String> problems) {
        boolean fits = switch (scalar.kind()) {
            case STRING, TIMESTAMP -> value.isValueNode() && !value.isNull();
            case INTEGER -> value.isIntegralNumber() || (value.isTextual() && value.asText().matches("-?\\d+"))
                    || (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()));
            case NUMBER -> value.isNumber() || (value.isTextual() && value.asText().matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?"));
            case BOOLEAN -> value.isBoolean() || (value.isTextual() && value.asText().matches("true|false"));
            case ANY -> true;
        };
        if (!fits) {
            problems.add(path + ": the API model (" + source + ") expects " + scalar.kind().name().toLowerCase(Locale.ROOT)
                    + ", got " + SpecValidator.nodeKind(value) + " " + value);
        } else if (scalar.isEnum() && !scalar.enumValues().contains(value.asText())) {
            problems.add(path + ": '" + value.asText() + "' is not one of the API model's values " + scalar.enumValues()
                    + " (" + source + "); the service would reject it");
        }
    }
}
