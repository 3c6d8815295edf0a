/**
 * Small general helpers with no domain knowledge: a growable byte buffer, JSON whitespace, the
 * one JSON string escaper, and identifiers made safe for log lines. Depends on nothing here.
 */
package dev.apigwinsights.util;
