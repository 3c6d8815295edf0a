package dev.apigwinsights.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parameters are validated and described; samconfig.toml only sets values they accept. */
class ParametersTest {

    private static final Pattern OVERRIDE = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Template template = Repo.template();

    @Test
    void everyParameterIsDescribedAndConstrained() {
        template.parameters().properties().forEach(e -> {
            String name = e.getKey();
            JsonNode p = e.getValue();
            assertThat(p.path("Description").asText()).as("%s Description", name).hasSizeGreaterThan(20);
            assertThat(p.has("Default")).as("%s has a Default (sam deploy --guided proposes it)", name).isTrue();
            switch (p.path("Type").asText()) {
                case "String" -> assertThat(p.has("AllowedPattern") || p.has("AllowedValues") || p.has("MaxLength"))
                        .as("%s is a String without AllowedPattern, AllowedValues or MaxLength", name).isTrue();
                case "Number" -> assertThat(p.has("AllowedValues") || (p.has("MinValue") && p.has("MaxValue")))
                        .as("%s is a Number without MinValue/MaxValue or AllowedValues", name).isTrue();
                default -> throw new AssertionError(name + " has unexpected Type " + p.path("Type"));
            }
            if (p.has("AllowedPattern")) {
                assertThat(p.has("ConstraintDescription")).as("%s explains its AllowedPattern", name).isTrue();
            }
            assertThat(violation(name, p.path("Default").asText())).as("default of %s", name).isEmpty();
        });
    }

    @Test
    void constraintsRejectWhatTheyShould() {
        assertThat(violation("ProjectName", "Apigw")).isPresent();
        assertThat(violation("ProjectName", "a".repeat(33))).isPresent();
        assertThat(violation("ProjectName", "my-project-2")).isEmpty();
        assertThat(violation("CloudWatchLogGroupNames", "/aws/http/a, /aws/ws/b")).isPresent();
        assertThat(violation("CloudWatchLogGroupNames", "a,b,c,d,e,f")).isPresent();
        assertThat(violation("CloudWatchLogGroupNames", "/aws/vendedlogs/http-a,API-Gateway-Execution-Logs_x/prod")).isEmpty();
        assertThat(violation("ProcessorBufferSizeMB", "4")).isPresent();
        assertThat(violation("KmsKeyArn", "alias/mine")).isPresent();
        assertThat(violation("KmsKeyArn", "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")).isEmpty();
        assertThat(violation("DataRefreshFrequency", "rate(1 hour)")).isPresent();
        assertThat(violation("DataRefreshFrequency", "")).isEmpty();
        assertThat(violation("AlarmEmail", "ops@example.com")).isEmpty();
        assertThat(violation("LogRetentionDays", "31")).isPresent();
        assertThat(violation("GeoIpDatabase", "GeoLite2-Country.mmdb")).isPresent();
        assertThat(violation("GeoIpDatabase", "/opt/geoip/GeoLite2-Country.csv")).isPresent();
        assertThat(violation("GeoIpDatabase", "/opt/geoip/GeoLite2-Country.mmdb")).isEmpty();
        assertThat(violation("GeoIpDatabase", "none")).isEmpty();
    }

    @Test
    void consoleParameterGroupsListEveryParameterOnce() {
        List<String> grouped = new ArrayList<>();
        template.root().path("Metadata").path("AWS::CloudFormation::Interface").path("ParameterGroups")
                .forEach(g -> g.path("Parameters").forEach(p -> grouped.add(p.asText())));
        List<String> declared = new ArrayList<>();
        template.parameters().fieldNames().forEachRemaining(declared::add);

        assertThat(grouped).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void samconfigOverridesAreValidParameterValues() throws IOException {
        JsonNode config = new TomlMapper().readTree(Repo.file("samconfig.toml").toFile());
        assertThat(config.path("version").asDouble()).isEqualTo(0.1);
        Set<String> projectNames = new HashSet<>();
        Set<String> stackNames = new HashSet<>();
        config.properties().forEach(env -> {
            if (!env.getValue().isObject()) {
                return;
            }
            JsonNode deploy = env.getValue().path("deploy").path("parameters");
            if (deploy.isMissingNode()) {
                return;
            }
            assertThat(deploy.path("capabilities").asText()).as("[%s] capabilities", env.getKey()).contains("CAPABILITY_IAM");
            Map<String, String> overrides = overrides(deploy.path("parameter_overrides").asText());
            overrides.forEach((name, value) -> assertThat(violation(name, value)).as("[%s] %s=%s", env.getKey(), name, value).isEmpty());
            projectNames.add(overrides.getOrDefault("ProjectName", template.parameters().path("ProjectName").path("Default").asText()));
            String stackName = deploy.path("stack_name").asText(env.getValue().path("global").path("parameters").path("stack_name").asText());
            stackNames.add(stackName);
        });

        assertThat(projectNames).as("each samconfig environment deploys its own ProjectName").hasSameSizeAs(stackNames).hasSizeGreaterThan(1);
    }

    @Test
    void aSecondStackGetsOtherNamesAndNamesFitTheirLimits() {
        String longest = "p" + "x".repeat(30) + "1";
        Evaluator a = new Evaluator(template, Map.of("ProjectName", longest));
        Evaluator b = new Evaluator(template, Map.of("ProjectName", "other-stack"));
        Map<String, Integer> limits = new LinkedHashMap<>();
        limits.put("AWS::KinesisFirehose::DeliveryStream DeliveryStreamName", 64);
        limits.put("AWS::Serverless::Function FunctionName", 64);
        limits.put("AWS::Serverless::LayerVersion LayerName", 140);
        limits.put("AWS::Logs::LogGroup LogGroupName", 512);
        limits.put("AWS::Logs::SubscriptionFilter FilterName", 512);
        limits.put("AWS::Glue::Database DatabaseInput/Name", 255);
        limits.put("AWS::Glue::Crawler Name", 255);
        limits.put("AWS::Athena::WorkGroup Name", 128);
        int checked = 0;
        for (Map.Entry<String, JsonNode> r : template.resourceMap().entrySet()) {
            String type = r.getValue().path("Type").asText();
            JsonNode properties = r.getValue().path("Properties");
            for (Map.Entry<String, Integer> limit : limits.entrySet()) {
                String[] typeAndPath = limit.getKey().split(" ");
                if (!typeAndPath[0].equals(type)) {
                    continue;
                }
                JsonNode name = properties.at("/" + typeAndPath[1]);
                assertThat(name.isMissingNode()).as("%s has no %s", r.getKey(), typeAndPath[1]).isFalse();
                assertThat(a.string(name)).as("%s %s", r.getKey(), typeAndPath[1]).hasSizeLessThanOrEqualTo(limit.getValue())
                        .isNotEqualTo(b.string(name));
                checked++;
            }
            // Generated names cannot clash between stacks (and IAM names would need CAPABILITY_NAMED_IAM).
            for (String generated : List.of("RoleName", "BucketName", "TopicName")) {
                assertThat(properties.has(generated)).as("%s sets %s: let CloudFormation generate it", r.getKey(), generated).isFalse();
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(8);
        assertThat(a.string(template.resource("GlueDatabase").path("Properties").path("DatabaseInput").path("Name")))
                .matches("[a-z0-9_]+");
    }

    @Test
    void anEmptyLogGroupListCreatesNoSubscription() {
        Evaluator none = new Evaluator(template, Map.of("CloudWatchLogGroupNames", ""));

        assertThat(none.condition("HasLogGroups")).isFalse();
        for (String id : template.resourcesOfType("AWS::Logs::SubscriptionFilter")) {
            assertThat(none.condition(template.resource(id).path("Condition").asText())).as(id).isFalse();
        }
        assertThat(template.resource("CloudWatchLogsToFirehoseRole").path("Condition").asText()).isEqualTo("HasLogGroups");
    }

    @Test
    void eachListedLogGroupFillsOneSubscriptionSlot() {
        List<String> ids = template.resourcesOfType("AWS::Logs::SubscriptionFilter");
        String maxGroups = "/aws/http/a,/aws/ws/b,c,d,e";
        assertThat(violation("CloudWatchLogGroupNames", maxGroups)).isEmpty();
        assertThat(ids).hasSize(maxGroups.split(",").length);

        for (String list : List.of("/aws/http/a", "/aws/http/a,/aws/ws/b", maxGroups)) {
            Evaluator evaluator = new Evaluator(template, Map.of("CloudWatchLogGroupNames", list));
            List<String> subscribed = new ArrayList<>();
            for (String id : ids) {
                JsonNode filter = template.resource(id);
                if (evaluator.condition(filter.path("Condition").asText())) {
                    subscribed.add(evaluator.string(filter.path("Properties").get("LogGroupName")));
                    assertThat(filter.path("Properties").path("FilterPattern").asText()).isEmpty();
                }
            }
            assertThat(subscribed).as("subscriptions for %s", list).containsExactly(list.split(","));
            assertThat(evaluator.condition("HasLogGroups")).isTrue();
        }
    }

    /** Why CloudFormation would refuse {@code value} for parameter {@code name}, if it would. */
    private Optional<String> violation(String name, String value) {
        JsonNode p = template.parameters().get(name);
        if (p == null) {
            return Optional.of("no parameter " + name);
        }
        if (p.has("AllowedValues")) {
            boolean allowed = false;
            for (JsonNode v : p.get("AllowedValues")) {
                allowed |= v.asText().equals(value);
            }
            if (!allowed) {
                return Optional.of(value + " not in " + p.get("AllowedValues"));
            }
        }
        if (p.path("Type").asText().equals("Number")) {
            double number;
            try {
                number = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                return Optional.of(value + " is not a number");
            }
            if (p.has("MinValue") && number < p.get("MinValue").asDouble()) {
                return Optional.of(value + " < " + p.get("MinValue"));
            }
            if (p.has("MaxValue") && number > p.get("MaxValue").asDouble()) {
                return Optional.of(value + " > " + p.get("MaxValue"));
            }
        } else {
            if (p.has("AllowedPattern") && !value.matches(p.get("AllowedPattern").asText())) {
                return Optional.of(value + " does not match " + p.get("AllowedPattern"));
            }
            if (p.has("MaxLength") && value.length() > p.get("MaxLength").asInt()) {
                return Optional.of(value + " is longer than " + p.get("MaxLength"));
            }
        }
        return Optional.empty();
    }

    /** {@code Key="Value" Other="x y"}: the syntax sam uses in parameter_overrides. */
    static Map<String, String> overrides(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = OVERRIDE.matcher(text);
        while (m.find()) {
            out.put(m.group(1), m.group(2).replace("\\\"", "\""));
        }
        assertThat(text.replaceAll(OVERRIDE.pattern(), "").isBlank()).as("unparsed parameter_overrides in %s", text).isTrue();
        return out;
    }
}
