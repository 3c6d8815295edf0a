package dev.apigwinsights.local.replay;

import java.net.URI;
import java.util.Properties;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Stands in for Amazon S3: S3Proxy in-process over a transient (in-memory) jclouds blob store,
 * checking SigV4 signatures, so the real SDK client lists (ListObjectsV2, pages) and reads objects
 * over HTTP as it would from the logs bucket.
 */
final class S3Fake implements AutoCloseable {
    private static final String IDENTITY = "AKIDS3PROXY";
    private static final String CREDENTIAL = "s3proxy-secret";

    private final BlobStoreContext context;
    private final S3Proxy proxy;

    S3Fake() throws Exception {
        Properties properties = new Properties();
        context = ContextBuilder.newBuilder("transient").credentials(IDENTITY, CREDENTIAL).overrides(properties)
                .build(BlobStoreContext.class);
        proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, IDENTITY, CREDENTIAL)
                // The SDK asks GetObject for checksums (x-amz-checksum-mode), which S3 honours and S3Proxy does not implement.
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        while (!AbstractLifeCycle.STARTED.equals(proxy.getState())) {
            Thread.sleep(5);
        }
    }

    /** A client as replay builds one, pointed here (path-style: S3Proxy serves no bucket subdomains). */
    S3Client client() {
        return S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + proxy.getPort()))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, CREDENTIAL)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    void createBucket(String bucket) {
        try (S3Client s3 = client()) {
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    void put(String bucket, String key, byte[] data) {
        // Fixtures go up with a plain signed payload: S3Proxy does not read the SDK's default checksum trailers.
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + proxy.getPort()))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, CREDENTIAL)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .build()) {
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(data));
        }
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop", e);
        } finally {
            context.close();
        }
    }
}
