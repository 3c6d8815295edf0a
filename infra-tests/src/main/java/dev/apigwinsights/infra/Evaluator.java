package dev.apigwinsights.infra;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the parameter-only part of a template the way CloudFormation would for given parameter
 * values: conditions, and string/list expressions built from {@code Ref}, {@code Fn::Sub},
 * {@code Fn::Join}, {@code Fn::Split}, {@code Fn::Select} and {@code Fn::If}. Resources and their
 * attributes, unknown until deployment, evaluate to placeholders like {@code <LogsBucket>} and
 * {@code <DeliveryStream.Arn>}; pseudo parameters to fixed sample values.
 */
public final class Evaluator {

    private static final Map<String, String> PSEUDO = Map.of(
            "AWS::AccountId", "123456789012",
            "AWS::Partition", "aws",
            "AWS::Region", "eu-west-1",
            "AWS::StackName", "sample-stack",
            "AWS::URLSuffix", "amazonaws.com",
            "AWS::StackId", "arn:aws:cloudformation:eu-west-1:123456789012:stack/sample-stack/id");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final Template template;
    private final Map<String, String> parameters = new HashMap<>();

    /** Parameter values: the given ones, the template's defaults for the rest. */
    public Evaluator(Template template, Map<String, String> overrides) {
        this.template = template;
        template.parameters().properties().forEach(e -> {
            JsonNode def = e.getValue().get("Default");
            if (def != null) {
                parameters.put(e.getKey(), def.asText());
            }
        });
        parameters.putAll(overrides);
    }

    public boolean condition(String name) {
        JsonNode condition = template.conditions().get(name);
        if (condition == null) {
            throw new IllegalArgumentException("no condition " + name);
        }
        return bool(condition);
    }

    boolean bool(JsonNode node) {
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        String function = Template.functionName(node);
        JsonNode args = node.get(function);
        return switch (function) {
            case "Fn::Equals" -> string(args.get(0)).equals(string(args.get(1)));
            case "Fn::Not" -> !bool(args.get(0));
            case "Fn::And" -> {
                boolean all = true;
                for (JsonNode a : args) {
                    all &= bool(a);
                }
                yield all;
            }
            case "Fn::Or" -> {
                boolean any = false;
                for (JsonNode a : args) {
                    any |= bool(a);
                }
                yield any;
            }
            case "Condition" -> condition(args.asText());
            default -> throw new IllegalArgumentException("not a condition function: " + function);
        };
    }

    /** The value of a scalar expression. */
    public String string(JsonNode node) {
        if (node.isValueNode()) {
            return node.asText();
        }
        if (!Template.isIntrinsic(node)) {
            throw new IllegalArgumentException("not a scalar expression: " + node);
        }
        String function = Template.functionName(node);
        JsonNode args = node.get(function);
        return switch (function) {
            case "Ref" -> ref(args.asText());
            case "Fn::Sub" -> sub(args);
            case "Fn::Join" -> String.join(args.get(0).asText(), list(args.get(1)));
            case "Fn::Select" -> list(args.get(1)).get(Integer.parseInt(string(args.get(0))));
            case "Fn::If" -> string(condition(args.get(0).asText()) ? args.get(1) : args.get(2));
            case "Fn::GetAtt" -> "<" + args.get(0).asText() + "." + args.get(1).asText() + ">";
            default -> throw new IllegalArgumentException("cannot evaluate " + function);
        };
    }

    /** The value of a list expression. */
    public List<String> list(JsonNode node) {
        if (node.isArray()) {
            List<String> out = new ArrayList<>();
            node.forEach(n -> out.add(string(n)));
            return out;
        }
        String function = Template.functionName(node);
        JsonNode args = node.get(function);
        if (function.equals("Fn::Split")) {
            // CloudFormation keeps empty fields, including trailing ones.
            return List.of(string(args.get(1)).split(Pattern.quote(args.get(0).asText()), -1));
        }
        if (function.equals("Ref")) {
            return List.of(ref(args.asText()).split(",", -1));
        }
        throw new IllegalArgumentException("cannot evaluate " + function + " as a list");
    }

    private String ref(String name) {
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        if (PSEUDO.containsKey(name)) {
            return PSEUDO.get(name);
        }
        return "<" + name + ">";
    }

    private String sub(JsonNode args) {
        String text = args.isTextual() ? args.asText() : args.get(0).asText();
        Map<String, String> locals = new HashMap<>();
        if (args.isArray()) {
            args.get(1).properties().forEach(e -> locals.put(e.getKey(), string(e.getValue())));
        }
        Matcher m = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String variable = m.group(1).trim();
            String value;
            if (variable.startsWith("!")) {
                value = "${" + variable.substring(1) + "}";
            } else if (locals.containsKey(variable)) {
                value = locals.get(variable);
            } else if (variable.contains(".") && !PSEUDO.containsKey(variable)) {
                value = "<" + variable + ">";
            } else {
                value = ref(variable);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
