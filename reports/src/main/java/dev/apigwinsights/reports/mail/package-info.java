/**
 * The report as mail: one MIME message (the PDF attached, or a link to it when too large) that the
 * Lambda sends raw through SES v2 and the CLI through SMTP.
 */
package dev.apigwinsights.reports.mail;
