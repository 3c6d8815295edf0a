/** JMH benchmarks of the transformer, enrichment and derivations, and the cold-start timer. */
package dev.apigwinsights.benchmarks;
