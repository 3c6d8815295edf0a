package dev.apigwinsights.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CloudFormation YAML template the way CloudFormation does: short-form intrinsic tags
 * ({@code !Ref x}, {@code !GetAtt a.b}, {@code !Sub ...}) become their long form
 * ({@code {"Ref": "x"}}, {@code {"Fn::GetAtt": ["a", "b"]}}, {@code {"Fn::Sub": ...}}), dates stay
 * strings, duplicate keys are an error, and any other tag is rejected.
 */
public final class CfnYaml {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Short tag (without {@code !}) to the long-form key CloudFormation uses. */
    private static final Map<String, String> FUNCTIONS = Map.ofEntries(
            Map.entry("Ref", "Ref"),
            Map.entry("Condition", "Condition"),
            Map.entry("GetAtt", "Fn::GetAtt"),
            Map.entry("Sub", "Fn::Sub"),
            Map.entry("Join", "Fn::Join"),
            Map.entry("Split", "Fn::Split"),
            Map.entry("Select", "Fn::Select"),
            Map.entry("If", "Fn::If"),
            Map.entry("Equals", "Fn::Equals"),
            Map.entry("Not", "Fn::Not"),
            Map.entry("And", "Fn::And"),
            Map.entry("Or", "Fn::Or"),
            Map.entry("FindInMap", "Fn::FindInMap"),
            Map.entry("Base64", "Fn::Base64"),
            Map.entry("Cidr", "Fn::Cidr"),
            Map.entry("GetAZs", "Fn::GetAZs"),
            Map.entry("ImportValue", "Fn::ImportValue"),
            Map.entry("Transform", "Fn::Transform"),
            Map.entry("ToJsonString", "Fn::ToJsonString"),
            Map.entry("Length", "Fn::Length"));

    private CfnYaml() {
    }

    public static ObjectNode read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static ObjectNode parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object document = new Yaml(new CfnConstructor(options)).load(yaml);
        JsonNode tree = MAPPER.valueToTree(document);
        if (!(tree instanceof ObjectNode root)) {
            throw new IllegalArgumentException("a template is a YAML mapping");
        }
        return root;
    }

    private static final class CfnConstructor extends SafeConstructor {

        CfnConstructor(LoaderOptions options) {
            super(options);
            FUNCTIONS.forEach((shortName, longName) ->
                    yamlConstructors.put(new Tag("!" + shortName), new FunctionConstruct(shortName, longName)));
            // CloudFormation keeps unquoted dates (e.g. a policy Version) as strings.
            yamlConstructors.put(Tag.TIMESTAMP, yamlConstructors.get(Tag.STR));
        }

        private final class FunctionConstruct extends AbstractConstruct {
            private final String shortName;
            private final String longName;

            FunctionConstruct(String shortName, String longName) {
                this.shortName = shortName;
                this.longName = longName;
            }

            @Override
            public Object construct(Node node) {
                Object argument;
                if (node instanceof ScalarNode scalar) {
                    String text = constructScalar(scalar);
                    argument = shortName.equals("GetAtt") ? splitGetAtt(text) : text;
                } else if (node instanceof SequenceNode sequence) {
                    argument = constructSequence(sequence);
                } else if (node instanceof MappingNode mapping) {
                    argument = constructMapping(mapping);
                } else {
                    throw new IllegalArgumentException("unsupported node for !" + shortName);
                }
                Map<String, Object> function = new LinkedHashMap<>();
                function.put(longName, argument);
                return function;
            }

            /** {@code !GetAtt Resource.Attribute.With.Dots}: the resource name ends at the first dot. */
            private List<String> splitGetAtt(String text) {
                int dot = text.indexOf('.');
                if (dot <= 0 || dot == text.length() - 1) {
                    throw new IllegalArgumentException("!GetAtt needs Resource.Attribute, got '" + text + "'");
                }
                return List.of(text.substring(0, dot), text.substring(dot + 1));
            }
        }
    }
}
