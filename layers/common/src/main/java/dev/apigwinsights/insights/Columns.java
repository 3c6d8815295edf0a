package dev.apigwinsights.insights;

import dev.apigwinsights.schema.CanonicalField;
import java.util.List;

/**
 * The columns and derived values insights are written with. Every column comes from
 * {@link CanonicalField} (the catalog test checks every referenced column exists there).
 */
public final class Columns {

    public static final Expr.Col REQUEST_ID = Expr.Col.of(CanonicalField.REQUEST_ID);
    public static final Expr.Col REQUEST_TIME = Expr.Col.of(CanonicalField.REQUEST_TIME);
    public static final Expr.Col REQUEST_TIME_EPOCH_MS = Expr.Col.of(CanonicalField.REQUEST_TIME_EPOCH_MS);
    public static final Expr.Col API_ID = Expr.Col.of(CanonicalField.API_ID);
    public static final Expr.Col API_TYPE = Expr.Col.of(CanonicalField.API_TYPE);
    public static final Expr.Col STAGE = Expr.Col.of(CanonicalField.STAGE);
    public static final Expr.Col DOMAIN_NAME = Expr.Col.of(CanonicalField.DOMAIN_NAME);
    public static final Expr.Col HTTP_METHOD = Expr.Col.of(CanonicalField.HTTP_METHOD);
    public static final Expr.Col PATH = Expr.Col.of(CanonicalField.PATH);
    public static final Expr.Col RESOURCE_PATH = Expr.Col.of(CanonicalField.RESOURCE_PATH);
    public static final Expr.Col ROUTE_KEY = Expr.Col.of(CanonicalField.ROUTE_KEY);
    public static final Expr.Col PROTOCOL = Expr.Col.of(CanonicalField.PROTOCOL);
    public static final Expr.Col STATUS = Expr.Col.of(CanonicalField.STATUS);
    public static final Expr.Col STATUS_CLASS = Expr.Col.of(CanonicalField.STATUS_CLASS);
    public static final Expr.Col RESPONSE_LENGTH = Expr.Col.of(CanonicalField.RESPONSE_LENGTH);
    public static final Expr.Col RESPONSE_LATENCY_MS = Expr.Col.of(CanonicalField.RESPONSE_LATENCY_MS);
    public static final Expr.Col INTEGRATION_LATENCY_MS = Expr.Col.of(CanonicalField.INTEGRATION_LATENCY_MS);
    public static final Expr.Col INTEGRATION_STATUS = Expr.Col.of(CanonicalField.INTEGRATION_STATUS_CODE);
    public static final Expr.Col INTEGRATION_ERROR = Expr.Col.of(CanonicalField.INTEGRATION_ERROR);
    public static final Expr.Col SOURCE_IP = Expr.Col.of(CanonicalField.SOURCE_IP);
    public static final Expr.Col USER_AGENT = Expr.Col.of(CanonicalField.USER_AGENT);
    public static final Expr.Col UA_FAMILY = Expr.Col.of(CanonicalField.UA_FAMILY);
    public static final Expr.Col UA_OS = Expr.Col.of(CanonicalField.UA_OS);
    public static final Expr.Col UA_DEVICE = Expr.Col.of(CanonicalField.UA_DEVICE);
    public static final Expr.Col CALLER = Expr.Col.of(CanonicalField.CALLER);
    public static final Expr.Col USER = Expr.Col.of(CanonicalField.USER);
    public static final Expr.Col USER_ARN = Expr.Col.of(CanonicalField.USER_ARN);
    public static final Expr.Col IDENTITY_ACCOUNT_ID = Expr.Col.of(CanonicalField.IDENTITY_ACCOUNT_ID);
    public static final Expr.Col COGNITO_IDENTITY_ID = Expr.Col.of(CanonicalField.COGNITO_IDENTITY_ID);
    public static final Expr.Col CLAIMS_SUB = Expr.Col.of(CanonicalField.CLAIMS_SUB);
    public static final Expr.Col CLAIMS_ISS = Expr.Col.of(CanonicalField.CLAIMS_ISS);
    public static final Expr.Col CLAIMS_AUD = Expr.Col.of(CanonicalField.CLAIMS_AUD);
    public static final Expr.Col AUTHORIZER_PRINCIPAL_ID = Expr.Col.of(CanonicalField.AUTHORIZER_PRINCIPAL_ID);
    public static final Expr.Col AUTH_METHOD = Expr.Col.of(CanonicalField.AUTH_METHOD);
    public static final Expr.Col API_KEY_ID = Expr.Col.of(CanonicalField.API_KEY_ID);
    public static final Expr.Col API_KEY_NAME = Expr.Col.of(CanonicalField.API_KEY_NAME);
    public static final Expr.Col CUSTOMER_ID = Expr.Col.of(CanonicalField.CUSTOMER_ID);
    public static final Expr.Col USAGE_PLAN_ID = Expr.Col.of(CanonicalField.USAGE_PLAN_ID);
    public static final Expr.Col USAGE_PLAN_NAME = Expr.Col.of(CanonicalField.USAGE_PLAN_NAME);
    public static final Expr.Col QUOTA_LIMIT = Expr.Col.of(CanonicalField.QUOTA_LIMIT);
    public static final Expr.Col QUOTA_PERIOD = Expr.Col.of(CanonicalField.QUOTA_PERIOD);
    public static final Expr.Col QUOTA_OFFSET = Expr.Col.of(CanonicalField.QUOTA_OFFSET);
    public static final Expr.Col ENRICHMENT_STATUS = Expr.Col.of(CanonicalField.ENRICHMENT_STATUS);
    public static final Expr.Col AUTHORIZER_LATENCY_MS = Expr.Col.of(CanonicalField.AUTHORIZER_LATENCY_MS);
    public static final Expr.Col AUTHORIZER_ERROR = Expr.Col.of(CanonicalField.AUTHORIZER_ERROR);
    public static final Expr.Col AUTHORIZER_STATUS = Expr.Col.of(CanonicalField.AUTHORIZER_STATUS);
    public static final Expr.Col ERROR_MESSAGE = Expr.Col.of(CanonicalField.ERROR_MESSAGE);
    public static final Expr.Col ERROR_RESPONSE_TYPE = Expr.Col.of(CanonicalField.ERROR_RESPONSE_TYPE);
    public static final Expr.Col ERROR_CATEGORY = Expr.Col.of(CanonicalField.ERROR_CATEGORY);
    public static final Expr.Col ERROR_SIGNATURE = Expr.Col.of(CanonicalField.ERROR_SIGNATURE);
    public static final Expr.Col WAF_STATUS = Expr.Col.of(CanonicalField.WAF_STATUS);
    public static final Expr.Col WAF_LATENCY_MS = Expr.Col.of(CanonicalField.WAF_LATENCY_MS);
    public static final Expr.Col WAF_RESPONSE_CODE = Expr.Col.of(CanonicalField.WAF_RESPONSE_CODE);
    public static final Expr.Col WEBACL_ARN = Expr.Col.of(CanonicalField.WEBACL_ARN);
    public static final Expr.Col EVENT_TYPE = Expr.Col.of(CanonicalField.EVENT_TYPE);
    public static final Expr.Col CONNECTION_ID = Expr.Col.of(CanonicalField.CONNECTION_ID);
    public static final Expr.Col CONNECTED_AT = Expr.Col.of(CanonicalField.CONNECTED_AT);
    public static final Expr.Col MESSAGE_ID = Expr.Col.of(CanonicalField.MESSAGE_ID);

    /** ISO 3166-1 alpha-2 country of the client IP (offline GeoIP). */
    public static final Expr.Col CLIENT_COUNTRY = Expr.Col.of(CanonicalField.CLIENT_COUNTRY);

    /** The route of a request: {@code resource_path} (REST) when set, else {@code route_key} (HTTP, WebSocket). */
    public static final Expr ROUTE = new Expr.Coalesce(List.of(RESOURCE_PATH, ROUTE_KEY));

    /** Time API Gateway itself added: response latency minus integration latency. */
    public static final Expr GATEWAY_OVERHEAD_MS = new Expr.Minus(RESPONSE_LATENCY_MS, INTEGRATION_LATENCY_MS);

    /**
     * Who called, whatever the authentication: IAM user ARN, else the IAM user or caller, else the
     * JWT/Cognito subject, else the Cognito identity, else the Lambda authorizer's principal.
     */
    public static final Expr PRINCIPAL = new Expr.Coalesce(List.of(USER_ARN, USER, CALLER, CLAIMS_SUB,
            COGNITO_IDENTITY_ID, AUTHORIZER_PRINCIPAL_ID));

    private Columns() {
    }
}
