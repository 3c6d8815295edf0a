package dev.apigwinsights.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks each resource of a template against the CloudFormation resource specification: the type
 * exists, every property name is known, required properties are present, and values have the
 * declared shape (object, list, map, tag) and primitive type, with enum values checked where the
 * spec lists them, at every depth (nested property types through lists and maps). Structures the
 * specification documents as union types must set exactly one property. Intrinsic functions stand
 * for values of any type, except that {@code Fn::If}
 * branches are checked against the expected type and {@code Fn::Sub}/{@code Fn::Join} cannot fill
 * an object or list.
 *
 * <p>{@code AWS::Serverless::*} resources are checked against the spec's SAM section, which lags
 * behind SAM: {@link #SAM_PROPERTIES_NEWER_THAN_SPEC} lists the newer properties we use and what
 * they are checked as.
 *
 * <p>Resource types bound in {@link SdkModelValidator} (QuickSight) are also checked against the
 * service's API model in the AWS SDK, which catches property names and enum values the
 * specification lists but the service does not accept, and integers where the specification only
 * says "number".
 */
public final class SpecValidator {

    private static final Set<String> RESOURCE_KEYS = Set.of(
            "Type", "Properties", "DependsOn", "Condition", "DeletionPolicy", "UpdateReplacePolicy",
            "Metadata", "UpdatePolicy", "CreationPolicy");
    private static final Set<String> DELETION_POLICIES = Set.of("Delete", "Retain", "RetainExceptOnCreate", "Snapshot");
    private static final Set<String> STRING_RESULTS = Set.of("Fn::Sub", "Fn::Join", "Fn::Base64");

    /**
     * SAM properties missing from the SAM part of {@code @aws-cdk/aws-service-spec} (it predates them).
     * Each maps to the CloudFormation property SAM passes it through to, whose spec type is then used,
     * or to {@code boolean}/{@code string} for SAM-only switches.
     */
    static final Map<String, Map<String, String>> SAM_PROPERTIES_NEWER_THAN_SPEC = Map.of(
            "AWS::Serverless::Function", Map.of(
                    // Lambda SnapStart (2022).
                    "SnapStart", "AWS::Lambda::Function.SnapStart",
                    // Advanced logging controls: JSON format, custom log group (2023).
                    "LoggingConfig", "AWS::Lambda::Function.LoggingConfig",
                    // Runtime update mode (2023).
                    "RuntimeManagementConfig", "AWS::Lambda::Function.RuntimeManagementConfig",
                    // SAM-only: publish a version when any property changes, not only the code.
                    "AutoPublishAliasAllProperties", "boolean",
                    // Recursive loop detection (2024).
                    "RecursiveLoop", "AWS::Lambda::Function.RecursiveLoop"),
            "AWS::Serverless::LayerVersion", Map.of(
                    // arm64 layers (2021).
                    "CompatibleArchitectures", "AWS::Lambda::LayerVersion.CompatibleArchitectures"));

    private final CfnSpec spec;
    private final SdkModelValidator apiModel;

    /** Checks against the specification and, for the resource types it binds, the QuickSight API model. */
    public SpecValidator(CfnSpec spec) {
        this(spec, SdkModelValidator.quickSight());
    }

    public SpecValidator(CfnSpec spec, SdkModelValidator apiModel) {
        this.spec = spec;
        this.apiModel = apiModel;
    }

    /** Every problem found in the template's resources, one message each, with a path. */
    public List<String> validate(Template template) {
        List<String> problems = new ArrayList<>();
        template.resourceMap().forEach((id, resource) -> problems.addAll(validateResource(id, resource)));
        return problems;
    }

    public List<String> validateResource(String logicalId, JsonNode resource) {
        List<String> problems = new ArrayList<>();
        String path = "Resources/" + logicalId;
        if (!resource.isObject()) {
            problems.add(path + ": a resource is a mapping");
            return problems;
        }
        resource.fieldNames().forEachRemaining(key -> {
            if (!RESOURCE_KEYS.contains(key)) {
                problems.add(path + ": unknown resource attribute '" + key + "'");
            }
        });
        for (String policy : List.of("DeletionPolicy", "UpdateReplacePolicy")) {
            JsonNode value = resource.get(policy);
            if (value != null && !DELETION_POLICIES.contains(value.asText())) {
                problems.add(path + "/" + policy + ": '" + value.asText() + "' is not one of " + DELETION_POLICIES);
            }
        }
        String type = resource.path("Type").asText("");
        if (type.startsWith("Custom::")) {
            return problems;
        }
        JsonNode typeSpec = spec.resource(type).orElse(null);
        if (typeSpec == null) {
            problems.add(path + "/Type: unknown resource type '" + type + "'");
            return problems;
        }
        JsonNode properties = resource.get("Properties");
        if (properties == null) {
            properties = JsonNodeFactory.instance.objectNode();
        }
        if (!properties.isObject()) {
            problems.add(path + "/Properties: must be a mapping");
            return problems;
        }
        checkObject(path + "/Properties", (ObjectNode) properties, typeSpec.path("properties"), extraProperties(type), problems);
        addApiModelProblems(apiModel.validateProperties(path + "/Properties", type, properties), problems);
        return problems;
    }

    /**
     * Adds the API model's findings, except where the specification already reported a problem at
     * the same place or above it (a misspelt property is reported once, by the specification).
     */
    private static void addApiModelProblems(List<String> apiProblems, List<String> problems) {
        List<String> reportedPaths = new ArrayList<>();
        for (String problem : problems) {
            reportedPaths.add(problem.substring(0, problem.indexOf(": ")));
        }
        for (String problem : apiProblems) {
            String path = problem.substring(0, problem.indexOf(": "));
            boolean covered = reportedPaths.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
            if (!covered) {
                problems.add(problem);
            }
        }
    }

    /** The allowlisted SAM properties of {@code type}, each with the property spec it is checked against. */
    Map<String, JsonNode> extraProperties(String type) {
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        SAM_PROPERTIES_NEWER_THAN_SPEC.getOrDefault(type, Map.of()).forEach((name, source) -> {
            JsonNode propertySpec;
            if (source.contains(".")) {
                String cfnType = source.substring(0, source.lastIndexOf('.'));
                String cfnProperty = source.substring(source.lastIndexOf('.') + 1);
                propertySpec = spec.resource(cfnType).map(r -> r.path("properties").path(cfnProperty)).orElse(null);
                if (propertySpec == null || propertySpec.isMissingNode()) {
                    throw new IllegalStateException("allowlist entry " + type + "." + name + " points to unknown " + source);
                }
            } else {
                ObjectNode primitive = JsonNodeFactory.instance.objectNode();
                primitive.putObject("type").put("type", source);
                propertySpec = primitive;
            }
            extra.put(name, propertySpec);
        });
        return extra;
    }

    private void checkObject(String path, ObjectNode value, JsonNode propertySpecs, Map<String, JsonNode> extra,
                             List<String> problems) {
        for (Map.Entry<String, JsonNode> e : propertySpecs.properties()) {
            if (e.getValue().path("required").asBoolean(false) && isAbsent(value.get(e.getKey()))) {
                problems.add(path + ": required property '" + e.getKey() + "' is missing");
            }
        }
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            JsonNode propertySpec = propertySpecs.get(e.getKey());
            if (propertySpec == null) {
                propertySpec = extra.get(e.getKey());
            }
            if (propertySpec == null) {
                problems.add(path + ": unknown property '" + e.getKey() + "'");
                continue;
            }
            problems.addAll(checkProperty(path + "/" + e.getKey(), e.getValue(), propertySpec));
        }
    }

    private static boolean isAbsent(JsonNode value) {
        return value == null || Template.isNoValue(value);
    }

    /** The current type, or else any of the types the property had before (CloudFormation still accepts them). */
    private List<String> checkProperty(String path, JsonNode value, JsonNode propertySpec) {
        List<String> problems = check(path, value, propertySpec.path("type"));
        if (!problems.isEmpty()) {
            for (JsonNode previous : propertySpec.path("previousTypes")) {
                if (check(path, value, previous).isEmpty()) {
                    return List.of();
                }
            }
        }
        return problems;
    }

    List<String> check(String path, JsonNode value, JsonNode type) {
        List<String> problems = new ArrayList<>();
        if (Template.isNoValue(value)) {
            return problems;
        }
        String kind = type.path("type").asText();
        if (Template.isIntrinsic(value)) {
            String function = Template.functionName(value);
            if (function.equals("Fn::If")) {
                JsonNode args = value.get("Fn::If");
                if (!args.isArray() || args.size() != 3) {
                    problems.add(path + ": Fn::If takes [condition, then, else]");
                } else {
                    problems.addAll(check(path + "/Fn::If/1", args.get(1), type));
                    problems.addAll(check(path + "/Fn::If/2", args.get(2), type));
                }
            } else if (STRING_RESULTS.contains(function) && Set.of("ref", "array", "map", "tag").contains(kind)) {
                problems.add(path + ": " + function + " yields a string where the spec expects " + describe(type));
            }
            return problems;
        }
        switch (kind) {
            case "string" -> {
                if (!value.isValueNode() || value.isNull()) {
                    problems.add(path + ": expected a string, got " + nodeKind(value));
                } else if (type.has("allowedValues") && value.isTextual()) {
                    boolean allowed = false;
                    for (JsonNode v : type.get("allowedValues")) {
                        allowed |= v.asText().equals(value.asText());
                    }
                    if (!allowed) {
                        problems.add(path + ": '" + value.asText() + "' is not one of " + type.get("allowedValues"));
                    }
                }
            }
            case "integer" -> {
                if (!(value.isIntegralNumber() || (value.isTextual() && value.asText().matches("-?\\d+")))) {
                    problems.add(path + ": expected an integer, got " + nodeKind(value) + " " + value);
                }
            }
            case "number" -> {
                if (!(value.isNumber() || (value.isTextual() && value.asText().matches("-?\\d+(\\.\\d+)?")))) {
                    problems.add(path + ": expected a number, got " + nodeKind(value) + " " + value);
                }
            }
            case "boolean" -> {
                if (!(value.isBoolean() || (value.isTextual() && value.asText().matches("true|false")))) {
                    problems.add(path + ": expected a boolean, got " + nodeKind(value) + " " + value);
                }
            }
            case "date-time" -> {
                if (!value.isTextual()) {
                    problems.add(path + ": expected a date-time string, got " + nodeKind(value));
                }
            }
            case "json" -> {
                // Any JSON value (policy documents and the like).
            }
            case "tag" -> {
                if (!value.isObject() || !value.has("Key") || !value.has("Value") || value.size() != 2) {
                    problems.add(path + ": expected a tag {Key, Value}, got " + value);
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(path + ": expected a list, got " + nodeKind(value));
                } else {
                    for (int i = 0; i < value.size(); i++) {
                        problems.addAll(check(path + "/" + i, value.get(i), type.path("element")));
                    }
                }
            }
            case "map" -> {
                if (!value.isObject()) {
                    problems.add(path + ": expected a mapping, got " + nodeKind(value));
                } else {
                    value.properties().forEach(e ->
                            problems.addAll(check(path + "/" + e.getKey(), e.getValue(), type.path("element"))));
                }
            }
            case "union" -> {
                List<String> firstFailure = null;
                for (JsonNode alternative : type.path("types")) {
                    List<String> result = check(path, value, alternative);
                    if (result.isEmpty()) {
                        return result;
                    }
                    if (firstFailure == null) {
                        firstFailure = result;
                    }
                }
                problems.add(path + ": matches none of " + describe(type)
                        + (firstFailure == null ? "" : " (first: " + firstFailure.get(0) + ")"));
            }
            case "ref" -> {
                JsonNode definition = spec.typeDefinition(type);
                if (!value.isObject()) {
                    problems.add(path + ": expected " + definition.path("name").asText() + " (a mapping), got " + nodeKind(value));
                } else {
                    checkObject(path, (ObjectNode) value, definition.path("properties"), Map.of(), problems);
                    if (CfnSpec.isUnion(definition)) {
                        checkUnion(path, (ObjectNode) value, definition, problems);
                    }
                }
            }
            default -> problems.add(path + ": the spec uses a type this validator does not know: " + kind);
        }
        return problems;
    }

    /** A union type structure takes exactly one of its properties (the specification's documentation says which types are). */
    private static void checkUnion(String path, ObjectNode value, JsonNode definition, List<String> problems) {
        List<String> present = new ArrayList<>();
        value.properties().forEach(e -> {
            // Unknown names are reported on their own; here only what the type defines counts.
            if (definition.path("properties").has(e.getKey()) && !isAbsent(e.getValue())) {
                present.add(e.getKey());
            }
        });
        if (present.size() != 1) {
            problems.add(path + ": " + definition.path("name").asText() + " is a union: set exactly one of "
                    + fieldNames(definition.path("properties")) + ", got " + (present.isEmpty() ? "none" : present));
        }
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private String describe(JsonNode type) {
        String kind = type.path("type").asText();
        return switch (kind) {
            case "ref" -> spec.typeDefinition(type).path("name").asText();
            case "array", "map" -> kind + "<" + describe(type.path("element")) + ">";
            case "union" -> {
                List<String> parts = new ArrayList<>();
                type.path("types").forEach(t -> parts.add(describe(t)));
                yield String.join("|", parts);
            }
            default -> kind;
        };
    }

    static String nodeKind(JsonNode value) {
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        return value.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
