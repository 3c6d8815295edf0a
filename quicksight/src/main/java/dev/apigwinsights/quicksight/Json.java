package dev.apigwinsights.quicksight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collection;

/** Compact construction of the JSON the builders emit, keys in the order given. */
final class Json {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    /** An object from alternating keys and values; a null value leaves the key out. */
    static ObjectNode obj(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        ObjectNode node = NODES.objectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null) {
                node.set((String) keysAndValues[i], node(value));
            }
        }
        return node;
    }

    static ArrayNode arr(Object... values) {
        ArrayNode node = NODES.arrayNode();
        for (Object value : values) {
            node.add(node(value));
        }
        return node;
    }

    static ArrayNode arr(Collection<?> values) {
        return arr(values.toArray());
    }

    static JsonNode node(Object value) {
        if (value instanceof JsonNode json) {
            return json;
        }
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Integer number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Double number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof Enum<?> constant) {
            return NODES.textNode(constant.name());
        }
        if (value instanceof Collection<?> list) {
            return arr(list);
        }
        throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
    }

    // CloudFormation intrinsic functions, long form.

    static ObjectNode ref(String name) {
        return obj("Ref", name);
    }

    static ObjectNode sub(String text) {
        return obj("Fn::Sub", text);
    }

    static ObjectNode getAtt(String resource, String attribute) {
        return obj("Fn::GetAtt", arr(resource, attribute));
    }

    static ObjectNode ifThen(String condition, Object then, Object otherwise) {
        return obj("Fn::If", arr(condition, then, otherwise));
    }

    static ObjectNode noValue() {
        return ref("AWS::NoValue");
    }
}
