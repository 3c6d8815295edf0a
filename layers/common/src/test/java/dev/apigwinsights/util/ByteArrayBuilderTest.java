package dev.apigwinsights.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ByteArrayBuilderTest {

    @Test
    void writesDecimalsAsLongToStringDoes() {
        SplittableRandom random = new SplittableRandom(9);
        long[] edges = {0, 1, -1, 9, 10, 99, 100, 1_706_770_070_000L, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L,
            Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, Integer.MAX_VALUE, Integer.MIN_VALUE};
        ByteArrayBuilder out = new ByteArrayBuilder(1);
        for (int i = 0; i < 20_000; i++) {
            long v = i < edges.length ? edges[i] : random.nextLong() >> random.nextInt(64);
            out.clear();
            out.appendAscii("x");
            out.appendDecimal(v);
            assertThat(new String(out.toByteArray(), StandardCharsets.US_ASCII)).isEqualTo("x" + v);
        }
    }
}
