package dev.apigwinsights.report;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Keeps every rendered PDF under the bucket's {@code reports/} prefix (encrypted with the bucket's
 * default encryption) and hands out time-limited links for mails too large to carry it.
 */
public final class ReportStore {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final String prefix;

    public ReportStore(S3Client s3, S3Presigner presigner, String bucket, String prefix) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.prefix = prefix.endsWith("/") ? prefix : prefix + "/";
    }

    /** Stores {@code pdf} at {@code prefix + key} and returns the full key. */
    public String put(String key, byte[] pdf) {
        String full = prefix + key;
        s3.putObject(b -> b.bucket(bucket).key(full).contentType("application/pdf")
                .contentDisposition("attachment; filename=\"" + key.substring(key.lastIndexOf('/') + 1) + "\""), RequestBody.fromBytes(pdf));
        return full;
    }

    /**
     * A GET link to {@code fullKey} valid for {@code validity}. Signed with the function's role
     * credentials, it stops working when they expire even if {@code validity} is longer (docs/reports.md).
     */
    public URI link(String fullKey, Duration validity) {
        return URI.create(presigner.presignGetObject(b -> b.signatureDuration(validity)
                .getObjectRequest(g -> g.bucket(bucket).key(fullKey))).url().toString());
    }
}
