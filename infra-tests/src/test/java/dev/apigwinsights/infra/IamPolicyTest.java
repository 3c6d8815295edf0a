package dev.apigwinsights.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class IamPolicyTest {

    private final Template template = Repo.template();

    @Test
    void noWildcardActionsAndEveryResourceScoped() {
        assertThat(IamPolicies.violations(template)).isEmpty();
    }

    @Test
    void findsThePoliciesOfEveryRole() {
        assertThat(IamPolicies.documents(template)).extracting(IamPolicies.Document::path).contains(
                "Resources/TransformerRole/Properties/AssumeRolePolicyDocument",
                "Resources/TransformerRole/Properties/Policies/1/PolicyDocument",
                "Resources/FirehoseRole/Properties/Policies/0/PolicyDocument",
                "Resources/CrawlerRole/Properties/Policies/0/PolicyDocument",
                "Resources/CloudWatchLogsToFirehoseRole/Properties/Policies/0/PolicyDocument",
                "Resources/LogsBucketPolicy/Properties/PolicyDocument");
    }

    @Test
    void transformerMayReadUsagePlansAndKeysOnly() {
        List<String> resources = new ArrayList<>();
        Evaluator evaluator = new Evaluator(template, Map.of());
        for (IamPolicies.Statement s : IamPolicies.statements(template)) {
            if (s.path().startsWith("Resources/TransformerRole/Properties/Policies") && s.statement().path("Action").asText().equals("apigateway:GET")) {
                s.statement().path("Resource").forEach(r -> resources.add(evaluator.string(r)));
            }
        }

        assertThat(resources).containsExactlyInAnyOrder(
                "arn:aws:apigateway:eu-west-1::/usageplans",
                "arn:aws:apigateway:eu-west-1::/usageplans/*/keys",
                "arn:aws:apigateway:eu-west-1::/apikeys");
    }

    @Test
    void firehoseMayInvokeOnlyTheTransformerAlias() {
        JsonNode invoke = IamPolicies.statements(template).stream()
                .map(IamPolicies.Statement::statement)
                .filter(s -> s.path("Action").toString().contains("lambda:InvokeFunction"))
                .findFirst().orElseThrow();

        assertThat(invoke.path("Resource").toString()).isEqualTo("{\"Ref\":\"TransformerFunction.Alias\"}");
    }

    @Test
    void bucketRefusesPlainHttp() {
        JsonNode deny = template.resource("LogsBucketPolicy").path("Properties").path("PolicyDocument").path("Statement").get(0);

        assertThat(deny.path("Effect").asText()).isEqualTo("Deny");
        assertThat(deny.path("Condition").path("Bool").path("aws:SecureTransport").asText()).isEqualTo("false");
        assertThat(deny.path("Resource")).hasSize(2);
    }

    @Test
    void reportsWildcardsManagedPoliciesAndOpenTrust() {
        Template broken = Template.parse("""
                Resources:
                  Role:
                    Type: AWS::IAM::Role
                    Properties:
                      ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
                      AssumeRolePolicyDocument:
                        Statement:
                          - Effect: Allow
                            Principal: '*'
                            Action: sts:AssumeRole
                      Policies:
                        - PolicyName: p
                          PolicyDocument:
                            Statement:
                              - Effect: Allow
                                Action: ['s3:*', 'logs:PutLogEvents']
                                Resource: '*'
                              - !If
                                - C
                                - Effect: Allow
                                  NotAction: iam:*
                                  Resource: arn:aws:s3:::b
                                - !Ref AWS::NoValue
                              - Effect: Deny
                                Action: '*'
                                Resource: '*'
                """);

        assertThat(IamPolicies.violations(broken)).containsExactlyInAnyOrder(
                "Resources/Role: ManagedPolicyArns grants AWS-written, usually broad permissions; write scoped statements",
                "Resources/Role/Properties/AssumeRolePolicyDocument/Statement/0: a trust policy must name its principal, not \"*\"",
                "Resources/Role/Properties/Policies/0/PolicyDocument/Statement/0: wildcard action 's3:*'",
                "Resources/Role/Properties/Policies/0/PolicyDocument/Statement/0: Resource '*' for [s3:*, logs:PutLogEvents] "
                        + "(scope it, or allowlist an action AWS only grants on '*')",
                "Resources/Role/Properties/Policies/0/PolicyDocument/Statement/1: NotAction in an Allow statement grants everything else");
    }
}
