package dev.apigwinsights.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A parsed CloudFormation/SAM template (long-form intrinsics) with the lookups the checks need. */
public final class Template {

    public static final Set<String> PSEUDO_PARAMETERS = Set.of(
            "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition",
            "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");

    private static final JsonNode EMPTY = JsonNodeFactory.instance.objectNode();

    private final ObjectNode root;

    public Template(ObjectNode root) {
        this.root = root;
    }

    public static Template read(Path file) throws IOException {
        return new Template(CfnYaml.read(file));
    }

    public static Template parse(String yaml) {
        return new Template(CfnYaml.parse(yaml));
    }

    public ObjectNode root() {
        return root;
    }

    public JsonNode section(String name) {
        JsonNode section = root.get(name);
        return section == null ? EMPTY : section;
    }

    public JsonNode parameters() {
        return section("Parameters");
    }

    public JsonNode conditions() {
        return section("Conditions");
    }

    public JsonNode resources() {
        return section("Resources");
    }

    public JsonNode outputs() {
        return section("Outputs");
    }

    public JsonNode resource(String logicalId) {
        JsonNode resource = resources().get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("no resource " + logicalId);
        }
        return resource;
    }

    public String type(String logicalId) {
        return resource(logicalId).path("Type").asText();
    }

    /** Logical ids of the resources of one type, in template order. */
    public List<String> resourcesOfType(String type) {
        List<String> ids = new ArrayList<>();
        resources().properties().forEach(e -> {
            if (type.equals(e.getValue().path("Type").asText())) {
                ids.add(e.getKey());
            }
        });
        return ids;
    }

    public Map<String, JsonNode> resourceMap() {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        resources().properties().forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    public Optional<JsonNode> output(String name) {
        return Optional.ofNullable(outputs().get(name));
    }

    /** True for {@code {"Ref": ...}} or a single {@code Fn::*} / {@code Condition} key: an intrinsic function. */
    public static boolean isIntrinsic(JsonNode node) {
        if (node == null || !node.isObject() || node.size() != 1) {
            return false;
        }
        String key = node.fieldNames().next();
        return key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition");
    }

    public static String functionName(JsonNode intrinsic) {
        return intrinsic.fieldNames().next();
    }

    public static boolean isNoValue(JsonNode node) {
        return node != null && node.isObject() && node.size() == 1 && "AWS::NoValue".equals(node.path("Ref").asText(null));
    }

    /** Visits every node under {@code start} depth-first, with a JSON-pointer-like path for messages. */
    public static void walk(JsonNode start, String path, NodeVisitor visitor) {
        visitor.visit(path, start);
        if (start.isObject()) {
            for (Map.Entry<String, JsonNode> e : start.properties()) {
                walk(e.getValue(), path + "/" + e.getKey(), visitor);
            }
        } else if (start.isArray()) {
            for (int i = 0; i < start.size(); i++) {
                walk(start.get(i), path + "/" + i, visitor);
            }
        }
    }

    /**
     * The values a node can take once conditions are resolved: the node itself, or for
     * {@code Fn::If} both branches (recursively), without {@code AWS::NoValue}.
     */
    public static List<JsonNode> alternatives(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        collectAlternatives(node, out);
        return out;
    }

    private static void collectAlternatives(JsonNode node, List<JsonNode> out) {
        if (isNoValue(node)) {
            return;
        }
        if (isIntrinsic(node) && functionName(node).equals("Fn::If") && node.get("Fn::If").size() == 3) {
            collectAlternatives(node.get("Fn::If").get(1), out);
            collectAlternatives(node.get("Fn::If").get(2), out);
            return;
        }
        out.add(node);
    }

    @FunctionalInterface
    public interface NodeVisitor {
        void visit(String path, JsonNode node);
    }
}
