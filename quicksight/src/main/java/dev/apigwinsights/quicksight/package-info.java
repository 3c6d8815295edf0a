/**
 * The QuickSight side of apigw-insights, as code: a typed description of sheets, visuals and
 * filters ({@link dev.apigwinsights.quicksight.SheetSpec} and its parts), builders that turn it
 * into a QuickSight {@code Definition} ({@link dev.apigwinsights.quicksight.DefinitionBuilder}),
 * the nested CloudFormation template that deploys it ({@link dev.apigwinsights.quicksight.QuickSightTemplate}),
 * and the semantic checks a definition must pass ({@link dev.apigwinsights.quicksight.DefinitionChecks}).
 * {@link dev.apigwinsights.quicksight.Generator} writes {@code quicksight/quicksight.json}.
 */
package dev.apigwinsights.quicksight;
