package dev.apigwinsights.benchmarks;

import dev.apigwinsights.eventkit.FirehoseEventBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The hardest Firehose batches issue 7 names, each within Lambda's 6 MB request limit, built
 * deterministically: what {@link BatchWorkBenchmark} times and {@link BatchHeap} measures.
 */
public enum WorstBatches {
    /** The baseline: 3 MB of reference-sample lines ({@link RealisticBatch}). */
    REALISTIC(null) {
        @Override
        byte[] event() {
            return RealisticBatch.event(3_000_000);
        }
    },
    /** 3,000 lines that each exhaust the template search (many adjacent free-text variables). */
    TEMPLATE_SEARCH(Formats.ADJACENT_FREE_TEXT) {
        @Override
        byte[] event() {
            FirehoseEventBuilder b = builder();
            for (int i = 0; i < 3_000; i++) {
                b.direct("r " + "a ".repeat(500) + "x");
            }
            return json(b);
        }
    },
    /** Four CloudWatch records of 150,000 valid events each (a million-line batch in a few MB of gzip). */
    CLOUDWATCH_MANY_EVENTS(null) {
        @Override
        byte[] event() {
            FirehoseEventBuilder b = builder();
            for (int r = 0; r < 4; r++) {
                b.cloudWatch("/aws/apigateway/big", "s" + r, Collections.nCopies(150_000, LINE), 1706770070000L);
            }
            return json(b);
        }
    },
    /** Ten 30 KB gzip records of a million minimal events each (the memory case). */
    CLOUDWATCH_MILLION_MINIMAL(null) {
        @Override
        byte[] event() {
            FirehoseEventBuilder b = builder();
            byte[] record = FirehoseEventBuilder.gzipEnvelopeOfIdenticalEvents(1_000_000, "x");
            for (int r = 0; r < 10; r++) {
                b.raw(record);
            }
            return json(b);
        }
    },
    /** Five 1,000 KiB direct records of short valid lines (about 11,000 entries each). */
    DIRECT_SHORT_LINES(null) {
        @Override
        byte[] event() {
            FirehoseEventBuilder b = builder();
            String record = (LINE + "\n").repeat(1_000 * 1024 / (LINE.length() + 1));
            for (int r = 0; r < 5; r++) {
                b.direct(record);
            }
            return json(b);
        }
    },
    /** Twenty gzip records that each inflate past the 32 MiB cap (JSON whitespace, so it is all read). */
    GZIP_BOMBS(null) {
        @Override
        byte[] event() {
            FirehoseEventBuilder b = builder();
            byte[] spaces = new byte[33 * 1024 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            byte[] bomb = FirehoseEventBuilder.gzip(spaces);
            for (int r = 0; r < 20; r++) {
                b.raw(bomb);
            }
            return json(b);
        }
    };

    /** Formats the constants are read with (a holder: enum constants cannot use the enum's own static fields). */
    static final class Formats {
        static final String ADJACENT_FREE_TEXT = "$context.requestId $context.identity.userAgent $context.error.message"
                + " $context.integrationErrorMessage $context.authorizer.error $context.status";

        private Formats() {
        }
    }

    static final String LINE = "{\"requestId\":\"r-1\",\"requestTime\":\"01/Feb/2024:06:47:49 +0000\",\"httpMethod\":\"GET\","
            + "\"resourcePath\":\"/pets\",\"status\":\"200\",\"ip\":\"203.0.113.7\"}";

    /** The LOG_FORMAT the batch is read with; null to detect formats. */
    final String logFormat;

    WorstBatches(String logFormat) {
        this.logFormat = logFormat;
    }

    abstract byte[] event();

    private static FirehoseEventBuilder builder() {
        return new FirehoseEventBuilder("arn:aws:firehose:us-east-1:123456789012:deliverystream/amazon-apigateway-bench",
                1706770070000L);
    }

    private static byte[] json(FirehoseEventBuilder b) {
        return b.toJson().getBytes(StandardCharsets.UTF_8);
    }

    static List<WorstBatches> all() {
        return List.of(values());
    }
}
