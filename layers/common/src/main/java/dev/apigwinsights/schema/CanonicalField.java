package dev.apigwinsights.schema;

import static dev.apigwinsights.schema.ContextVariable.*;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical access-log schema: one row per API request (or WebSocket event), whatever format
 * the stage logged in. This enum is the single source of truth: the transformer writes these
 * columns in this order, the Glue table and Athena/DuckDB queries are generated from it, and a
 * test fails if anything else drifts from it.
 *
 * <p>Each column names the {@link ContextVariable}s that can fill it, in order of preference
 * (the first one present wins). Columns with no sources are derived or enriched.
 */
public enum CanonicalField {
    REQUEST_ID("request_id", Type.STRING, "API Gateway request id", ContextVariable.REQUEST_ID),
    EXTENDED_REQUEST_ID("extended_request_id", Type.STRING, "Extended request id", ContextVariable.EXTENDED_REQUEST_ID),
    REQUEST_TIME("request_time", Type.TIMESTAMP, "Request time, ISO-8601 UTC with milliseconds"),
    REQUEST_TIME_EPOCH_MS("request_time_epoch_ms", Type.BIGINT, "Request time, epoch milliseconds"),
    API_ID("api_id", Type.STRING, "API id", ContextVariable.API_ID),
    API_TYPE("api_type", Type.STRING, "REST, HTTP or WEBSOCKET (inferred)"),
    STAGE("stage", Type.STRING, "Stage name", ContextVariable.STAGE),
    DOMAIN_NAME("domain_name", Type.STRING, "Domain name the client called", ContextVariable.DOMAIN_NAME),
    DOMAIN_PREFIX("domain_prefix", Type.STRING, "First label of the domain name", ContextVariable.DOMAIN_PREFIX),
    ACCOUNT_ID("account_id", Type.STRING, "AWS account that owns the API", ContextVariable.ACCOUNT_ID),
    REGION("region", Type.STRING, "AWS region (from the domain name or ARNs)"),
    HTTP_METHOD("http_method", Type.STRING, "HTTP method", ContextVariable.HTTP_METHOD),
    PATH("path", Type.STRING, "Request path", ContextVariable.PATH),
    RESOURCE_PATH("resource_path", Type.STRING, "REST resource path template", ContextVariable.RESOURCE_PATH),
    ROUTE_KEY("route_key", Type.STRING, "HTTP/WebSocket route key", ContextVariable.ROUTE_KEY),
    PROTOCOL("protocol", Type.STRING, "Request protocol", ContextVariable.PROTOCOL),
    STATUS("status", Type.INT, "Response status code", ContextVariable.STATUS),
    STATUS_CLASS("status_class", Type.STRING, "1xx, 2xx, 3xx, 4xx or 5xx"),
    RESPONSE_LENGTH("response_length", Type.BIGINT, "Response payload length, bytes", ContextVariable.RESPONSE_LENGTH),
    RESPONSE_LATENCY_MS("response_latency_ms", Type.BIGINT, "Response latency, ms", RESPONSE_LATENCY),
    INTEGRATION_LATENCY_MS("integration_latency_ms", Type.BIGINT, "Integration latency, ms",
            INTEGRATION_LATENCY, INTEGRATION_LATENCY_GROUPED),
    INTEGRATION_STATUS_CODE("integration_status", Type.INT, "Status returned by the integration",
            INTEGRATION_STATUS_GROUPED, ContextVariable.INTEGRATION_STATUS, INTEGRATION_INTEGRATION_STATUS),
    INTEGRATION_ERROR("integration_error", Type.STRING, "Integration error message",
            ContextVariable.INTEGRATION_ERROR, INTEGRATION_ERROR_MESSAGE),
    INTEGRATION_REQUEST_ID("integration_request_id", Type.STRING, "Integration (e.g. Lambda) request id",
            ContextVariable.INTEGRATION_REQUEST_ID),
    SOURCE_IP("source_ip", Type.STRING, "Client IP address", IDENTITY_SOURCE_IP),
    CLIENT_COUNTRY("client_country", Type.STRING,
            "Derived: ISO 3166-1 alpha-2 country of source_ip (GeoIP database); null for private, reserved and unknown addresses"),
    USER_AGENT("user_agent", Type.STRING, "User-Agent header", IDENTITY_USER_AGENT),
    UA_FAMILY("ua_family", Type.STRING, "User-agent family (parsed)"),
    UA_OS("ua_os", Type.STRING, "Client operating system (parsed)"),
    UA_DEVICE("ua_device", Type.STRING, "Client device (parsed)"),
    CALLER("caller", Type.STRING, "IAM caller principal", IDENTITY_CALLER),
    USER("user", Type.STRING, "IAM user principal", IDENTITY_USER),
    USER_ARN("user_arn", Type.STRING, "IAM user ARN", IDENTITY_USER_ARN),
    PRINCIPAL_ORG_ID("principal_org_id", Type.STRING, "AWS Organizations id of the caller", IDENTITY_PRINCIPAL_ORG_ID),
    IDENTITY_ACCOUNT_ID("identity_account_id", Type.STRING, "AWS account of the caller", ContextVariable.IDENTITY_ACCOUNT_ID),
    COGNITO_IDENTITY_ID("cognito_identity_id", Type.STRING, "Cognito identity id", IDENTITY_COGNITO_IDENTITY_ID),
    COGNITO_IDENTITY_POOL_ID("cognito_identity_pool_id", Type.STRING, "Cognito identity pool id", IDENTITY_COGNITO_IDENTITY_POOL_ID),
    COGNITO_AUTHENTICATION_TYPE("cognito_authentication_type", Type.STRING, "Cognito authentication type",
            IDENTITY_COGNITO_AUTHENTICATION_TYPE),
    COGNITO_AUTHENTICATION_PROVIDER("cognito_authentication_provider", Type.STRING, "Cognito authentication provider",
            IDENTITY_COGNITO_AUTHENTICATION_PROVIDER),
    CLAIMS_SUB("claims_sub", Type.STRING, "JWT/Cognito subject claim", AUTHORIZER_CLAIMS_SUB),
    CLAIMS_ISS("claims_iss", Type.STRING, "JWT/Cognito issuer claim", AUTHORIZER_CLAIMS_ISS),
    CLAIMS_AUD("claims_aud", Type.STRING, "JWT/Cognito audience claim (or client_id)",
            AUTHORIZER_CLAIMS_AUD, AUTHORIZER_CLAIMS_CLIENT_ID),
    AUTHORIZER_PRINCIPAL_ID("authorizer_principal_id", Type.STRING, "Principal returned by the authorizer",
            ContextVariable.AUTHORIZER_PRINCIPAL_ID),
    AUTH_METHOD("auth_method", Type.STRING, "Derived: API_KEY, IAM, COGNITO_USER_POOL, COGNITO_IDENTITY, LAMBDA_AUTHORIZER, JWT, MTLS or NONE"),
    API_KEY_ID("api_key_id", Type.STRING, "API key id (never the key value)", IDENTITY_API_KEY_ID),
    API_KEY_NAME("api_key_name", Type.STRING, "Enriched: API key name"),
    CUSTOMER_ID("customer_id", Type.STRING, "Enriched: the API key's customerId"),
    USAGE_PLAN_ID("usage_plan_id", Type.STRING, "Enriched: usage plan that governed the request"),
    USAGE_PLAN_NAME("usage_plan_name", Type.STRING, "Enriched: usage plan name"),
    QUOTA_LIMIT("quota_limit", Type.BIGINT, "Enriched: plan quota limit"),
    QUOTA_PERIOD("quota_period", Type.STRING, "Enriched: plan quota period (DAY, WEEK, MONTH)"),
    QUOTA_OFFSET("quota_offset", Type.INT, "Enriched: plan quota offset (first day of a WEEK period, 0 = Sunday; of a MONTH period, day - 1)"),
    THROTTLE_RATE_LIMIT("throttle_rate_limit", Type.DOUBLE, "Enriched: throttle rate limit, requests/s"),
    THROTTLE_BURST_LIMIT("throttle_burst_limit", Type.BIGINT, "Enriched: throttle burst limit"),
    ENRICHMENT_STATUS("enrichment_status", Type.STRING, "Enriched: OK, NO_KEY, UNKNOWN_KEY, STALE or UNAVAILABLE"),
    AUTHORIZER_LATENCY_MS("authorizer_latency_ms", Type.BIGINT, "Authorizer latency, ms", AUTHORIZER_LATENCY),
    AUTHORIZER_INTEGRATION_LATENCY_MS("authorizer_integration_latency_ms", Type.BIGINT, "Authorizer Lambda latency, ms",
            AUTHORIZER_INTEGRATION_LATENCY),
    AUTHORIZER_STATUS("authorizer_status", Type.INT, "Authorizer status code", ContextVariable.AUTHORIZER_STATUS),
    AUTHORIZER_INTEGRATION_STATUS("authorizer_integration_status", Type.INT, "Authorizer Lambda status code",
            ContextVariable.AUTHORIZER_INTEGRATION_STATUS),
    AUTHORIZER_ERROR("authorizer_error", Type.STRING, "Authorizer error message", ContextVariable.AUTHORIZER_ERROR),
    AUTHORIZE_STATUS("authorize_status", Type.INT, "Authorization step status code", ContextVariable.AUTHORIZE_STATUS),
    AUTHORIZE_LATENCY_MS("authorize_latency_ms", Type.BIGINT, "Authorization step latency, ms", AUTHORIZE_LATENCY),
    AUTHORIZE_ERROR("authorize_error", Type.STRING, "Authorization step error", ContextVariable.AUTHORIZE_ERROR),
    AUTHENTICATE_STATUS("authenticate_status", Type.INT, "Authentication step status code", ContextVariable.AUTHENTICATE_STATUS),
    AUTHENTICATE_LATENCY_MS("authenticate_latency_ms", Type.BIGINT, "Authentication step latency, ms", AUTHENTICATE_LATENCY),
    AUTHENTICATE_ERROR("authenticate_error", Type.STRING, "Authentication step error", ContextVariable.AUTHENTICATE_ERROR),
    ERROR_MESSAGE("error_message", Type.STRING, "Gateway error message", ContextVariable.ERROR_MESSAGE, ERROR_MESSAGE_STRING),
    ERROR_RESPONSE_TYPE("error_response_type", Type.STRING, "Gateway response type", ContextVariable.ERROR_RESPONSE_TYPE),
    ERROR_CATEGORY("error_category", Type.STRING, "Derived: AUTH, QUOTA, THROTTLE, VALIDATION, NOT_FOUND, WAF, INTEGRATION, SERVER or OTHER"),
    ERROR_SIGNATURE("error_signature", Type.STRING, "Derived: error message with ids, numbers and ARNs masked"),
    WAF_STATUS("waf_status", Type.INT, "WAF status code", ContextVariable.WAF_STATUS),
    WAF_LATENCY_MS("waf_latency_ms", Type.BIGINT, "WAF latency, ms", WAF_LATENCY),
    WAF_ERROR("waf_error", Type.STRING, "WAF error", ContextVariable.WAF_ERROR),
    WAF_RESPONSE_CODE("waf_response_code", Type.STRING, "WAF response code (WAF_ALLOW, WAF_BLOCK, ...)", ContextVariable.WAF_RESPONSE_CODE),
    WEBACL_ARN("webacl_arn", Type.STRING, "WAF web ACL ARN", ContextVariable.WEBACL_ARN),
    CLIENT_CERT_SUBJECT_DN("client_cert_subject_dn", Type.STRING, "mTLS client certificate subject DN", ContextVariable.CLIENT_CERT_SUBJECT_DN),
    CLIENT_CERT_ISSUER_DN("client_cert_issuer_dn", Type.STRING, "mTLS client certificate issuer DN", ContextVariable.CLIENT_CERT_ISSUER_DN),
    CLIENT_CERT_SERIAL_NUMBER("client_cert_serial_number", Type.STRING, "mTLS client certificate serial number",
            ContextVariable.CLIENT_CERT_SERIAL_NUMBER),
    CLIENT_CERT_NOT_BEFORE("client_cert_not_before", Type.STRING, "mTLS client certificate validity start", ContextVariable.CLIENT_CERT_NOT_BEFORE),
    CLIENT_CERT_NOT_AFTER("client_cert_not_after", Type.STRING, "mTLS client certificate validity end", ContextVariable.CLIENT_CERT_NOT_AFTER),
    EVENT_TYPE("event_type", Type.STRING, "WebSocket event type (CONNECT, MESSAGE, DISCONNECT)", ContextVariable.EVENT_TYPE),
    CONNECTION_ID("connection_id", Type.STRING, "WebSocket connection id", ContextVariable.CONNECTION_ID),
    MESSAGE_ID("message_id", Type.STRING, "WebSocket message id", ContextVariable.MESSAGE_ID),
    CONNECTED_AT("connected_at", Type.BIGINT, "WebSocket connection time, epoch ms", ContextVariable.CONNECTED_AT),
    SOURCE_KIND("source_kind", Type.STRING, SourceKind.describeAll()),
    LOG_GROUP("log_group", Type.STRING, "CloudWatch Logs group, for CLOUDWATCH records"),
    LOG_STREAM("log_stream", Type.STRING, "CloudWatch Logs stream, for CLOUDWATCH records"),
    EXTRA("extra", Type.MAP, "Log keys with no column of their own, as strings");

    /** Column types, with their Glue/Hive and DuckDB spellings. */
    public enum Type {
        STRING("string", "VARCHAR"),
        INT("int", "INTEGER"),
        BIGINT("bigint", "BIGINT"),
        DOUBLE("double", "DOUBLE"),
        TIMESTAMP("timestamp", "TIMESTAMP"),
        MAP("map<string,string>", "MAP(VARCHAR, VARCHAR)");

        private final String glueType;
        private final String duckDbType;

        Type(String glueType, String duckDbType) {
            this.glueType = glueType;
            this.duckDbType = duckDbType;
        }

        public String glueType() {
            return glueType;
        }

        public String duckDbType() {
            return duckDbType;
        }
    }

    private static final CanonicalField[] VALUES = values();
    private static final Map<String, CanonicalField> BY_COLUMN;

    static {
        Map<String, CanonicalField> byColumn = new HashMap<>();
        for (CanonicalField f : VALUES) {
            byColumn.put(f.column, f);
        }
        BY_COLUMN = Collections.unmodifiableMap(byColumn);
    }

    private final String column;
    private final Type type;
    private final String description;
    private final List<ContextVariable> sources;

    CanonicalField(String column, Type type, String description, ContextVariable... sources) {
        this.column = column;
        this.type = type;
        this.description = description;
        this.sources = List.of(sources);
    }

    /** The snake_case column name, as written in JSON and in the catalog. */
    public String column() {
        return column;
    }

    public Type type() {
        return type;
    }

    public String description() {
        return description;
    }

    /** The variables that fill this column, most preferred first; empty for derived columns. */
    public List<ContextVariable> sources() {
        return sources;
    }

    public static int count() {
        return VALUES.length;
    }

    public static CanonicalField ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    public static Optional<CanonicalField> byColumn(String column) {
        return Optional.ofNullable(BY_COLUMN.get(column));
    }

    /** Partition columns of the catalog table, derived from the request time (UTC). */
    public static List<String> partitionKeys() {
        return List.of("year", "month", "day");
    }
}
