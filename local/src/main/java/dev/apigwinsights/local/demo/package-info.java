/**
 * The demo's traffic generator: a reproducible month of what API Gateway writes for one account,
 * in several formats and containers, with the usage plans it refers to.
 */
package dev.apigwinsights.local.demo;
