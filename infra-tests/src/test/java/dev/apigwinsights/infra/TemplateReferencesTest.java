package dev.apigwinsights.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.List;

class TemplateReferencesTest {

    private final TemplateReferences references = new TemplateReferences(CfnSpec.pinned());

    @Test
    void everyNameInTheTemplateResolvesAndEveryParameterAndConditionIsUsed() {
        assertThat(references.check(Repo.template())).isEmpty();
    }

    @Test
    void dependsOnTargetsExist() {
        Repo.template().resourceMap().forEach((id, resource) -> {
            if (resource.has("DependsOn")) {
                for (var target : resource.get("DependsOn").isArray() ? resource.get("DependsOn") : List.of(resource.get("DependsOn"))) {
                    assertThat(Repo.template().resources().has(target.asText())).as("%s DependsOn %s", id, target).isTrue();
                }
            }
        });
    }

    @Test
    void reportsEveryKindOfDanglingName() {
        Template broken = Template.parse("""
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Name: {Type: String}
                  Unused: {Type: String}
                Conditions:
                  HasName: !Not [!Equals [!Ref Name, '']]
                  FromResource: !Equals [!Ref Topic, x]
                Resources:
                  Topic:
                    Type: AWS::SNS::Topic
                    Condition: NoSuchCondition
                    DependsOn: [Ghost]
                    Properties:
                      TopicName: !Sub '${Name}-${Missing}-${!Literal}-${Fn.Alias}'
                      DisplayName: !If [HasName, !GetAtt Topic.NoSuchAttribute, !GetAtt Nowhere.Arn]
                  Nested:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: nested.json
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java21
                      Handler: a.B::handleRequest
                      CodeUri: .
                      AutoPublishAlias: live
                Outputs:
                  Alias:
                    Value: !Ref Fn.Alias
                  Role:
                    Value: !GetAtt FnRole.Arn
                  Bad:
                    Value: !Ref Fn.Version2
                  FromNested:
                    Value: !GetAtt Nested.Outputs.Url
                  NestedWithoutName:
                    Value: !GetAtt Nested.Outputs.
                """);

        assertThat(references.check(broken)).containsExactlyInAnyOrder(
                "Conditions/FromResource/Fn::Equals/0: conditions can only reference parameters, not resource Topic",
                "Resources/Topic/Condition: unknown condition \"NoSuchCondition\"",
                "Resources/Topic/DependsOn: unknown resource \"Ghost\"",
                "Resources/Topic/Properties/TopicName ${Missing}: Ref to unknown name 'Missing'",
                // In Fn::Sub a dotted name is an attribute: SAM's Fn.Alias only works with Ref.
                "Resources/Topic/Properties/TopicName ${Fn.Alias}: AWS::Lambda::Function (Fn) has no attribute 'Alias'; "
                        + "it has [Arn, SnapStartResponse, SnapStartResponse.ApplyOn, SnapStartResponse.OptimizationStatus]",
                "Resources/Topic/Properties/DisplayName/Fn::If/1: AWS::SNS::Topic (Topic) has no attribute 'NoSuchAttribute'; it has [TopicArn, TopicName]",
                "Resources/Topic/Properties/DisplayName/Fn::If/2: Fn::GetAtt of unknown resource 'Nowhere'",
                "Outputs/Bad/Value: Ref to unknown name 'Fn.Version2'",
                "Outputs/NestedWithoutName/Value: AWS::CloudFormation::Stack (Nested) has no attribute 'Outputs.'; "
                        + "it has [ChangeSetId, CreationTime, LastUpdateTime, Outputs, ParentId, RootId, StackId, StackStatus]",
                "Parameters/Unused: never referenced",
                "Conditions/FromResource: never used");
    }
}
