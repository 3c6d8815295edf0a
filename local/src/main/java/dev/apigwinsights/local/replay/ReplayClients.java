package dev.apigwinsights.local.replay;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The SDK clients replay needs, each built once, on first use, and closed at the end. */
interface ReplayClients extends AutoCloseable {
    S3Client s3();

    FirehoseClient firehose();

    @Override
    void close();

    /**
     * Clients for the live account: the default credentials chain, {@code region} or else the SDK's
     * default region chain ({@code AWS_REGION}, the profile), one light HTTP client.
     */
    static ReplayClients aws(String region) {
        return new ReplayClients() {
            private S3Client s3;
            private FirehoseClient firehose;

            @Override
            public synchronized S3Client s3() {
                if (s3 == null) {
                    var builder = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
                    s3 = (region == null ? builder : builder.region(Region.of(region))).build();
                }
                return s3;
            }

            @Override
            public synchronized FirehoseClient firehose() {
                if (firehose == null) {
                    var builder = FirehoseClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
                    firehose = (region == null ? builder : builder.region(Region.of(region))).build();
                }
                return firehose;
            }

            @Override
            public synchronized void close() {
                if (s3 != null) {
                    s3.close();
                }
                if (firehose != null) {
                    firehose.close();
                }
            }
        };
    }
}
