/** Printing query results: aligned tables, CSV and JSON, shared by every command that prints rows. */
package dev.apigwinsights.local.query;
