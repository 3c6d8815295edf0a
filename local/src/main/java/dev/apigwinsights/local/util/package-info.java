/** Small helpers of the local runtime with no domain knowledge. */
package dev.apigwinsights.local.util;
