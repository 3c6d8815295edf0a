package dev.apigwinsights.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The validator catches what it claims to catch (small templates, real specification). */
class SpecValidatorTest {

    private final SpecValidator validator = new SpecValidator(CfnSpec.pinned());

    private java.util.List<String> problems(String resourcesYaml) {
        return validator.validate(Template.parse("Resources:\n" + resourcesYaml.indent(2)));
    }

    @Test
    void acceptsAValidResource() {
        assertThat(problems("""
                Group:
                  Type: AWS::Logs::LogGroup
                  Properties:
                    LogGroupName: !Sub '/aws/lambda/${AWS::StackName}'
                    RetentionInDays: 30
                """)).isEmpty();
    }

    @Test
    void reportsUnknownTypesPropertiesAndResourceAttributes() {
        java.util.List<String> problems = problems("""
                A:
                  Type: AWS::Logs::LogGroupz
                B:
                  Type: AWS::Logs::LogGroup
                  DeletionPolicy: Keep
                  Propertiez: {}
                  Properties:
                    RetentionDays: 30
                """);

        assertThat(problems).hasSize(4).contains(
                "Resources/A/Type: unknown resource type 'AWS::Logs::LogGroupz'",
                "Resources/B: unknown resource attribute 'Propertiez'",
                "Resources/B/Properties: unknown property 'RetentionDays'");
        assertThat(problems).anyMatch(p -> p.startsWith("Resources/B/DeletionPolicy: 'Keep' is not one of"));
    }

    @Test
    void reportsMissingRequiredPropertiesAndWrongTypes() {
        assertThat(problems("""
                Filter:
                  Type: AWS::Logs::SubscriptionFilter
                  Properties:
                    LogGroupName: [not, a, string]
                    FilterPattern: ''
                Stream:
                  Type: AWS::KinesisFirehose::DeliveryStream
                  Properties:
                    DeliveryStreamType: DirectPutt
                    ExtendedS3DestinationConfiguration:
                      BucketARN: arn:aws:s3:::b
                      RoleARN: arn:aws:iam::123456789012:role/r
                      BufferingHints:
                        SizeInMBs: lots
                """)).containsExactlyInAnyOrder(
                "Resources/Filter/Properties: required property 'DestinationArn' is missing",
                "Resources/Filter/Properties/LogGroupName: expected a string, got a list",
                "Resources/Stream/Properties/DeliveryStreamType: 'DirectPutt' is not one of [\"DatabaseAsSource\",\"DirectPut\",\"KinesisStreamAsSource\",\"MSKAsSource\"]",
                "Resources/Stream/Properties/ExtendedS3DestinationConfiguration/BufferingHints/SizeInMBs: expected an integer, got string \"lots\"");
    }

    @Test
    void checksBothBranchesOfFnIfAndRefusesAStringWhereAnObjectIsExpected() {
        assertThat(problems("""
                Bucket:
                  Type: AWS::S3::Bucket
                  Properties:
                    VersioningConfiguration: !If [C, {Status: Enabled}, {Statuz: Suspended}]
                    BucketEncryption: !Sub '${X}'
                """)).containsExactlyInAnyOrder(
                "Resources/Bucket/Properties/VersioningConfiguration/Fn::If/2: required property 'Status' is missing",
                "Resources/Bucket/Properties/VersioningConfiguration/Fn::If/2: unknown property 'Statuz'",
                "Resources/Bucket/Properties/BucketEncryption: Fn::Sub yields a string where the spec expects BucketEncryption");
    }

    @Test
    void checksSamResourcesAndTheirAllowlistedNewerProperties() {
        assertThat(problems("""
                Fn:
                  Type: AWS::Serverless::Function
                  Properties:
                    Runtime: java21
                    Handler: a.B::handleRequest
                    CodeUri: .
                    SnapStart: {ApplyOn: Always}
                    AutoPublishAliasAllProperties: true
                    Unheard: 1
                Layer:
                  Type: AWS::Serverless::LayerVersion
                  Properties:
                    ContentUri: .
                    CompatibleArchitectures: arm64
                """)).containsExactlyInAnyOrder(
                "Resources/Fn/Properties: unknown property 'Unheard'",
                "Resources/Fn/Properties/SnapStart/ApplyOn: 'Always' is not one of [\"PublishedVersions\",\"None\"]",
                "Resources/Layer/Properties/CompatibleArchitectures: expected a list, got string");
    }
}
