package dev.apigwinsights.infra;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that every name a template uses resolves: {@code Ref} targets, {@code Fn::GetAtt} resources
 * and attributes (per the spec), {@code Fn::Sub} variables, {@code Fn::If} and resource/output
 * conditions, {@code Condition} references inside conditions, {@code DependsOn} targets and
 * {@code Fn::FindInMap} maps; that conditions reference parameters only; and that no parameter or
 * condition is left unused.
 *
 * <p>A nested stack ({@code AWS::CloudFormation::Stack}) exposes its outputs as {@code Outputs.Name}.
 *
 * <p>SAM adds names of its own: a function with {@code AutoPublishAlias} can be referenced as
 * {@code Id.Alias} and {@code Id.Version}, and one without {@code Role} gets {@code IdRole}.
 */
public final class TemplateReferences {

    /** The CloudFormation type a SAM resource becomes, for its {@code Fn::GetAtt} attributes. */
    static final Map<String, String> SAM_TRANSFORMED_TYPES = Map.of(
            "AWS::Serverless::Function", "AWS::Lambda::Function",
            "AWS::Serverless::LayerVersion", "AWS::Lambda::LayerVersion",
            "AWS::Serverless::Api", "AWS::ApiGateway::RestApi",
            "AWS::Serverless::HttpApi", "AWS::ApiGatewayV2::Api",
            "AWS::Serverless::SimpleTable", "AWS::DynamoDB::Table",
            "AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine");

    private static final Set<String> TOP_LEVEL_KEYS = Set.of(
            "AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules", "Mappings",
            "Conditions", "Transform", "Resources", "Outputs", "Globals");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final CfnSpec spec;

    public TemplateReferences(CfnSpec spec) {
        this.spec = spec;
    }

    public List<String> check(Template template) {
        Context context = new Context(template);
        context.run();
        return context.problems;
    }

    /** Names a template can reference: resource logical ids (and SAM's generated ones) with their CloudFormation type. */
    static Map<String, String> referenceableResources(Template template) {
        Map<String, String> types = new LinkedHashMap<>();
        template.resourceMap().forEach((id, resource) -> {
            String type = resource.path("Type").asText();
            types.put(id, SAM_TRANSFORMED_TYPES.getOrDefault(type, type));
            if (type.equals("AWS::Serverless::Function")) {
                JsonNode properties = resource.path("Properties");
                if (properties.has("AutoPublishAlias")) {
                    types.put(id + ".Alias", "AWS::Lambda::Alias");
                    types.put(id + ".Version", "AWS::Lambda::Version");
                }
                if (!properties.has("Role")) {
                    types.put(id + "Role", "AWS::IAM::Role");
                }
            }
        });
        return types;
    }

    private final class Context {
        final Template template;
        final List<String> problems = new ArrayList<>();
        final Map<String, String> resources;
        final Set<String> parameters = new HashSet<>();
        final Set<String> conditions = new HashSet<>();
        final Set<String> mappings = new HashSet<>();
        final Set<String> usedParameters = new HashSet<>();
        final Set<String> usedConditions = new HashSet<>();

        Context(Template template) {
            this.template = template;
            this.resources = referenceableResources(template);
            template.parameters().fieldNames().forEachRemaining(parameters::add);
            template.conditions().fieldNames().forEachRemaining(conditions::add);
            template.section("Mappings").fieldNames().forEachRemaining(mappings::add);
        }

        void run() {
            template.root().fieldNames().forEachRemaining(key -> {
                if (!TOP_LEVEL_KEYS.contains(key)) {
                    problems.add("unknown top-level section '" + key + "'");
                }
            });
            boolean usesSam = template.resourceMap().values().stream()
                    .anyMatch(r -> r.path("Type").asText().startsWith("AWS::Serverless::"));
            if (usesSam && !template.root().path("Transform").toString().contains("AWS::Serverless-2016-10-31")) {
                problems.add("AWS::Serverless resources need 'Transform: AWS::Serverless-2016-10-31'");
            }

            template.conditions().properties().forEach(e ->
                    Template.walk(e.getValue(), "Conditions/" + e.getKey(), (path, node) -> visit(path, node, true)));
            template.resourceMap().forEach((id, resource) -> {
                String path = "Resources/" + id;
                condition(path + "/Condition", resource.get("Condition"));
                dependsOn(path + "/DependsOn", resource.get("DependsOn"));
                for (String key : List.of("Properties", "Metadata", "UpdatePolicy", "CreationPolicy")) {
                    if (resource.has(key)) {
                        Template.walk(resource.get(key), path + "/" + key, (p, node) -> visit(p, node, false));
                    }
                }
            });
            template.outputs().properties().forEach(e -> {
                String path = "Outputs/" + e.getKey();
                condition(path + "/Condition", e.getValue().get("Condition"));
                Template.walk(e.getValue(), path, (p, node) -> visit(p, node, false));
            });

            for (String parameter : parameters) {
                if (!usedParameters.contains(parameter)) {
                    problems.add("Parameters/" + parameter + ": never referenced");
                }
            }
            for (String condition : conditions) {
                if (!usedConditions.contains(condition)) {
                    problems.add("Conditions/" + condition + ": never used");
                }
            }
        }

        void condition(String path, JsonNode name) {
            if (name == null) {
                return;
            }
            if (!name.isTextual() || !conditions.contains(name.asText())) {
                problems.add(path + ": unknown condition " + name);
            } else {
                usedConditions.add(name.asText());
            }
        }

        void dependsOn(String path, JsonNode dependsOn) {
            if (dependsOn == null) {
                return;
            }
            List<JsonNode> targets = new ArrayList<>();
            if (dependsOn.isArray()) {
                dependsOn.forEach(targets::add);
            } else {
                targets.add(dependsOn);
            }
            for (JsonNode target : targets) {
                if (!target.isTextual() || !template.resources().has(target.asText())) {
                    problems.add(path + ": unknown resource " + target);
                }
            }
        }

        void visit(String path, JsonNode node, boolean inConditions) {
            if (!Template.isIntrinsic(node)) {
                return;
            }
            String function = Template.functionName(node);
            JsonNode argument = node.get(function);
            switch (function) {
                case "Ref" -> ref(path, argument.asText(), inConditions);
                case "Condition" -> {
                    if (!inConditions) {
                        problems.add(path + ": {Condition: ...} is only valid inside Conditions");
                    }
                    condition(path, argument);
                }
                case "Fn::If" -> {
                    if (!argument.isArray() || argument.size() != 3) {
                        problems.add(path + ": Fn::If takes [condition, then, else]");
                    } else {
                        condition(path + "/Fn::If/0", argument.get(0));
                    }
                }
                case "Fn::GetAtt" -> getAtt(path, argument, inConditions);
                case "Fn::Sub" -> sub(path, argument, inConditions);
                case "Fn::FindInMap" -> {
                    if (!argument.isArray() || argument.size() != 3) {
                        problems.add(path + ": Fn::FindInMap takes [map, key, key]");
                    } else if (argument.get(0).isTextual() && !mappings.contains(argument.get(0).asText())) {
                        problems.add(path + ": unknown mapping " + argument.get(0));
                    }
                }
                default -> {
                    // Other functions only combine values; their arguments are visited by the walk.
                }
            }
        }

        void ref(String path, String name, boolean inConditions) {
            if (parameters.contains(name)) {
                usedParameters.add(name);
            } else if (Template.PSEUDO_PARAMETERS.contains(name)) {
                // Always resolvable.
            } else if (resources.containsKey(name)) {
                if (inConditions) {
                    problems.add(path + ": conditions can only reference parameters, not resource " + name);
                }
            } else {
                problems.add(path + ": Ref to unknown name '" + name + "'");
            }
        }

        void getAtt(String path, JsonNode argument, boolean inConditions) {
            if (inConditions) {
                problems.add(path + ": Fn::GetAtt is not allowed in conditions");
            }
            if (!argument.isArray() || argument.size() != 2 || !argument.get(0).isTextual()) {
                problems.add(path + ": Fn::GetAtt takes [resource, attribute]");
                return;
            }
            String resource = argument.get(0).asText();
            if (!argument.get(1).isTextual()) {
                checkResourceExists(path, resource);
                return;
            }
            attribute(path, resource, argument.get(1).asText());
        }

        void attribute(String path, String resource, String attribute) {
            if (!checkResourceExists(path, resource)) {
                return;
            }
            String type = resources.get(resource);
            Set<String> attributes = spec.attributes(type);
            if (type.equals("AWS::CloudFormation::Stack") && attribute.startsWith("Outputs.") && attribute.length() > 8) {
                return; // a nested stack's output: the nested template's own test checks that it exists
            }
            if (!attributes.contains(attribute)) {
                problems.add(path + ": " + type + " (" + resource + ") has no attribute '" + attribute
                        + "'; it has " + attributes);
            }
        }

        boolean checkResourceExists(String path, String resource) {
            if (!resources.containsKey(resource)) {
                problems.add(path + ": Fn::GetAtt of unknown resource '" + resource + "'");
                return false;
            }
            return true;
        }

        void sub(String path, JsonNode argument, boolean inConditions) {
            String text;
            Set<String> locals = new HashSet<>();
            if (argument.isTextual()) {
                text = argument.asText();
            } else if (argument.isArray() && argument.size() == 2 && argument.get(0).isTextual() && argument.get(1).isObject()) {
                text = argument.get(0).asText();
                argument.get(1).fieldNames().forEachRemaining(locals::add);
            } else {
                problems.add(path + ": Fn::Sub takes a string or [string, {variables}]");
                return;
            }
            Matcher m = SUB_VARIABLE.matcher(text);
            while (m.find()) {
                String variable = m.group(1).trim();
                if (variable.startsWith("!")) {
                    continue; // ${!Literal} is written out as ${Literal}
                }
                if (locals.contains(variable)) {
                    continue;
                }
                int dot = variable.indexOf('.');
                if (dot > 0 && !Template.PSEUDO_PARAMETERS.contains(variable)) {
                    if (inConditions) {
                        problems.add(path + ": ${" + variable + "} is an attribute, not allowed in conditions");
                    }
                    attribute(path + " ${" + variable + "}", variable.substring(0, dot), variable.substring(dot + 1));
                } else {
                    ref(path + " ${" + variable + "}", variable, inConditions);
                }
            }
        }
    }
}
