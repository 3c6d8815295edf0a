package dev.apigwinsights.derive;

import static dev.apigwinsights.schema.CanonicalField.*;

import dev.apigwinsights.schema.CanonicalRecord;

/**
 * Puts a failed request in one {@link ErrorCategory}.
 *
 * <p><b>Is it an error at all?</b> A request whose status is below 400 succeeded and gets null,
 * unless there is hard evidence of a gateway-side failure: an {@code error_response_type} (a
 * gateway response was sent, whatever status it was customised to), an {@code integration_error}
 * (e.g. a REST non-proxy integration that mapped a Lambda error to 200), or a WAF block. An
 * {@code error_message} alone on a 2xx/3xx is ignored: API Gateway writes {@code -} there on
 * success, and formats that log something anyway do not make the request fail. When the status
 * is not logged, any error column (message, integration, authorizer, WAF) counts as evidence.
 *
 * <p><b>Which category</b>, first match wins:
 * <ol>
 *   <li>{@code error_response_type}: ACCESS_DENIED, EXPIRED_TOKEN, INVALID_API_KEY,
 *       INVALID_SIGNATURE, MISSING_AUTHENTICATION_TOKEN, UNAUTHORIZED &rarr; AUTH; QUOTA_EXCEEDED
 *       &rarr; QUOTA; THROTTLED &rarr; THROTTLE; BAD_REQUEST_BODY, BAD_REQUEST_PARAMETERS,
 *       REQUEST_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE &rarr; VALIDATION; RESOURCE_NOT_FOUND &rarr;
 *       NOT_FOUND; WAF_FILTERED &rarr; WAF; INTEGRATION_FAILURE, INTEGRATION_TIMEOUT &rarr;
 *       INTEGRATION; API_CONFIGURATION_ERROR, AUTHORIZER_CONFIGURATION_ERROR, AUTHORIZER_FAILURE
 *       &rarr; SERVER. The two authorizer types are 500s raised when the authorizer cannot be
 *       reached or crashes: the API owner's fault, not a refused caller, so they alert with the
 *       other server errors (an authorizer's explicit refusal is UNAUTHORIZED/ACCESS_DENIED).
 *       DEFAULT_4XX, DEFAULT_5XX and unknown types are catch-alls and fall through.</li>
 *   <li>{@code waf_response_code} starting with {@code WAF_BLOCK} &rarr; WAF.</li>
 *   <li>{@code integration_error} present &rarr; INTEGRATION (e.g. DEFAULT_5XX with
 *       "Execution failed due to configuration error: PKIX path building failed").</li>
 *   <li>The gateway's own message text (case-insensitive prefix, surrounding quotes ignored):
 *       "Limit Exceeded" &rarr; QUOTA; "Too Many Requests", "Rate exceeded" &rarr; THROTTLE;
 *       "Missing Authentication Token", "Unauthorized", "Forbidden", "User is not authorized",
 *       "User: ... is not authorized", "The security token included in the request is ...",
 *       "Signature expired", "The request signature we calculated does not match", "Invalid API
 *       Key", "Authorization header requires", "Invalid key=value pair", "Credential should be
 *       scoped" &rarr; AUTH; "Endpoint request timed out", "Network error communicating with
 *       endpoint", "Execution failed due to configuration error", "Malformed Lambda proxy
 *       response", "Invalid permissions on Lambda function" &rarr; INTEGRATION; "Invalid request
 *       body", "Missing required request parameters", "Request too long", "Request Entity Too
 *       Large", "Unsupported Media Type" &rarr; VALIDATION; "Not Found" &rarr; NOT_FOUND;
 *       "Internal server error", "Service Unavailable" &rarr; SERVER.</li>
 *   <li>An authorizer/authorize/authenticate error with status 401, 403 or unknown &rarr; AUTH.</li>
 *   <li>The status: 401, 403, 407 &rarr; AUTH; 404 &rarr; NOT_FOUND; 429 &rarr; THROTTLE; 400,
 *       413, 414, 415, 422, 431 &rarr; VALIDATION; 502, 504 &rarr; INTEGRATION (the statuses
 *       API Gateway itself uses when an integration fails or times out); other 5xx &rarr; SERVER;
 *       anything else (other 4xx, unknown status) &rarr; OTHER.</li>
 * </ol>
 */
final class ErrorCategories {

    /** Message prefixes are matched within this many leading characters only. */
    private static final int MESSAGE_SCAN_LIMIT = 512;

    private static final String[] MESSAGE_PREFIXES = {
        "Limit Exceeded",
        "Too Many Requests",
        "Rate exceeded",
        "Missing Authentication Token",
        "Unauthorized",
        "Forbidden",
        "User is not authorized",
        "The security token included in the request is",
        "Signature expired",
        "The request signature we calculated does not match",
        "Invalid API Key",
        "Authorization header requires",
        "Invalid key=value pair",
        "Credential should be scoped",
        "Endpoint request timed out",
        "Network error communicating with endpoint",
        "Execution failed due to configuration error",
        "Malformed Lambda proxy response",
        "Invalid permissions on Lambda function",
        "Invalid request body",
        "Missing required request parameters",
        "Request too long",
        "Request Entity Too Large",
        "Unsupported Media Type",
        "Not Found",
        "Internal server error",
        "Service Unavailable",
    };

    private static final ErrorCategory[] MESSAGE_CATEGORIES = {
        ErrorCategory.QUOTA,
        ErrorCategory.THROTTLE,
        ErrorCategory.THROTTLE,
        ErrorCategory.AUTH,
        ErrorCategory.AUTH,
        ErrorCategory.AUTH,
        ErrorCategory.AUTH,
        ErrorCategory.AUTH,
        ErrorCategory.AUTH,
        ErrorCategory.AUTH,
        ErrorCategory.AUTH,
        ErrorCategory.AUTH,
        ErrorCategory.AUTH,
        ErrorCategory.AUTH,
        ErrorCategory.INTEGRATION,
        ErrorCategory.INTEGRATION,
        ErrorCategory.INTEGRATION,
        ErrorCategory.INTEGRATION,
        ErrorCategory.INTEGRATION,
        ErrorCategory.VALIDATION,
        ErrorCategory.VALIDATION,
        ErrorCategory.VALIDATION,
        ErrorCategory.VALIDATION,
        ErrorCategory.VALIDATION,
        ErrorCategory.NOT_FOUND,
        ErrorCategory.SERVER,
        ErrorCategory.SERVER,
    };

    private ErrorCategories() {
    }

    /** The category of a failed request, or null when the request succeeded or nothing says it failed. */
    static ErrorCategory infer(CanonicalRecord r) {
        int status = Derivations.status(r); // -1 when absent or outside 100-599: treated as not logged
        String responseType = r.getString(ERROR_RESPONSE_TYPE);
        boolean wafBlock = isWafBlock(r.getString(WAF_RESPONSE_CODE));
        boolean integrationError = r.has(INTEGRATION_ERROR);
        boolean authorizerError = r.has(AUTHORIZER_ERROR) || r.has(AUTHORIZE_ERROR) || r.has(AUTHENTICATE_ERROR);
        String message = r.getString(ERROR_MESSAGE);

        boolean hardEvidence = responseType != null || wafBlock || integrationError;
        if (status >= 0 && status < 400) {
            if (!hardEvidence) {
                return null;
            }
        } else if (status < 0 && !hardEvidence && message == null && !authorizerError && !r.has(WAF_ERROR)) {
            return null;
        }

        if (responseType != null) {
            ErrorCategory byType = fromResponseType(responseType);
            if (byType != null) {
                return byType;
            }
        }
        if (wafBlock) {
            return ErrorCategory.WAF;
        }
        if (integrationError) {
            return ErrorCategory.INTEGRATION;
        }
        if (message != null) {
            ErrorCategory byMessage = fromMessage(message);
            if (byMessage != null) {
                return byMessage;
            }
        }
        if (authorizerError && (status < 0 || status == 401 || status == 403)) {
            return ErrorCategory.AUTH;
        }
        return fromStatus(status);
    }

    /** The category a gateway response type implies; null for the DEFAULT_* catch-alls and unknown types. */
    static ErrorCategory fromResponseType(String type) {
        switch (type) {
            case "ACCESS_DENIED":
            case "EXPIRED_TOKEN":
            case "INVALID_API_KEY":
            case "INVALID_SIGNATURE":
            case "MISSING_AUTHENTICATION_TOKEN":
            case "UNAUTHORIZED":
                return ErrorCategory.AUTH;
            case "QUOTA_EXCEEDED":
                return ErrorCategory.QUOTA;
            case "THROTTLED":
                return ErrorCategory.THROTTLE;
            case "BAD_REQUEST_BODY":
            case "BAD_REQUEST_PARAMETERS":
            case "REQUEST_TOO_LARGE":
            case "UNSUPPORTED_MEDIA_TYPE":
                return ErrorCategory.VALIDATION;
            case "RESOURCE_NOT_FOUND":
                return ErrorCategory.NOT_FOUND;
            case "WAF_FILTERED":
                return ErrorCategory.WAF;
            case "INTEGRATION_FAILURE":
            case "INTEGRATION_TIMEOUT":
                return ErrorCategory.INTEGRATION;
            case "API_CONFIGURATION_ERROR":
            case "AUTHORIZER_CONFIGURATION_ERROR":
            case "AUTHORIZER_FAILURE":
                return ErrorCategory.SERVER;
            default:
                return null;
        }
    }

    static ErrorCategory fromMessage(String message) {
        int start = 0;
        int end = Math.min(message.length(), MESSAGE_SCAN_LIMIT);
        while (start < end && (Character.isWhitespace(message.charAt(start)) || message.charAt(start) == '"')) {
            start++;
        }
        for (int i = 0; i < MESSAGE_PREFIXES.length; i++) {
            String prefix = MESSAGE_PREFIXES[i];
            if (message.regionMatches(true, start, prefix, 0, prefix.length())) {
                return MESSAGE_CATEGORIES[i];
            }
        }
        // IAM denials: "User: arn:aws:sts::123456789012:assumed-role/... is not authorized to perform: execute-api:Invoke ..."
        if (message.regionMatches(true, start, "User: ", 0, 6)
                && indexOf(message, "is not authorized", start, end) >= 0) {
            return ErrorCategory.AUTH;
        }
        return null;
    }

    static ErrorCategory fromStatus(int status) {
        switch (status) {
            case 401:
            case 403:
            case 407:
                return ErrorCategory.AUTH;
            case 404:
                return ErrorCategory.NOT_FOUND;
            case 429:
                return ErrorCategory.THROTTLE;
            case 400:
            case 413:
            case 414:
            case 415:
            case 422:
            case 431:
                return ErrorCategory.VALIDATION;
            case 502:
            case 504:
                return ErrorCategory.INTEGRATION;
            default:
                return status >= 500 && status <= 599 ? ErrorCategory.SERVER : ErrorCategory.OTHER;
        }
    }

    private static boolean isWafBlock(String wafResponseCode) {
        return wafResponseCode != null && wafResponseCode.regionMatches(true, 0, "WAF_BLOCK", 0, 9);
    }

    private static int indexOf(String s, String needle, int from, int to) {
        int last = to - needle.length();
        for (int i = from; i <= last; i++) {
            if (s.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }
}
