package dev.apigwinsights.derive;

/**
 * How the caller of a request was authenticated; the value of the {@code auth_method} column.
 * The rules and their precedence are documented on {@link Derivations}.
 */
public enum AuthMethod {
    /** Only an API key identified the caller (no authorizer, no IAM signature). */
    API_KEY,
    /** A SigV4-signed request authorized with IAM ({@code AWS_IAM}). */
    IAM,
    /** A Cognito user pool token (REST Cognito authorizer, or a JWT authorizer whose issuer is Cognito). */
    COGNITO_USER_POOL,
    /** IAM credentials vended by a Cognito identity pool (authenticated or unauthenticated identity). */
    COGNITO_IDENTITY,
    /** A Lambda (custom) authorizer. */
    LAMBDA_AUTHORIZER,
    /** A JWT authorizer with a non-Cognito issuer (HTTP APIs). */
    JWT,
    /** Mutual TLS: a client certificate and nothing stronger. */
    MTLS,
    /** No credential was seen, including requests rejected before authentication. */
    NONE
}
