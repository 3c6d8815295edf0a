package dev.apigwinsights.derive;

import static dev.apigwinsights.schema.CanonicalField.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwinsights.schema.CanonicalRecord;
import org.junit.jupiter.api.Test;

class DerivationsAuthMethodTest {

    private static final String COGNITO_ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEfGhI";

    private final Derivations derivations = new Derivations(new UserAgentClassifier(100));

    private String authMethodOf(CanonicalRecord r) {
        derivations.derive(r);
        return r.getString(AUTH_METHOD);
    }

    @Test
    void readsASignedIamUserAsIam() {
        CanonicalRecord r = new CanonicalRecord().set(USER_ARN, "arn:aws:iam::123456789012:user/alice")
                .set(CALLER, "AIDAJQABLZS4A3QDU576Q").set(USER, "AIDAJQABLZS4A3QDU576Q").set(IDENTITY_ACCOUNT_ID, "123456789012");

        assertThat(authMethodOf(r)).isEqualTo("IAM");
    }

    @Test
    void readsAnAssumedRoleAsIam() {
        CanonicalRecord r = new CanonicalRecord()
                .set(USER_ARN, "arn:aws:sts::123456789012:assumed-role/order-service/i-0abc123def4567890")
                .set(CALLER, "AROAXXXXXXXXXXXXXXXXX:i-0abc123def4567890");

        assertThat(authMethodOf(r)).isEqualTo("IAM");
    }

    @Test
    void readsAnAuthenticatedCognitoIdentityPoolCallerAsCognitoIdentityNotIam() {
        CanonicalRecord r = new CanonicalRecord()
                .set(USER_ARN, "arn:aws:sts::123456789012:assumed-role/Cognito_AppAuth_Role/CognitoIdentityCredentials")
                .set(COGNITO_IDENTITY_ID, "us-east-1:a1b2c3d4-5678-90ab-cdef-EXAMPLE33333")
                .set(COGNITO_IDENTITY_POOL_ID, "us-east-1:a1b2c3d4-5678-90ab-cdef-EXAMPLE22222")
                .set(COGNITO_AUTHENTICATION_TYPE, "authenticated");

        assertThat(authMethodOf(r)).isEqualTo("COGNITO_IDENTITY");
    }

    @Test
    void readsAnUnauthenticatedCognitoIdentityAsCognitoIdentity() {
        CanonicalRecord r = new CanonicalRecord().set(COGNITO_AUTHENTICATION_TYPE, "unauthenticated")
                .set(CALLER, "AROAXXXXXXXXXXXXXXXXX:CognitoIdentityCredentials");

        assertThat(authMethodOf(r)).isEqualTo("COGNITO_IDENTITY");
    }

    @Test
    void readsACognitoIssuerAsCognitoUserPool() {
        CanonicalRecord r = new CanonicalRecord().set(CLAIMS_SUB, "7d8ca528-4931-4254-9273-ea5ee853f271")
                .set(CLAIMS_ISS, COGNITO_ISSUER).set(CLAIMS_AUD, "6pp2c1e8ghm5c9ii2qhlbo1oc6");

        assertThat(authMethodOf(r)).isEqualTo("COGNITO_USER_POOL");
    }

    @Test
    void letsTheCognitoAuthorizerWinOverAnApiKeyUsedAlongsideIt() {
        CanonicalRecord r = new CanonicalRecord().set(CLAIMS_ISS, COGNITO_ISSUER).set(API_KEY_ID, "k7x2a9b3c1");

        assertThat(authMethodOf(r)).isEqualTo("COGNITO_USER_POOL");
    }

    @Test
    void readsClaimsWithoutAnIssuerOnARestApiAsCognitoUserPool() {
        CanonicalRecord r = new CanonicalRecord().set(CLAIMS_SUB, "7d8ca528-4931-4254-9273-ea5ee853f271")
                .set(RESOURCE_PATH, "/orders");

        assertThat(authMethodOf(r)).isEqualTo("COGNITO_USER_POOL");
    }

    @Test
    void readsClaimsWithoutAnIssuerOnAnHttpApiAsJwt() {
        CanonicalRecord r = new CanonicalRecord().set(CLAIMS_SUB, "auth0|65a1b2c3d4e5f6").set(ROUTE_KEY, "GET /orders");

        assertThat(authMethodOf(r)).isEqualTo("JWT");
    }

    @Test
    void readsANonCognitoIssuerAsJwt() {
        CanonicalRecord r = new CanonicalRecord().set(CLAIMS_ISS, "https://example.eu.auth0.com/")
                .set(CLAIMS_SUB, "auth0|65a1b2c3d4e5f6").set(CLAIMS_AUD, "https://api.example.com");

        assertThat(authMethodOf(r)).isEqualTo("JWT");
    }

    @Test
    void readsALambdaAuthorizerPrincipalAsLambdaAuthorizer() {
        CanonicalRecord r = new CanonicalRecord().set(AUTHORIZER_PRINCIPAL_ID, "user|a1b2c3")
                .setLong(AUTHORIZER_LATENCY_MS, 42L).setLong(AUTHORIZER_STATUS, 200L).set(API_KEY_ID, "k7x2a9b3c1");

        assertThat(authMethodOf(r)).isEqualTo("LAMBDA_AUTHORIZER");
    }

    @Test
    void readsAuthorizerLatencyAndStatusWithoutClaimsAsLambdaAuthorizer() {
        CanonicalRecord r = new CanonicalRecord().setLong(AUTHORIZER_INTEGRATION_LATENCY_MS, 120L)
                .setLong(AUTHORIZER_INTEGRATION_STATUS, 200L).setLong(STATUS, 403L);

        assertThat(authMethodOf(r)).isEqualTo("LAMBDA_AUTHORIZER");
    }

    @Test
    void readsAClientCertificateAloneAsMtls() {
        CanonicalRecord r = new CanonicalRecord().set(CLIENT_CERT_SUBJECT_DN, "CN=client.example.com,O=Example,C=US")
                .set(CLIENT_CERT_SERIAL_NUMBER, "1a:2b:3c");

        assertThat(authMethodOf(r)).isEqualTo("MTLS");
    }

    @Test
    void letsAClientCertificateWinOverAnApiKey() {
        CanonicalRecord r = new CanonicalRecord().set(CLIENT_CERT_SUBJECT_DN, "CN=client.example.com").set(API_KEY_ID, "k7x2a9b3c1");

        assertThat(authMethodOf(r)).isEqualTo("MTLS");
    }

    @Test
    void letsAnAuthorizerWinOverAClientCertificate() {
        CanonicalRecord r = new CanonicalRecord().set(CLIENT_CERT_SUBJECT_DN, "CN=client.example.com")
                .set(AUTHORIZER_PRINCIPAL_ID, "client-42");

        assertThat(authMethodOf(r)).isEqualTo("LAMBDA_AUTHORIZER");
    }

    @Test
    void readsAnApiKeyAsTheOnlyCredentialAsApiKey() {
        CanonicalRecord r = new CanonicalRecord().set(API_KEY_ID, "k7x2a9b3c1").set(RESOURCE_PATH, "/pets");

        assertThat(authMethodOf(r)).isEqualTo("API_KEY");
    }

    @Test
    void readsAnAnonymousRequestAsNone() {
        CanonicalRecord r = new CanonicalRecord().set(SOURCE_IP, "203.0.113.9").set(HTTP_METHOD, "GET").setLong(STATUS, 200L);

        assertThat(authMethodOf(r)).isEqualTo("NONE");
    }

    @Test
    void readsARequestRejectedBeforeAuthenticationAsNone() {
        CanonicalRecord r = new CanonicalRecord().setLong(STATUS, 403L)
                .set(ERROR_RESPONSE_TYPE, "MISSING_AUTHENTICATION_TOKEN").set(ERROR_MESSAGE, "Missing Authentication Token");

        assertThat(authMethodOf(r)).isEqualTo("NONE");
    }

    @Test
    void neverOverwritesAnAuthMethodTheLogProvided() {
        CanonicalRecord r = new CanonicalRecord().set(USER_ARN, "arn:aws:iam::123456789012:user/alice").set(AUTH_METHOD, "CUSTOM");

        assertThat(authMethodOf(r)).isEqualTo("CUSTOM");
    }
}
