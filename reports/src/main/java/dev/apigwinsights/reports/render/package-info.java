/**
 * From report data to PDF: XHTML/CSS templates laid out by openhtmltopdf with paged media, charts
 * drawn as vectors by JFreeChart straight onto the page, and the bundled fonts embedded.
 */
package dev.apigwinsights.reports.render;
