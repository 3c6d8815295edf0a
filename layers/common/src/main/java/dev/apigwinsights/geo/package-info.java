/**
 * Where callers are: the {@code client_country} column from {@code source_ip}, offline.
 * {@link dev.apigwinsights.geo.ClientCountries} is the entry point (setting, cache, never throws);
 * {@link dev.apigwinsights.geo.CountryDatabase} reads a MaxMind DB file (the bundled IPtoASN
 * snapshot or one the user points at); the package-private {@code IpLiteral} parses address text
 * without DNS and {@code SpecialPurposeAddresses} holds the IANA special-purpose ranges that never
 * get a country, whatever a database says. docs/geo.md explains the data and how to replace it.
 */
package dev.apigwinsights.geo;
