package dev.apigwinsights.local.format;

import dev.apigwinsights.parse.template.TemplateVariable;
import dev.apigwinsights.schema.ContextVariable;

/**
 * Realistic example values for {@code $context} variables, as API Gateway would write them: used to
 * render a sample line from a format and show that it parses back.
 */
public final class SampleValues {
    private SampleValues() {
    }

    /** An example value for the variable; for variables outside the vocabulary, one derived from the path. */
    public static String of(TemplateVariable v) {
        if (v.variable() != null) {
            return of(v.variable());
        }
        int dot = v.path().lastIndexOf('.');
        return "example-" + v.path().substring(dot + 1);
    }

    public static String of(ContextVariable v) {
        return switch (v) {
            case ACCOUNT_ID, IDENTITY_ACCOUNT_ID -> "123456789012";
            case API_ID -> "a1b2c3d4e5";
            case AWS_ENDPOINT_REQUEST_ID -> "5b0d1f6e-7a3c-4c59-9f0e-2d8a6b4c1e77";
            case AWS_ENDPOINT_REQUEST_ID2 -> "-";
            case DATA_PROCESSED -> "512";
            case DOMAIN_NAME -> "api.example.com";
            case DOMAIN_PREFIX -> "api";
            case EXTENDED_REQUEST_ID -> "Kp3xQFmMIAMEbXw=";
            case HTTP_METHOD -> "GET";
            case PATH -> "/prod/pets/42";
            case PROTOCOL -> "HTTP/1.1";
            case REQUEST_ID -> "c6af9ac6-7b61-11e6-9a41-93e8deadbeef";
            case REQUEST_TIME -> "21/Nov/2025:05:02:03 +0000";
            case REQUEST_TIME_EPOCH -> "1763701323123";
            case RESOURCE_ID -> "x1y2z3";
            case RESOURCE_PATH -> "/pets/{petId}";
            case ROUTE_KEY -> "GET /pets/{petId}";
            case STAGE -> "prod";
            case STATUS -> "200";
            case RESPONSE_LENGTH -> "1024";
            case RESPONSE_LATENCY -> "87";
            case XRAY_TRACE_ID -> "Root=1-691ff1cb-4b7a2f0e9c1d3a5b6e7f8091";
            case CUSTOM_DOMAIN_BASE_PATH_MATCHED -> "v1";
            case AUTHORIZE_ERROR, AUTHORIZER_ERROR, AUTHENTICATE_ERROR, ERROR_VALIDATION_ERROR_STRING,
                    INTEGRATION_ERROR, INTEGRATION_ERROR_MESSAGE, WAF_ERROR -> "-";
            case AUTHORIZE_LATENCY, AUTHENTICATE_LATENCY, WAF_LATENCY -> "3";
            case AUTHORIZE_STATUS, AUTHENTICATE_STATUS, AUTHORIZER_STATUS, AUTHORIZER_INTEGRATION_STATUS,
                    INTEGRATION_STATUS, INTEGRATION_STATUS_GROUPED, INTEGRATION_INTEGRATION_STATUS, WAF_STATUS -> "200";
            case AUTHORIZER_CLAIMS_SUB -> "7d1e4f2a-96b3-4c1d-8e2f-0a9b8c7d6e5f";
            case AUTHORIZER_CLAIMS_ISS -> "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI";
            case AUTHORIZER_CLAIMS_AUD, AUTHORIZER_CLAIMS_CLIENT_ID -> "4m9q2r7s1t6u3v8w5x0y";
            case AUTHORIZER_CLAIMS_TOKEN_USE -> "access";
            case AUTHORIZER_PRINCIPAL_ID -> "user|a1b2c3";
            case AUTHORIZER_INTEGRATION_LATENCY -> "12";
            case AUTHORIZER_LATENCY -> "15";
            case AUTHORIZER_REQUEST_ID -> "0f6d3c2b-1a90-4e8f-b7c6-d5e4f3a2b1c0";
            case ERROR_MESSAGE, ERROR_MESSAGE_STRING -> "-";
            case ERROR_RESPONSE_TYPE -> "-";
            case IDENTITY_API_KEY -> "-";
            case IDENTITY_API_KEY_ID -> "k3y1d0abcd";
            case IDENTITY_CALLER -> "AIDAEXAMPLECALLER1234";
            case IDENTITY_COGNITO_AUTHENTICATION_PROVIDER -> "-";
            case IDENTITY_COGNITO_AUTHENTICATION_TYPE -> "-";
            case IDENTITY_COGNITO_IDENTITY_ID -> "-";
            case IDENTITY_COGNITO_IDENTITY_POOL_ID -> "-";
            case IDENTITY_PRINCIPAL_ORG_ID -> "o-a1b2c3d4e5";
            case IDENTITY_SOURCE_IP -> "203.0.113.7";
            case IDENTITY_USER -> "AIDAEXAMPLEUSER56789";
            case IDENTITY_USER_AGENT -> "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko)";
            case IDENTITY_USER_ARN -> "arn:aws:iam::123456789012:user/jane";
            case IDENTITY_VPC_ID -> "-";
            case IDENTITY_VPCE_ID -> "-";
            case CLIENT_CERT_PEM -> "-";
            case CLIENT_CERT_SUBJECT_DN -> "CN=client.example.com,O=Example Corp";
            case CLIENT_CERT_ISSUER_DN -> "CN=Example Issuing CA,O=Example Corp";
            case CLIENT_CERT_SERIAL_NUMBER -> "4f:1a:9c:22:7e:03";
            case CLIENT_CERT_NOT_BEFORE -> "May 28 12:30:02 2025 GMT";
            case CLIENT_CERT_NOT_AFTER -> "May 28 12:30:02 2026 GMT";
            case INTEGRATION_LATENCY, INTEGRATION_LATENCY_GROUPED -> "64";
            case INTEGRATION_REQUEST_ID -> "9e2b7d1c-4a6f-4b3e-8c5d-1f0a2b3c4d5e";
            case WAF_RESPONSE_CODE -> "WAF_ALLOW";
            case WEBACL_ARN -> "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api-acl/1a2b3c4d";
            case CONNECTED_AT -> "1763701320000";
            case CONNECTION_ID -> "L0SM9cOFvHcCIhw=";
            case EVENT_TYPE -> "MESSAGE";
            case MESSAGE_ID -> "L0SM9dZmvHcCIhw=";
        };
    }
}
