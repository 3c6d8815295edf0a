package dev.apigwinsights.enrich;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClientBuilder;

/**
 * Builds the one API Gateway (control plane) client of the process: explicit region, the light
 * {@code url-connection-client}, the default credentials chain (what SnapStart needs: the
 * container credentials are resolved lazily, after restore) and the SDK's standard retry mode
 * (backoff with jitter, throttling-aware). Call once at wiring time, never per request.
 */
final class ApiGatewayClients {
    /** Points the client at another endpoint (a local fake, a VPC endpoint); optional. */
    static final String ENDPOINT_OVERRIDE_ENV = "APIGW_ENDPOINT_OVERRIDE";

    private ApiGatewayClients() {
    }

    static ApiGatewayClient fromEnvironment(Map<String, String> env) {
        Region region = region(env);
        ApiGatewayClientBuilder builder = ApiGatewayClient.builder()
                .region(region)
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(5)))
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD)
                        .apiCallAttemptTimeout(Duration.ofSeconds(5)));
        String endpoint = env.get(ENDPOINT_OVERRIDE_ENV);
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint.strip()));
        }
        return builder.build();
    }

    static Region region(Map<String, String> env) {
        for (String name : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                return Region.of(v.strip());
            }
        }
        throw new IllegalArgumentException("AWS_REGION must be set to read usage plans from the account");
    }
}
