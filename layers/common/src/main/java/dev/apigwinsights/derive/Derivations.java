package dev.apigwinsights.derive;

import static dev.apigwinsights.schema.CanonicalField.*;

import dev.apigwinsights.geo.ClientCountries;
import dev.apigwinsights.schema.CanonicalField;
import dev.apigwinsights.schema.CanonicalRecord;
import java.util.Objects;

/**
 * Fills the derived columns of a parsed record from its raw columns. Called once per record on
 * the transformer's hot path, after parsing and before enrichment. A column the log already
 * provided is never overwritten; a column that cannot be derived stays null. Thread-safe and
 * never throws for a record.
 *
 * <table>
 *   <caption>Derived columns</caption>
 *   <tr><th>Column</th><th>From</th><th>Null when</th></tr>
 *   <tr><td>{@code status_class}</td><td>{@code status}: {@code 1xx} .. {@code 5xx}</td>
 *       <td>status absent or outside 100&ndash;599</td></tr>
 *   <tr><td>{@code api_type}</td><td>the variables present, see {@link ApiType} and the rules
 *       below</td><td>nothing distinguishes REST from HTTP</td></tr>
 *   <tr><td>{@code region}</td><td>{@code domain_name}
 *       ({@code {api}.execute-api[-fips].{region}.amazonaws.com[.cn]}, {@code .api.aws},
 *       {@code .vpce.amazonaws.com}), else the region field of {@code webacl_arn} or
 *       {@code user_arn}, else a Cognito user pool ({@code claims_iss},
 *       {@code cognito_authentication_provider}) or identity pool id. The Cognito fallbacks name
 *       the identity provider's region, which is usually but not necessarily the API's.</td>
 *       <td>custom domain and no regional ARN</td></tr>
 *   <tr><td>{@code domain_prefix}</td><td>first label of {@code domain_name}</td>
 *       <td>no domain name</td></tr>
 *   <tr><td>{@code client_country}</td><td>{@code source_ip} via {@link ClientCountries}: the
 *       database's ISO 3166-1 alpha-2 code, upper case</td><td>no or unparsable address; private,
 *       loopback, link-local, CGNAT, documentation, benchmarking, multicast, reserved and other
 *       special-purpose ranges; an address the database does not know; lookups turned off</td></tr>
 *   <tr><td>{@code ua_family}, {@code ua_os}, {@code ua_device}</td><td>{@code user_agent} via
 *       {@link UserAgentClassifier}; unrecognised parts are {@code Other}</td>
 *       <td>no user agent</td></tr>
 *   <tr><td>{@code auth_method}</td><td>identity and authorizer columns, see {@link AuthMethod}
 *       and the precedence below</td><td>never: {@code NONE} when no credential was seen</td></tr>
 *   <tr><td>{@code error_category}</td><td>response type, WAF, integration error, message,
 *       status, see below</td><td>the request succeeded</td></tr>
 *   <tr><td>{@code error_signature}</td><td>{@link ErrorSignatures#of} of the first present of
 *       {@code integration_error}, {@code error_message}, {@code authorizer_error},
 *       {@code waf_error}, {@code authorize_error}, {@code authenticate_error}</td>
 *       <td>the request is not an error (no {@code error_category}) or has no message</td></tr>
 * </table>
 *
 * <h2>api_type</h2>
 * First match wins: (1) WEBSOCKET when {@code event_type}, {@code connection_id},
 * {@code message_id} or {@code connected_at} is present; (2) by {@code route_key}: {@code METHOD
 * /path} &rarr; HTTP, {@code $connect}/{@code $disconnect} &rarr; WEBSOCKET, {@code $default}
 * &rarr; HTTP with an HTTP request line ({@code http_method}, {@code path} or {@code protocol})
 * else WEBSOCKET, any other key &rarr; WEBSOCKET unless there is a request line; (3) REST when
 * {@code resource_path}, {@code api_key_id}, a WAF column, a usage-plan column or a REST-only
 * gateway response type is present; (4) HTTP when an HTTP-only key ({@code dataProcessed},
 * {@code awsEndpointRequestId2}) sits in {@code extra}; (5) null.
 *
 * <h2>auth_method</h2>
 * A method has one authorizer; an API key or client certificate may come on top. So, first match
 * wins: claims &rarr; COGNITO_USER_POOL (Cognito issuer, or no issuer on a REST API) or JWT;
 * Cognito identity columns &rarr; COGNITO_IDENTITY; IAM identity columns ({@code user_arn},
 * {@code caller}, {@code user}, {@code identity_account_id}, {@code principal_org_id}) &rarr;
 * IAM; Lambda authorizer columns &rarr; LAMBDA_AUTHORIZER; client certificate &rarr; MTLS;
 * {@code api_key_id} &rarr; API_KEY; else NONE (also for requests rejected before
 * authentication, e.g. MISSING_AUTHENTICATION_TOKEN).
 *
 * <h2>error_category</h2>
 * Null when the status is below 400 unless a gateway response type, an integration error or a
 * WAF block says otherwise (an error message alone on a 2xx is ignored), and null when the status
 * is unknown and no error column is present. Otherwise, first match wins: the response type
 * (DEFAULT_4XX/DEFAULT_5XX fall through; authorizer configuration errors and failures are SERVER,
 * being 500s the API owner must fix), a WAF block, an integration error (INTEGRATION), the
 * gateway's message text, an authorizer error on 401/403 (AUTH), then the status (401/403/407
 * AUTH, 404 NOT_FOUND, 429 THROTTLE, 400/413/414/415/422/431 VALIDATION, 502/504 INTEGRATION,
 * other 5xx SERVER, anything else OTHER). A status outside 100&ndash;599 counts as not logged.
 * The full rule tables are in the package-private {@code ApiTypes}, {@code Regions},
 * {@code AuthMethods} and {@code ErrorCategories}.
 */
public final class Derivations {

    private static final String[] STATUS_CLASSES = {null, "1xx", "2xx", "3xx", "4xx", "5xx"};

    private final UserAgentClassifier userAgents;
    private final ClientCountries countries;

    /** The last domain name seen and what it yields; records of a batch nearly always share it. */
    private DomainFacts lastDomain = new DomainFacts("", null, null);

    /** Without country lookups ({@code client_country} stays null). */
    public Derivations(UserAgentClassifier userAgents) {
        this(userAgents, ClientCountries.DISABLED);
    }

    public Derivations(UserAgentClassifier userAgents, ClientCountries countries) {
        this.userAgents = Objects.requireNonNull(userAgents, "userAgents");
        this.countries = Objects.requireNonNull(countries, "countries");
    }

    /** Fills the absent derived columns of {@code r}. */
    public void derive(CanonicalRecord r) {
        Objects.requireNonNull(r, "record");
        if (!r.has(STATUS_CLASS)) {
            r.set(STATUS_CLASS, statusClass(status(r)));
        }
        if (!r.has(API_TYPE)) {
            ApiType type = ApiTypes.infer(r);
            if (type != null) {
                r.set(API_TYPE, type.name());
            }
        }
        deriveDomain(r);
        if (!r.has(CLIENT_COUNTRY)) {
            r.set(CLIENT_COUNTRY, countries.countryOf(r.getString(SOURCE_IP)));
        }
        deriveUserAgent(r);
        if (!r.has(AUTH_METHOD)) {
            r.set(AUTH_METHOD, AuthMethods.infer(r).name());
        }
        deriveError(r);
    }

    /** The status if it is a valid HTTP status (100-599), else -1; reads the stored Long without re-boxing it. */
    static int status(CanonicalRecord r) {
        Object v = r.get(STATUS);
        if (v instanceof Number n) {
            long status = n.longValue();
            if (status >= 100 && status <= 599) {
                return (int) status;
            }
        }
        return -1;
    }

    static String statusClass(int status) {
        return status < 0 ? null : STATUS_CLASSES[status / 100];
    }

    private void deriveDomain(CanonicalRecord r) {
        boolean needRegion = !r.has(REGION);
        boolean needPrefix = !r.has(DOMAIN_PREFIX);
        if (!needRegion && !needPrefix) {
            return;
        }
        String domain = r.getString(DOMAIN_NAME);
        String region = null;
        if (domain != null) {
            DomainFacts facts = lastDomain;
            if (!facts.domain.equals(domain)) {
                facts = DomainFacts.of(domain);
                lastDomain = facts;
            }
            region = facts.region;
            if (needPrefix && facts.prefix != null) {
                r.set(DOMAIN_PREFIX, facts.prefix);
            }
        }
        if (needRegion) {
            if (region == null) {
                region = regionFromIdentity(r);
            }
            if (region != null) {
                r.set(REGION, region);
            }
        }
    }

    private static String regionFromIdentity(CanonicalRecord r) {
        String region = null;
        String v;
        if ((v = r.getString(WEBACL_ARN)) != null) {
            region = Regions.fromArn(v);
        }
        if (region == null && (v = r.getString(USER_ARN)) != null) {
            region = Regions.fromArn(v);
        }
        if (region == null && (v = r.getString(CLAIMS_ISS)) != null) {
            region = Regions.fromCognitoIdp(v);
        }
        if (region == null && (v = r.getString(COGNITO_AUTHENTICATION_PROVIDER)) != null) {
            region = Regions.fromCognitoIdp(v);
        }
        if (region == null && (v = r.getString(COGNITO_IDENTITY_POOL_ID)) != null) {
            region = Regions.fromIdentityPoolId(v);
        }
        return region;
    }

    private void deriveUserAgent(CanonicalRecord r) {
        boolean needFamily = !r.has(UA_FAMILY);
        boolean needOs = !r.has(UA_OS);
        boolean needDevice = !r.has(UA_DEVICE);
        if (!needFamily && !needOs && !needDevice) {
            return;
        }
        UserAgentInfo info = userAgents.classify(r.getString(USER_AGENT));
        if (info == null) {
            return;
        }
        if (needFamily) {
            r.set(UA_FAMILY, info.family());
        }
        if (needOs) {
            r.set(UA_OS, info.os());
        }
        if (needDevice) {
            r.set(UA_DEVICE, info.device());
        }
    }

    private static void deriveError(CanonicalRecord r) {
        if (!r.has(ERROR_CATEGORY)) {
            ErrorCategory category = ErrorCategories.infer(r);
            if (category == null) {
                return; // not an error: no signature either
            }
            r.set(ERROR_CATEGORY, category.name());
        }
        if (!r.has(ERROR_SIGNATURE)) {
            String source = firstPresent(r, INTEGRATION_ERROR, ERROR_MESSAGE, AUTHORIZER_ERROR, WAF_ERROR,
                    AUTHORIZE_ERROR, AUTHENTICATE_ERROR);
            if (source != null) {
                r.set(ERROR_SIGNATURE, ErrorSignatures.of(source));
            }
        }
    }

    private static String firstPresent(CanonicalRecord r, CanonicalField... fields) {
        for (CanonicalField f : fields) {
            String v = r.getString(f);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** What a domain name yields; immutable, so sharing it between threads through a plain field is safe. */
    private static final class DomainFacts {
        final String domain;
        final String region;
        final String prefix;

        DomainFacts(String domain, String region, String prefix) {
            this.domain = domain;
            this.region = region;
            this.prefix = prefix;
        }

        static DomainFacts of(String domain) {
            int dot = domain.indexOf('.');
            String prefix = dot < 0 ? domain : domain.substring(0, dot);
            return new DomainFacts(domain, Regions.fromDomainName(domain), prefix.isEmpty() ? null : prefix);
        }
    }
}
