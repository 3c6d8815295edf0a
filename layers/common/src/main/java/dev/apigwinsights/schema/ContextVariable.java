package dev.apigwinsights.schema;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The API Gateway {@code $context} variables an access-log format can contain (REST, HTTP and
 * WebSocket APIs). Every parser first turns a log line into values keyed by these variables; the
 * {@link CanonicalField} table then says which variable fills which column. Keeping this one
 * vocabulary is what lets a JSON line with any key names, a CLF line and a stage's own template
 * all land in the same schema.
 *
 * <p>Variables with free-form suffixes ({@code $context.authorizer.claims.<name>},
 * {@code $context.authorizer.<key>}) are listed only for the claims we give columns to; the rest
 * stay in {@code extra} under their log key.
 */
public enum ContextVariable {
    ACCOUNT_ID("accountId"),
    API_ID("apiId"),
    AWS_ENDPOINT_REQUEST_ID("awsEndpointRequestId"),
    AWS_ENDPOINT_REQUEST_ID2("awsEndpointRequestId2"),
    DATA_PROCESSED("dataProcessed"),
    DOMAIN_NAME("domainName"),
    DOMAIN_PREFIX("domainPrefix"),
    EXTENDED_REQUEST_ID("extendedRequestId"),
    HTTP_METHOD("httpMethod"),
    PATH("path"),
    PROTOCOL("protocol"),
    REQUEST_ID("requestId"),
    REQUEST_TIME("requestTime"),
    REQUEST_TIME_EPOCH("requestTimeEpoch"),
    RESOURCE_ID("resourceId"),
    RESOURCE_PATH("resourcePath"),
    ROUTE_KEY("routeKey"),
    STAGE("stage"),
    STATUS("status"),
    RESPONSE_LENGTH("responseLength"),
    RESPONSE_LATENCY("responseLatency"),
    XRAY_TRACE_ID("xrayTraceId"),
    CUSTOM_DOMAIN_BASE_PATH_MATCHED("customDomain.basePathMatched"),

    AUTHORIZE_ERROR("authorize.error"),
    AUTHORIZE_LATENCY("authorize.latency"),
    AUTHORIZE_STATUS("authorize.status"),
    AUTHORIZER_CLAIMS_SUB("authorizer.claims.sub"),
    AUTHORIZER_CLAIMS_ISS("authorizer.claims.iss"),
    AUTHORIZER_CLAIMS_AUD("authorizer.claims.aud"),
    AUTHORIZER_CLAIMS_CLIENT_ID("authorizer.claims.client_id"),
    AUTHORIZER_CLAIMS_TOKEN_USE("authorizer.claims.token_use"),
    AUTHORIZER_PRINCIPAL_ID("authorizer.principalId"),
    AUTHORIZER_ERROR("authorizer.error"),
    AUTHORIZER_INTEGRATION_LATENCY("authorizer.integrationLatency"),
    AUTHORIZER_INTEGRATION_STATUS("authorizer.integrationStatus"),
    AUTHORIZER_LATENCY("authorizer.latency"),
    AUTHORIZER_REQUEST_ID("authorizer.requestId"),
    AUTHORIZER_STATUS("authorizer.status"),
    AUTHENTICATE_ERROR("authenticate.error"),
    AUTHENTICATE_LATENCY("authenticate.latency"),
    AUTHENTICATE_STATUS("authenticate.status"),

    ERROR_MESSAGE("error.message"),
    ERROR_MESSAGE_STRING("error.messageString"),
    ERROR_RESPONSE_TYPE("error.responseType"),
    ERROR_VALIDATION_ERROR_STRING("error.validationErrorString"),

    IDENTITY_ACCOUNT_ID("identity.accountId"),
    /** The API key value: a secret. Recognised only so that it is never copied anywhere. */
    IDENTITY_API_KEY("identity.apiKey", true),
    IDENTITY_API_KEY_ID("identity.apiKeyId"),
    IDENTITY_CALLER("identity.caller"),
    IDENTITY_COGNITO_AUTHENTICATION_PROVIDER("identity.cognitoAuthenticationProvider"),
    IDENTITY_COGNITO_AUTHENTICATION_TYPE("identity.cognitoAuthenticationType"),
    IDENTITY_COGNITO_IDENTITY_ID("identity.cognitoIdentityId"),
    IDENTITY_COGNITO_IDENTITY_POOL_ID("identity.cognitoIdentityPoolId"),
    IDENTITY_PRINCIPAL_ORG_ID("identity.principalOrgId"),
    IDENTITY_SOURCE_IP("identity.sourceIp"),
    IDENTITY_USER("identity.user"),
    IDENTITY_USER_AGENT("identity.userAgent"),
    IDENTITY_USER_ARN("identity.userArn"),
    IDENTITY_VPC_ID("identity.vpcId"),
    IDENTITY_VPCE_ID("identity.vpceId"),
    /** The client certificate PEM: personal data we have no column for. Never copied anywhere. */
    CLIENT_CERT_PEM("identity.clientCert.clientCertPem", true),
    CLIENT_CERT_SUBJECT_DN("identity.clientCert.subjectDN"),
    CLIENT_CERT_ISSUER_DN("identity.clientCert.issuerDN"),
    CLIENT_CERT_SERIAL_NUMBER("identity.clientCert.serialNumber"),
    CLIENT_CERT_NOT_BEFORE("identity.clientCert.validity.notBefore"),
    CLIENT_CERT_NOT_AFTER("identity.clientCert.validity.notAfter"),

    INTEGRATION_ERROR("integration.error"),
    INTEGRATION_INTEGRATION_STATUS("integration.integrationStatus"),
    INTEGRATION_LATENCY_GROUPED("integration.latency"),
    INTEGRATION_REQUEST_ID("integration.requestId"),
    INTEGRATION_STATUS_GROUPED("integration.status"),
    INTEGRATION_ERROR_MESSAGE("integrationErrorMessage"),
    INTEGRATION_LATENCY("integrationLatency"),
    INTEGRATION_STATUS("integrationStatus"),

    WAF_ERROR("waf.error"),
    WAF_LATENCY("waf.latency"),
    WAF_STATUS("waf.status"),
    WAF_RESPONSE_CODE("wafResponseCode"),
    WEBACL_ARN("webaclArn"),

    CONNECTED_AT("connectedAt"),
    CONNECTION_ID("connectionId"),
    EVENT_TYPE("eventType"),
    MESSAGE_ID("messageId");

    private static final ContextVariable[] VALUES = values();
    private static final Map<String, ContextVariable> BY_PATH;

    static {
        Map<String, ContextVariable> byPath = new HashMap<>();
        for (ContextVariable v : VALUES) {
            byPath.put(v.path.toLowerCase(Locale.ROOT), v);
        }
        BY_PATH = Collections.unmodifiableMap(byPath);
    }

    private final String path;
    private final boolean secret;

    ContextVariable(String path) {
        this(path, false);
    }

    ContextVariable(String path, boolean secret) {
        this.path = path;
        this.secret = secret;
    }

    /** The variable as written after {@code $context.}, e.g. {@code identity.sourceIp}. */
    public String path() {
        return path;
    }

    /** The template form, e.g. {@code $context.identity.sourceIp}. */
    public String template() {
        return "$context." + path;
    }

    /**
     * True for values that must never be stored, logged or echoed (API key values, client
     * certificate PEMs). Parsers recognise them so they do not fall into {@code extra}.
     */
    public boolean secret() {
        return secret;
    }

    public static int count() {
        return VALUES.length;
    }

    public static ContextVariable ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    /**
     * Looks a variable up by its path, with or without the {@code $context.} prefix, ignoring case
     * (API Gateway itself is case-sensitive, but operators are not, and nothing here collides).
     */
    public static Optional<ContextVariable> byPath(String path) {
        String p = path.startsWith("$context.") ? path.substring("$context.".length()) : path;
        return Optional.ofNullable(BY_PATH.get(p.toLowerCase(Locale.ROOT)));
    }
}
