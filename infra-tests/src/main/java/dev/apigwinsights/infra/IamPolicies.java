package dev.apigwinsights.infra;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Least-privilege rules for every IAM policy in a template (role inline policies and trust
 * policies, managed policies, bucket/topic/queue policies, SAM function {@code Policies}):
 * <ul>
 *   <li>an {@code Allow} statement names actions: no {@code *}, no {@code service:*}, no
 *       {@code NotAction};</li>
 *   <li>an {@code Allow} statement names resources: no bare {@code *} and no {@code NotResource},
 *       except the (action, reason) pairs in {@link #STAR_RESOURCE_REQUIRED};</li>
 *   <li>no {@code ManagedPolicyArns} (AWS managed policies are broad; write the statements);</li>
 *   <li>trust policies trust a service, never {@code *}.</li>
 * </ul>
 * {@code Deny} statements may use wildcards: they only remove permissions (e.g. TLS-only buckets).
 */
public final class IamPolicies {

    /**
     * Actions AWS only authorizes on {@code Resource: "*"}, with the reason. Empty today: every
     * statement of template.yaml is scoped. Add an entry only with the documentation saying so.
     */
    static final Map<String, String> STAR_RESOURCE_REQUIRED = Map.of();

    private static final Set<String> POLICY_HOLDERS = Set.of(
            "AWS::S3::BucketPolicy", "AWS::SNS::TopicPolicy", "AWS::SQS::QueuePolicy",
            "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy");

    private IamPolicies() {
    }

    /** A policy document found in the template, with where it was found and whether it is a trust policy. */
    public record Document(String path, JsonNode document, boolean trust) {
    }

    /** One statement as it can be after conditions resolve ({@code Fn::If} branches are separate). */
    public record Statement(String path, JsonNode statement, boolean trust) {
    }

    public static List<Document> documents(Template template) {
        List<Document> documents = new ArrayList<>();
        template.resourceMap().forEach((id, resource) -> {
            String type = resource.path("Type").asText();
            JsonNode properties = resource.path("Properties");
            String path = "Resources/" + id + "/Properties";
            if (type.equals("AWS::IAM::Role")) {
                if (properties.has("AssumeRolePolicyDocument")) {
                    documents.add(new Document(path + "/AssumeRolePolicyDocument", properties.get("AssumeRolePolicyDocument"), true));
                }
                JsonNode policies = properties.path("Policies");
                for (int i = 0; i < policies.size(); i++) {
                    for (JsonNode policy : Template.alternatives(policies.get(i))) {
                        documents.add(new Document(path + "/Policies/" + i + "/PolicyDocument", policy.path("PolicyDocument"), false));
                    }
                }
            } else if (POLICY_HOLDERS.contains(type)) {
                documents.add(new Document(path + "/PolicyDocument", properties.path("PolicyDocument"), false));
            } else if (type.equals("AWS::Serverless::Function")) {
                JsonNode policies = properties.path("Policies");
                if (policies.isObject()) {
                    documents.add(new Document(path + "/Policies", policies, false));
                } else if (policies.isArray()) {
                    for (int i = 0; i < policies.size(); i++) {
                        if (policies.get(i).has("Statement")) {
                            documents.add(new Document(path + "/Policies/" + i, policies.get(i), false));
                        }
                    }
                }
            }
        });
        return documents;
    }

    public static List<Statement> statements(Template template) {
        List<Statement> statements = new ArrayList<>();
        for (Document document : documents(template)) {
            JsonNode list = document.document().path("Statement");
            if (list.isArray()) {
                for (int i = 0; i < list.size(); i++) {
                    for (JsonNode statement : Template.alternatives(list.get(i))) {
                        statements.add(new Statement(document.path() + "/Statement/" + i, statement, document.trust()));
                    }
                }
            } else if (list.isObject()) {
                for (JsonNode statement : Template.alternatives(list)) {
                    statements.add(new Statement(document.path() + "/Statement", statement, document.trust()));
                }
            }
        }
        return statements;
    }

    /** Every violation of the rules above, one message each. */
    public static List<String> violations(Template template) {
        List<String> problems = new ArrayList<>();
        template.resourceMap().forEach((id, resource) -> {
            if (resource.path("Properties").has("ManagedPolicyArns")) {
                problems.add("Resources/" + id + ": ManagedPolicyArns grants AWS-written, usually broad permissions; write scoped statements");
            }
            if (resource.path("Type").asText().equals("AWS::Serverless::Function")) {
                JsonNode policies = resource.path("Properties").path("Policies");
                for (JsonNode policy : policies.isArray() ? policies : List.of(policies)) {
                    if (policy.isTextual()) {
                        problems.add("Resources/" + id + "/Properties/Policies: managed policy '" + policy.asText() + "'; write scoped statements");
                    }
                }
            }
        });
        for (Statement s : statements(template)) {
            JsonNode statement = s.statement();
            if (!"Allow".equals(statement.path("Effect").asText())) {
                continue;
            }
            if (statement.has("NotAction")) {
                problems.add(s.path() + ": NotAction in an Allow statement grants everything else");
            }
            if (statement.has("NotResource")) {
                problems.add(s.path() + ": NotResource in an Allow statement grants everything else");
            }
            List<String> actions = texts(statement.path("Action"));
            if (actions.isEmpty() && !statement.has("NotAction")) {
                problems.add(s.path() + ": no Action");
            }
            for (String action : actions) {
                if (action.equals("*") || action.endsWith(":*")) {
                    problems.add(s.path() + ": wildcard action '" + action + "'");
                }
            }
            if (s.trust()) {
                JsonNode principal = statement.path("Principal");
                if (principal.isTextual() || principal.path("AWS").asText().equals("*")) {
                    problems.add(s.path() + ": a trust policy must name its principal, not " + principal);
                }
                continue;
            }
            JsonNode resource = statement.path("Resource");
            if (resource.isMissingNode() && !statement.has("NotResource")) {
                problems.add(s.path() + ": no Resource");
            }
            for (JsonNode r : resource.isArray() ? resource : List.of(resource)) {
                if (r.isTextual() && r.asText().equals("*")) {
                    List<String> unexplained = actions.stream().filter(a -> !STAR_RESOURCE_REQUIRED.containsKey(a)).toList();
                    if (!unexplained.isEmpty()) {
                        problems.add(s.path() + ": Resource '*' for " + unexplained + " (scope it, or allowlist an action AWS only grants on '*')");
                    }
                }
            }
        }
        return problems;
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(n -> {
                if (n.isTextual()) {
                    out.add(n.asText());
                }
            });
        }
        return out;
    }
}
