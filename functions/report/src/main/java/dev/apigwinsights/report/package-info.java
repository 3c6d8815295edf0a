/**
 * The scheduled report Lambda: a thin handler over the reports module, with the AWS side of it
 * (Athena as the catalog's query runner in the stack's workgroup, the PDF stored under
 * {@code reports/} in the bucket, SES v2 raw mail, statement recipients from API key tags).
 */
package dev.apigwinsights.report;
