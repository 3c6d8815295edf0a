/**
 * Checks of {@code template.yaml} run by {@code ./mvnw verify}: the CloudFormation resource
 * specification, references, IAM scoping, Firehose prefixes, and the Glue columns generated from
 * {@code CanonicalField}.
 */
package dev.apigwinsights.infra;
