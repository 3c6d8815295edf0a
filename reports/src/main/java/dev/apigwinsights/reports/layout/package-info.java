/**
 * What a report shows, as data: sections of KPI strips, charts and tables, each naming the catalog
 * insight (and columns) it shows. No numbers are computed here or anywhere in the report: every
 * figure is a column of a catalog insight's result.
 */
package dev.apigwinsights.reports.layout;
