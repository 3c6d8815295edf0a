package dev.apigwinsights.derive;

import static dev.apigwinsights.schema.CanonicalField.*;

import dev.apigwinsights.schema.CanonicalRecord;

/**
 * Infers how the caller was authenticated. An API Gateway method has exactly one authorization
 * type (NONE, AWS_IAM, a Cognito user pool, a JWT or a Lambda authorizer); an API key and a client
 * certificate can come on top of any of them. So the authorizer decides, and an API key or a
 * certificate is the method only when nothing else authenticated the caller. Rules, first match
 * wins:
 *
 * <ol>
 *   <li>Claims ({@code claims_sub}, {@code claims_iss}, {@code claims_aud}): <b>COGNITO_USER_POOL</b>
 *       when the issuer is a Cognito user pool ({@code cognito-idp.}), or when there is no issuer
 *       and the API is REST (REST's only claims-producing authorizer is Cognito); otherwise
 *       <b>JWT</b>.</li>
 *   <li>Any Cognito identity column ({@code cognito_identity_id}, {@code cognito_identity_pool_id},
 *       {@code cognito_authentication_type} = authenticated|unauthenticated,
 *       {@code cognito_authentication_provider}) &rarr; <b>COGNITO_IDENTITY</b>. Identity pools
 *       hand out IAM credentials, so this must win over the IAM rule.</li>
 *   <li>Any IAM identity column ({@code user_arn}, {@code caller}, {@code user},
 *       {@code identity_account_id}, {@code principal_org_id}) &rarr; <b>IAM</b>.</li>
 *   <li>Any Lambda authorizer column ({@code authorizer_principal_id},
 *       {@code authorizer_integration_latency_ms}, {@code authorizer_integration_status},
 *       {@code authorizer_latency_ms}, {@code authorizer_status}, {@code authorizer_error}) with no
 *       claims &rarr; <b>LAMBDA_AUTHORIZER</b>. Caveat: when a Cognito or JWT authorizer rejects a
 *       token there are no claims either, so such a rejection is reported as LAMBDA_AUTHORIZER if
 *       the format logs only {@code authorizer.*} status fields.</li>
 *   <li>Any client-certificate column &rarr; <b>MTLS</b>.</li>
 *   <li>{@code api_key_id} &rarr; <b>API_KEY</b>.</li>
 *   <li>Otherwise <b>NONE</b>, which includes requests rejected before any authentication
 *       happened (e.g. 403 {@code MISSING_AUTHENTICATION_TOKEN}): the method describes the
 *       credentials seen, not the ones the route required.</li>
 * </ol>
 */
final class AuthMethods {

    private AuthMethods() {
    }

    static AuthMethod infer(CanonicalRecord r) {
        if (r.has(CLAIMS_SUB) || r.has(CLAIMS_ISS) || r.has(CLAIMS_AUD)) {
            String iss = r.getString(CLAIMS_ISS);
            if (iss != null) {
                return iss.contains("cognito-idp.") ? AuthMethod.COGNITO_USER_POOL : AuthMethod.JWT;
            }
            return ApiType.REST.name().equals(r.getString(API_TYPE)) ? AuthMethod.COGNITO_USER_POOL : AuthMethod.JWT;
        }
        if (r.has(COGNITO_IDENTITY_ID) || r.has(COGNITO_IDENTITY_POOL_ID)
                || r.has(COGNITO_AUTHENTICATION_TYPE) || r.has(COGNITO_AUTHENTICATION_PROVIDER)) {
            return AuthMethod.COGNITO_IDENTITY;
        }
        if (r.has(USER_ARN) || r.has(CALLER) || r.has(USER) || r.has(IDENTITY_ACCOUNT_ID) || r.has(PRINCIPAL_ORG_ID)) {
            return AuthMethod.IAM;
        }
        if (r.has(AUTHORIZER_PRINCIPAL_ID) || r.has(AUTHORIZER_INTEGRATION_LATENCY_MS) || r.has(AUTHORIZER_INTEGRATION_STATUS)
                || r.has(AUTHORIZER_LATENCY_MS) || r.has(AUTHORIZER_STATUS) || r.has(AUTHORIZER_ERROR)) {
            return AuthMethod.LAMBDA_AUTHORIZER;
        }
        if (r.has(CLIENT_CERT_SUBJECT_DN) || r.has(CLIENT_CERT_ISSUER_DN) || r.has(CLIENT_CERT_SERIAL_NUMBER)
                || r.has(CLIENT_CERT_NOT_BEFORE) || r.has(CLIENT_CERT_NOT_AFTER)) {
            return AuthMethod.MTLS;
        }
        if (r.has(API_KEY_ID)) {
            return AuthMethod.API_KEY;
        }
        return AuthMethod.NONE;
    }
}
