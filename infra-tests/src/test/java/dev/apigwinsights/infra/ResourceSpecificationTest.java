package dev.apigwinsights.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** template.yaml against the CloudFormation resource specification (pinned @aws-cdk/aws-service-spec). */
class ResourceSpecificationTest {

    @Test
    void everyResourceMatchesTheSpecification() {
        assertThat(new SpecValidator(CfnSpec.pinned()).validate(Repo.template())).isEmpty();
    }

    @Test
    void everyResourceTypeIsKnownToTheSpecification() {
        CfnSpec spec = CfnSpec.pinned();
        Repo.template().resourceMap().forEach((id, resource) ->
                assertThat(spec.resource(resource.path("Type").asText()))
                        .as("type of %s", id)
                        .isPresent());
    }

    @Test
    void theSamAllowlistOnlyNamesPropertiesTheSpecLacks() {
        CfnSpec spec = CfnSpec.pinned();
        SpecValidator.SAM_PROPERTIES_NEWER_THAN_SPEC.forEach((type, properties) -> properties.keySet().forEach(property ->
                assertThat(spec.resource(type).orElseThrow().path("properties").has(property))
                        .as("%s.%s is in the spec now: drop it from the allowlist", type, property)
                        .isFalse()));
    }
}
