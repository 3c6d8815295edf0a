package dev.apigwinsights.parse.template;

import dev.apigwinsights.schema.ContextVariable;

/**
 * What a variable's value can look like. The matcher uses shapes to choose between splits of a
 * line that the literals alone leave open: in a CSV line whose error message contains commas,
 * only one split puts a three-digit number where {@code $context.status} is.
 *
 * <p>Shapes are applied at three {@link Level levels}; a line is matched at the strictest level
 * that succeeds, so a shape only ever resolves ambiguity and never rejects a line a looser
 * reading would accept. The strict shapes describe typical values (a status is three digits, a
 * request time is always there); the lenient ones every value API Gateway can write. Apart from
 * the strict {@link #STATUS} and {@link #CLF_TIME}, every shape accepts the empty string and
 * API Gateway's {@code -} for "no value".
 */
enum ValueShape {
    /** Free text (user agents, error messages, claims, unknown variables). */
    ANY,
    /** No whitespace (IAM principals and ARNs, which may contain commas). */
    TOKEN,
    /** Identifiers: no whitespace, quotes, commas or angle brackets. */
    ID,
    /** An integer (statuses, latencies, lengths, epoch times). */
    INTEGER,
    /** A response status: three digits. Strict form of {@link #INTEGER} for {@code $context.status}. */
    STATUS,
    /** {@code dd/MMM/yyyy:HH:mm:ss +hhmm}, never missing. */
    CLF_TIME,
    /** {@link #CLF_TIME}, or no value. */
    CLF_TIME_OR_DASH,
    /** A REST resource path: starts with {@code /}, no whitespace. */
    RESOURCE_PATH,
    /** Starts with {@code /}. */
    RESOURCE_PATH_LOOSE,
    /**
     * An HTTP or WebSocket route key ({@code $default}, {@code GET /pets/{id}}, an action name):
     * never starts with {@code /}, at most one space.
     */
    ROUTE_KEY,
    /** Never starts with {@code /}. */
    ROUTE_KEY_LOOSE;

    private static final int MAX_INTEGER_LENGTH = 20;
    private static final int CLF_TIME_LENGTH = "21/Nov/2025:05:02:03 +0000".length();

    /** How strictly shapes are applied. */
    enum Level {
        /** Every shape. */
        STRICT,
        /** Only numbers, times and generated identifiers, which API Gateway always writes in one form. */
        LENIENT,
        /** Any value anywhere: literals alone decide. */
        RELAXED
    }

    static ValueShape of(TemplateVariable v) {
        return v.variable() == null ? ANY : of(v.variable());
    }

    static ValueShape of(ContextVariable v) {
        return switch (v) {
            case STATUS -> ValueShape.STATUS;
            case RESPONSE_LENGTH, RESPONSE_LATENCY, REQUEST_TIME_EPOCH, INTEGRATION_LATENCY,
                    INTEGRATION_LATENCY_GROUPED, INTEGRATION_STATUS, INTEGRATION_STATUS_GROUPED,
                    INTEGRATION_INTEGRATION_STATUS, AUTHORIZER_LATENCY, AUTHORIZER_INTEGRATION_LATENCY,
                    AUTHORIZER_STATUS, AUTHORIZER_INTEGRATION_STATUS, AUTHORIZE_LATENCY, AUTHORIZE_STATUS,
                    AUTHENTICATE_LATENCY, AUTHENTICATE_STATUS, WAF_LATENCY, WAF_STATUS, DATA_PROCESSED,
                    CONNECTED_AT -> INTEGER;
            case REQUEST_TIME -> CLF_TIME;
            case RESOURCE_PATH -> ValueShape.RESOURCE_PATH;
            case ROUTE_KEY -> ValueShape.ROUTE_KEY;
            case REQUEST_ID, EXTENDED_REQUEST_ID, API_ID, ACCOUNT_ID, AWS_ENDPOINT_REQUEST_ID,
                    AWS_ENDPOINT_REQUEST_ID2, DOMAIN_NAME, DOMAIN_PREFIX, HTTP_METHOD, PROTOCOL, RESOURCE_ID,
                    STAGE, XRAY_TRACE_ID, IDENTITY_SOURCE_IP, IDENTITY_API_KEY_ID, IDENTITY_ACCOUNT_ID,
                    IDENTITY_VPC_ID, IDENTITY_VPCE_ID, IDENTITY_PRINCIPAL_ORG_ID, IDENTITY_COGNITO_IDENTITY_ID,
                    IDENTITY_COGNITO_IDENTITY_POOL_ID, INTEGRATION_REQUEST_ID, AUTHORIZER_REQUEST_ID,
                    ERROR_RESPONSE_TYPE, WAF_RESPONSE_CODE, WEBACL_ARN, CONNECTION_ID, MESSAGE_ID,
                    EVENT_TYPE -> ID;
            case PATH, IDENTITY_CALLER, IDENTITY_USER, IDENTITY_USER_ARN, IDENTITY_COGNITO_AUTHENTICATION_TYPE,
                    IDENTITY_COGNITO_AUTHENTICATION_PROVIDER, CLIENT_CERT_SERIAL_NUMBER, IDENTITY_API_KEY,
                    CUSTOM_DOMAIN_BASE_PATH_MATCHED -> TOKEN;
            default -> ANY;
        };
    }

    /** Whether values are integers, so a JSON format may leave the variable unquoted. */
    boolean numeric() {
        return this == INTEGER || this == STATUS;
    }

    /** This (strict) shape as applied at {@code level}. */
    ValueShape at(Level level) {
        return switch (level) {
            case STRICT -> this;
            case LENIENT -> switch (this) {
                case STATUS -> INTEGER;
                case CLF_TIME -> CLF_TIME_OR_DASH;
                case RESOURCE_PATH -> RESOURCE_PATH_LOOSE;
                case ROUTE_KEY -> ROUTE_KEY_LOOSE;
                case TOKEN -> ANY;
                default -> this;
            };
            case RELAXED -> ANY;
        };
    }

    /**
     * An upper bound for the end of a value starting at {@code pos}: no value ending after it is
     * accepted, so the matcher stops trying longer values there. Scans at most up to the bound.
     */
    int limit(String s, int pos, int hi) {
        switch (this) {
            case ANY:
            case RESOURCE_PATH_LOOSE:
            case ROUTE_KEY_LOOSE:
                return hi;
            case TOKEN:
            case RESOURCE_PATH: {
                int i = pos;
                while (i < hi && !isSpace(s.charAt(i))) {
                    i++;
                }
                return i;
            }
            case ID: {
                int i = pos;
                while (i < hi && isIdChar(s.charAt(i))) {
                    i++;
                }
                return i;
            }
            case INTEGER:
            case STATUS: {
                int max = Math.min(hi, pos + MAX_INTEGER_LENGTH);
                int i = pos;
                while (i < max && (isDigit(s.charAt(i)) || s.charAt(i) == '-')) {
                    i++;
                }
                return i;
            }
            case CLF_TIME:
            case CLF_TIME_OR_DASH: {
                int max = Math.min(hi, pos + CLF_TIME_LENGTH);
                int i = pos;
                while (i < max && isTimeChar(s.charAt(i))) {
                    i++;
                }
                return i;
            }
            case ROUTE_KEY: {
                int spaces = 0;
                int i = pos;
                while (i < hi) {
                    if (isSpace(s.charAt(i)) && ++spaces == 2) {
                        break;
                    }
                    i++;
                }
                return i;
            }
            default:
                throw new IllegalStateException(name());
        }
    }

    /** Whether {@code s[pos, end)} has this shape; {@code end} is at most {@link #limit}. */
    boolean accepts(String s, int pos, int end) {
        int len = end - pos;
        if (this == STATUS) {
            return len == 3 && isDigit(s.charAt(pos)) && isDigit(s.charAt(pos + 1)) && isDigit(s.charAt(pos + 2));
        }
        if (this == CLF_TIME) {
            return len == CLF_TIME_LENGTH && isClfTime(s, pos);
        }
        if (len == 0 || (len == 1 && s.charAt(pos) == '-')) {
            return true;
        }
        switch (this) {
            case ANY:
            case TOKEN:
            case ID:
                return true;
            case RESOURCE_PATH:
            case RESOURCE_PATH_LOOSE:
                return s.charAt(pos) == '/';
            case ROUTE_KEY:
                return s.charAt(pos) != '/' && !isSpace(s.charAt(pos)) && !isSpace(s.charAt(end - 1));
            case ROUTE_KEY_LOOSE:
                return s.charAt(pos) != '/';
            case INTEGER: {
                int i = s.charAt(pos) == '-' ? pos + 1 : pos;
                if (i == end) {
                    return false;
                }
                for (; i < end; i++) {
                    if (!isDigit(s.charAt(i))) {
                        return false;
                    }
                }
                return true;
            }
            case CLF_TIME_OR_DASH:
                return len == CLF_TIME_LENGTH && isClfTime(s, pos);
            default:
                throw new IllegalStateException(name());
        }
    }

    /** {@code dd/MMM/yyyy:HH:mm:ss +hhmm} at {@code p}. */
    private static boolean isClfTime(String s, int p) {
        String pattern = "99/AAA/9999:99:99:99 S9999";
        for (int k = 0; k < pattern.length(); k++) {
            char c = s.charAt(p + k);
            boolean ok = switch (pattern.charAt(k)) {
                case '9' -> isDigit(c);
                case 'A' -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
                case 'S' -> c == '+' || c == '-';
                default -> c == pattern.charAt(k);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdChar(char c) {
        return !isSpace(c) && c != '"' && c != ',' && c != '<' && c != '>';
    }

    private static boolean isTimeChar(char c) {
        return isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                || c == '/' || c == ':' || c == '+' || c == '-' || c == ' ';
    }
}
