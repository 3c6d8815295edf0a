package dev.apigwinsights.local.replay;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Error documents under an S3 prefix, such as {@code s3://bucket/errors/processing-failed/}, listed
 * in key order (ListObjectsV2, all pages) from an optional {@code startAfter} key, so an interrupted
 * replay can resume after the last object it finished.
 */
final class S3ErrorDocuments implements ErrorDocumentSource {
    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final String startAfter;

    S3ErrorDocuments(S3Client s3, String bucket, String prefix, String startAfter) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.startAfter = startAfter;
    }

    /** {@code s3://bucket/prefix} as bucket and prefix; empty when {@code uri} is not an s3:// URI with a bucket. */
    static Optional<String[]> parse(String uri) {
        if (!uri.startsWith("s3://")) {
            return Optional.empty();
        }
        String rest = uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        return bucket.isEmpty() ? Optional.empty() : Optional.of(new String[] {bucket, prefix});
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + prefix;
    }

    @Override
    public void forEachObject(TimeWindow window, ObjectReader reader, ReplayStats stats) throws IOException {
        ListObjectsV2Request.Builder list = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix);
        if (startAfter != null) {
            list.startAfter(startAfter);
        }
        for (S3Object object : s3.listObjectsV2Paginator(list.build()).contents()) {
            String key = object.key();
            if (key.endsWith("/") || object.size() == null || object.size() == 0) {
                continue;
            }
            if (!ErrorDocumentSource.partitionDay(key).map(window::mayHoldDay).orElse(true)) {
                stats.objectsOutsideWindow++;
                continue;
            }
            try (InputStream in = s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key).build())) {
                reader.read(key, in);
            }
        }
    }
}
