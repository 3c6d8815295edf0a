/**
 * Derived columns of the canonical schema: what can be inferred from a record's raw columns alone
 * (status class, API type, region and domain prefix, client country, user-agent family/OS/device,
 * authentication method, error category and error signature). The country comes from
 * {@link dev.apigwinsights.geo.ClientCountries}. {@link dev.apigwinsights.derive.Derivations} is
 * the entry point and documents every rule; {@link dev.apigwinsights.derive.UserAgentClassifier}
 * wraps uap-java behind a bounded cache; {@link dev.apigwinsights.derive.ErrorSignatures} masks
 * the variable parts of error messages so that they group.
 *
 * <p>Principles: a value the log provided is never overwritten; a value that cannot be inferred
 * with confidence stays null rather than guessed; nothing here throws for a record, allocates on
 * the common path beyond the values it stores, or runs in more than linear time in its input.
 */
package dev.apigwinsights.derive;
